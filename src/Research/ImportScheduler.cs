using System.Collections.Concurrent;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Research;

/// <summary>
/// Records an import's lines through the dispatcher (<see cref="CommandDispatch.RecordAsync"/>), each as the command
/// <c>import/{eventId}</c>. A line waits for every earlier line that touches a stream it touches; lines on unrelated
/// streams run concurrently, at most <see cref="Importer.Parallelism"/> at a time, and at most
/// <see cref="Importer.Window"/> lines are held in memory.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
    Justification = "The semaphores use no wait handle; lines still in flight after a cancelled import release them later.")]
internal sealed class ImportScheduler(IGrainFactory grains, EventReader journal, string recordedBy, ImportTally tally, ILogger logger)
{
    private readonly SemaphoreSlim window = new(Importer.Window);
    private readonly SemaphoreSlim parallel = new(Importer.Parallelism);
    private readonly ConcurrentDictionary<string, Task> tails = new(StringComparer.Ordinal);

    /// <summary>Sends a batch of lines on their way, after setting aside those whose event id the store already holds.</summary>
    public async Task ScheduleAsync(IReadOnlyList<ImportLine> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var present = await journal.ExistingEventIdsAsync([.. batch.Select(l => l.EventId)], cancellationToken);
        foreach (var line in batch)
        {
            if (present.Contains(line.EventId))
            {
                tally.Replay();
                continue;
            }
            await window.WaitAsync(cancellationToken);
            var before = line.Touches.Select(s => tails.GetValueOrDefault(s)).OfType<Task>().ToArray();
            var task = RunAsync(line, before);
            foreach (var stream in line.Touches)
            {
                tails[stream] = task;
            }
            _ = task.ContinueWith(done =>
            {
                foreach (var stream in line.Touches)
                {
                    tails.TryRemove(KeyValuePair.Create(stream, done));
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Waits until every line sent is done.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < Importer.Window; i++)
        {
            await window.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Records one line once the lines before it on its streams are done. Never throws.</summary>
    private async Task RunAsync(ImportLine line, Task[] before)
    {
        try
        {
            await Task.WhenAll(before);
            await parallel.WaitAsync();
            try
            {
                var outcome = await grains.RecordAsync(line.AggregateId, new CommandContext($"import/{line.EventId:D}", recordedBy), line.Event);
                if (outcome.Violation is { } violation)
                {
                    tally.Reject(line.Number, line.EventId, violation.Code, violation.Message, violation.Field);
                }
                else if (outcome.Replayed)
                {
                    tally.Replay();
                }
                else
                {
                    tally.Accept();
                }
            }
            finally
            {
                parallel.Release();
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Import line {Line} ({EventId}) failed", line.Number, line.EventId);
            tally.Reject(line.Number, line.EventId, "not-recorded", e is InvalidOperationException
                ? e.Message
                : $"The line could not be recorded ({e.GetType().Name}); import the file again to retry it.");
        }
        finally
        {
            window.Release();
        }
    }
}
