using System.Collections.Concurrent;
using System.Diagnostics;
using LearningOrg.Bench.Harness;

namespace LearningOrg.Bench.Ingest;

public enum SendOutcome
{
    /// <summary>Recorded now (for HTTP: a 2xx without Idempotent-Replayed).</summary>
    Accepted,

    /// <summary>A 2xx answered from an earlier recording of the same command.</summary>
    Replayed,

    /// <summary>Refused by a rule or the contract (4xx).</summary>
    Rejected,

    /// <summary>A 5xx, a timeout or a failed connection.</summary>
    Error,
}

/// <summary>What a load run measured inside its window.</summary>
/// <param name="Window">From the end of the warm-up to the end of the duration, or to the moment the first client ran out of work.</param>
/// <param name="Problems">Rejections and errors by kind (status and problem type, or exception), with how often.</param>
/// <param name="Completed">Operations answered over the whole run, warm-up included (what the processes' CPU time was spent on).</param>
/// <param name="AcceptedBySecond">Accepted operations in each second of the run, warm-up included: shows a slow start or a stall.</param>
public sealed record LoadResult(
    TimeSpan Window,
    long Completed,
    IReadOnlyList<long> AcceptedBySecond,
    long Accepted,
    long Replayed,
    long Rejected,
    long Errors,
    LatencySummary Latency,
    bool RanOut,
    IReadOnlyDictionary<string, long> Problems)
{
    public double AcceptedPerSecond => Accepted / Window.TotalSeconds;
}

/// <summary>
/// Closed-loop clients: each sends its own queue one operation at a time, in order. Operations that complete between
/// the end of the warm-up and the end of the window count; the window closes early when a client runs out of work, so
/// every measured moment had all clients busy.
/// </summary>
public static class LoadDriver
{
    public static async Task<LoadResult> RunAsync<T>(
        IReadOnlyList<IReadOnlyList<T>> queues,
        Func<T, CancellationToken, Task<(SendOutcome Outcome, string? Problem)>> send,
        TimeSpan warmup,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var windowStart = warmup;
        var windowEnd = warmup + duration;
        long ranOutAtTicks = long.MaxValue;
        var latencies = new Latencies();
        var problems = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var counts = new long[4];
        var recorded = new ConcurrentQueue<(TimeSpan End, SendOutcome Outcome)>();
        var bySecond = new long[(int)Math.Ceiling(windowEnd.TotalSeconds) + 1];
        long completed = 0;

        async Task Client(IReadOnlyList<T> queue)
        {
            foreach (var item in queue)
            {
                if (clock.Elapsed >= windowEnd || Interlocked.Read(ref ranOutAtTicks) != long.MaxValue)
                {
                    return;
                }
                var started = clock.Elapsed;
                SendOutcome outcome;
                string? problem;
                try
                {
                    (outcome, problem) = await send(item, cancellationToken);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    (outcome, problem) = (SendOutcome.Error, e.GetType().Name);
                }
                var ended = clock.Elapsed;
                Interlocked.Increment(ref completed);
                if (outcome == SendOutcome.Accepted)
                {
                    Interlocked.Increment(ref bySecond[Math.Min((int)ended.TotalSeconds, bySecond.Length - 1)]);
                }
                if (started >= windowStart && ended <= windowEnd && ended.Ticks <= Interlocked.Read(ref ranOutAtTicks))
                {
                    recorded.Enqueue((ended, outcome));
                    if (outcome == SendOutcome.Accepted)
                    {
                        latencies.Add(ended - started);
                    }
                }
                if (problem is not null)
                {
                    problems.AddOrUpdate(problem, 1, (_, n) => n + 1);
                }
            }
            // Out of work: from now on not every client is busy, so the window ends here.
            Interlocked.CompareExchange(ref ranOutAtTicks, clock.Elapsed.Ticks, long.MaxValue);
        }

        await Task.WhenAll(queues.Where(q => q.Count > 0).Select(q => Task.Run(() => Client(q), cancellationToken)));
        var ranOut = ranOutAtTicks != long.MaxValue && TimeSpan.FromTicks(ranOutAtTicks) < windowEnd;
        var end = ranOut ? TimeSpan.FromTicks(ranOutAtTicks) : windowEnd;
        foreach (var (ended, outcome) in recorded)
        {
            if (ended <= end)
            {
                counts[(int)outcome]++;
            }
        }
        var window = end - windowStart;
        if (window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"A client ran out of work {end.TotalSeconds:0.0} s into the run, before the warm-up ended: give the clients more data.");
        }
        return new LoadResult(window, completed, bySecond, counts[0], counts[1], counts[2], counts[3], latencies.Summarize(), ranOut, problems);
    }
}
