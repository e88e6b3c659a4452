using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Json;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Research;

/// <summary>A line the import did not record, and why.</summary>
public sealed record ImportRejection(long Line, Guid? EventId, string Code, string Reason, string? Field);

/// <summary>What an import did.</summary>
/// <param name="Lines">Non-blank lines read.</param>
/// <param name="Accepted">Lines recorded now.</param>
/// <param name="Replayed">Lines already recorded: by an earlier import of the same event id, or present in this store with that id.</param>
/// <param name="Skipped">Follow-ups the system writes itself, re-created by the lines that caused them.</param>
/// <param name="RejectedCount">All rejected lines; <paramref name="Rejected"/> lists the first <see cref="Importer.MaxListedRejections"/> by line number.</param>
public sealed record ImportReport(long Lines, long Accepted, long Replayed, long Skipped, long RejectedCount, IReadOnlyList<ImportRejection> Rejected);

/// <summary>
/// Imports historical records: JSON Lines in the export's shape, read as a stream, each line sent to its aggregate's
/// grain as a command with the id <c>import/{eventId}</c>, so the rules of live commands apply and a second import of
/// the same line records nothing.
/// </summary>
/// <remarks>
/// Lines run in file order per stream. A line waits for every earlier line that touches a stream it touches: its own,
/// and the ones its grain reads or writes, as its event's fields declare them (<see cref="TouchesAttribute"/>: a
/// teacher's registration and moves reach the schools, a role assignment reaches the teacher, an enrolment or a
/// network membership reads the school). Lines on unrelated streams run
/// concurrently, at most <see cref="Parallelism"/> at a time, and at most <see cref="Window"/> lines are held in memory.
/// </remarks>
public sealed class Importer(IGrainFactory grains, EventReader journal, ILogger<Importer> logger)
{
    public const int MaxLineBytes = 1024 * 1024;
    public const int MaxListedRejections = 1000;
    // Group commit shares a transaction among the appends that wait at the same moment, so more lines in flight make
    // fuller transactions: at 64 the quick-scale bulk import ran 1.6x faster than at 8 (docs/benchmarks.md, scenario 2).
    public const int Parallelism = 64;
    public const int Window = 1024;
    private const int Batch = 256;

    private static readonly HashSet<string> EnvelopeFields =
        ["eventId", "sequence", "streamId", "version", "type", "occurredAt", "recordedAt", "recordedBy", "commandId", "data"];

    private static readonly JsonSerializerOptions Strict = CreateStrict();

    private EventReader Journal => journal;

    private ILogger Logger => logger;

    public async Task<ImportReport> ImportAsync(PipeReader body, string recordedBy, CancellationToken cancellationToken)
    {
        var run = new Run(this, recordedBy);
        var pending = new List<Line>(Batch);
        long number = 0;
        var discarding = false;
        while (true)
        {
            var read = await body.ReadAsync(cancellationToken);
            var buffer = read.Buffer;
            while (true)
            {
                var newline = buffer.PositionOf((byte)'\n');
                if (newline is null)
                {
                    break;
                }
                number++;
                var line = buffer.Slice(0, newline.Value);
                if (discarding || line.Length > MaxLineBytes)
                {
                    discarding = false;
                    run.TooLong(number);
                }
                else
                {
                    Parse(number, line, run, pending);
                }
                buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            }
            if (read.IsCompleted)
            {
                if (discarding || buffer.Length > MaxLineBytes)
                {
                    run.TooLong(++number);
                }
                else if (buffer.Length > 0)
                {
                    Parse(++number, buffer, run, pending);
                }
                body.AdvanceTo(buffer.End);
                break;
            }
            if (buffer.Length > MaxLineBytes)
            {
                // No end of line in sight: drop what there is and the rest of the line, keep reading.
                discarding = true;
                body.AdvanceTo(buffer.End);
            }
            else
            {
                body.AdvanceTo(buffer.Start, buffer.End);
            }
            if (pending.Count >= Batch)
            {
                await run.ScheduleAsync(pending, cancellationToken);
                pending.Clear();
            }
        }
        await run.ScheduleAsync(pending, cancellationToken);
        await body.CompleteAsync();
        return await run.FinishAsync(cancellationToken);
    }

    /// <summary>A line read and checked, ready to be sent to its grain.</summary>
    private sealed record Line(long Number, Guid EventId, string Aggregate, string Id, DomainEvent Event, string[] Touches);

    private static void Parse(long number, ReadOnlySequence<byte> bytes, Run run, List<Line> pending)
    {
        if (IsBlank(bytes))
        {
            return;
        }
        run.Read();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            run.Reject(number, null, "malformed-json", "The line is not valid JSON: " + (cut > 0 ? message[..cut] : message));
            return;
        }
        using (document)
        {
            var (line, skip, rejection) = Read(number, document.RootElement);
            if (rejection is not null)
            {
                run.Reject(rejection);
            }
            else if (skip)
            {
                run.Skip();
            }
            else
            {
                pending.Add(line!);
            }
        }
    }

    private static (Line? Line, bool Skip, ImportRejection? Rejection) Read(long number, JsonElement root)
    {
        ImportRejection Invalid(Guid? id, string field, string reason, string code = "invalid-line") => new(number, id, code, reason, field);

        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, false, Invalid(null, "line", "Each line must be one JSON object (an event in the export's shape)."));
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!EnvelopeFields.Contains(property.Name))
            {
                return (null, false, Invalid(null, property.Name, $"{property.Name} is not a field of an export line."));
            }
        }
        if (!root.TryGetProperty("eventId", out var idElement) || idElement.ValueKind != JsonValueKind.String || !idElement.TryGetGuid(out var eventId))
        {
            return (null, false, Invalid(null, "eventId", "eventId is required: the event's id as a GUID."));
        }
        if (!root.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return (null, false, Invalid(eventId, "type", "type is required: an event type such as DecisionRecorded.v1."));
        }
        if (EventCatalog.Find(typeElement.GetString()!) is not { } type)
        {
            return (null, false, Invalid(eventId, "type", $"{typeElement.GetString()} is not an event type (see /api/event-types).", "unknown-type"));
        }
        if (!root.TryGetProperty("streamId", out var streamElement) || streamElement.ValueKind != JsonValueKind.String
            || streamElement.GetString()!.IndexOf('/', StringComparison.Ordinal) <= 0)
        {
            return (null, false, Invalid(eventId, "streamId", "streamId is required: {aggregate}/{id}, e.g. school/maple-grove-elementary."));
        }
        var (aggregate, id) = StreamKeys.Parse(streamElement.GetString()!);
        if (aggregate != type.Aggregate)
        {
            return (null, false, Invalid(eventId, "streamId", $"A {type.Name} belongs to a {type.Aggregate} stream, not to {streamElement.GetString()}."));
        }
        if (Check.Id(id, "streamId") is { } badId)
        {
            return (null, false, Invalid(eventId, "streamId", badId.Message));
        }
        string? commandId = null;
        if (root.TryGetProperty("commandId", out var commandElement) && commandElement.ValueKind != JsonValueKind.Null)
        {
            if (commandElement.ValueKind != JsonValueKind.String)
            {
                return (null, false, Invalid(eventId, "commandId", "commandId must be a string or null."));
            }
            commandId = commandElement.GetString();
        }
        if (!root.TryGetProperty("data", out var dataElement) || dataElement.ValueKind != JsonValueKind.Object)
        {
            return (null, false, Invalid(eventId, "data", "data is required: the event's fields as a JSON object."));
        }
        DomainEvent data;
        try
        {
            data = (DomainEvent)(JsonSerializer.Deserialize(dataElement, type.ClrType, Strict)
                ?? throw new JsonException("data is null."));
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? "data." + path.TrimStart('$', '.') : "data";
            return (null, false, Invalid(eventId, field, JsonErrors.Describe(e, field), "invalid-data"));
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or FormatException)
        {
            return (null, false, Invalid(eventId, "data", $"data is not a valid {type.Name}: {e.Message}", "invalid-data"));
        }
        if (root.TryGetProperty("occurredAt", out var occurredElement) && occurredElement.ValueKind != JsonValueKind.Null)
        {
            if (occurredElement.ValueKind != JsonValueKind.String || !occurredElement.TryGetDateTimeOffset(out var occurredAt))
            {
                return (null, false, Invalid(eventId, "occurredAt", "occurredAt must be a date-time such as 2022-05-10T15:00:00+00:00."));
            }
            if (data.OccurredAt == default)
            {
                data = data with { OccurredAt = occurredAt };
            }
            else if (data.OccurredAt != occurredAt)
            {
                return (null, false, Invalid(eventId, "occurredAt", "occurredAt differs from data.occurredAt."));
            }
        }
        if (data.OccurredAt == default)
        {
            return (null, false, Invalid(eventId, "occurredAt", "occurredAt is required: a historical record says when it happened."));
        }
        // The system's own follow-ups: the line that caused them re-creates them.
        if (type.IsFollowUpOnly || (commandId is not null && FollowUp.IsFollowUpCommand(commandId)))
        {
            return (null, true, null);
        }
        var own = StreamKeys.For(aggregate, id);
        var touched = type.Touched(data).Select(s => StreamKeys.For(s.Aggregate, s.Id));
        return (new Line(number, eventId, aggregate, id, data, [own, .. touched.Where(s => s != own).Distinct(StringComparer.Ordinal)]), false, null);
    }

    private Task<CommandOutcome> Send(Line line, CommandContext context) => grains.RecordAsync(line.Id, context, line.Event);

    private static bool IsBlank(ReadOnlySequence<byte> bytes)
    {
        foreach (var segment in bytes)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonContract.Configure(options);
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }

    /// <summary>One import: its counters, its rejections and the lines in flight.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001",
        Justification = "The semaphores use no wait handle; lines still in flight after a cancelled import release them later.")]
    private sealed class Run(Importer importer, string recordedBy)
    {
        private readonly SemaphoreSlim window = new(Window);
        private readonly SemaphoreSlim parallel = new(Parallelism);
        private readonly ConcurrentDictionary<string, Task> tails = new(StringComparer.Ordinal);
        private readonly PriorityQueue<ImportRejection, long> rejections = new();
        private long lines, accepted, replayed, skipped, rejected;

        public void Read() => Interlocked.Increment(ref lines);

        public void Skip() => Interlocked.Increment(ref skipped);

        public void TooLong(long line)
        {
            Read();
            Reject(line, null, "line-too-long", $"The line is longer than {MaxLineBytes} bytes; it was not read.");
        }

        public void Reject(long line, Guid? eventId, string code, string reason, string? field = null) =>
            Reject(new ImportRejection(line, eventId, code, reason, field));

        public void Reject(ImportRejection rejection)
        {
            Interlocked.Increment(ref rejected);
            lock (rejections)
            {
                // Keeps the lowest line numbers: the queue's head is the highest kept.
                rejections.Enqueue(rejection, -rejection.Line);
                if (rejections.Count > MaxListedRejections)
                {
                    rejections.Dequeue();
                }
            }
        }

        /// <summary>Sends a batch of lines on their way, after setting aside those whose event id the store already holds.</summary>
        public async Task ScheduleAsync(List<Line> batch, CancellationToken cancellationToken)
        {
            if (batch.Count == 0)
            {
                return;
            }
            var present = await importer.Journal.ExistingEventIdsAsync([.. batch.Select(l => l.EventId)], cancellationToken);
            foreach (var line in batch)
            {
                if (present.Contains(line.EventId))
                {
                    Interlocked.Increment(ref replayed);
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

        public async Task<ImportReport> FinishAsync(CancellationToken cancellationToken)
        {
            for (var i = 0; i < Window; i++)
            {
                await window.WaitAsync(cancellationToken);
            }
            List<ImportRejection> listed;
            lock (rejections)
            {
                listed = [.. rejections.UnorderedItems.Select(r => r.Element).OrderBy(r => r.Line)];
            }
            return new ImportReport(lines, accepted, replayed, skipped, rejected, listed);
        }

        /// <summary>Records one line once the lines before it on its streams are done. Never throws.</summary>
        private async Task RunAsync(Line line, Task[] before)
        {
            try
            {
                await Task.WhenAll(before);
                await parallel.WaitAsync();
                try
                {
                    var outcome = await importer.Send(line, new CommandContext($"import/{line.EventId:D}", recordedBy));
                    if (outcome.Violation is { } violation)
                    {
                        Reject(line.Number, line.EventId, violation.Code, violation.Message, violation.Field);
                    }
                    else
                    {
                        Interlocked.Increment(ref outcome.Replayed ? ref replayed : ref accepted);
                    }
                }
                finally
                {
                    parallel.Release();
                }
            }
            catch (Exception e)
            {
                importer.Logger.LogWarning(e, "Import line {Line} ({EventId}) failed", line.Number, line.EventId);
                Reject(line.Number, line.EventId, "not-recorded", e is InvalidOperationException
                    ? e.Message
                    : $"The line could not be recorded ({e.GetType().Name}); import the file again to retry it.");
            }
            finally
            {
                window.Release();
            }
        }
    }
}
