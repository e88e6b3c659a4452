using System.Buffers;
using System.Collections.Frozen;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Json;
using LearningOrg.EventStore;

namespace LearningOrg.Research;

/// <summary>
/// Reads an import's lines from its body and checks each against the export's shape: numbered from 1 as the file
/// counts them, handed on in batches, and every line it cannot take told to the tally with its number and the field
/// at fault. A line longer than <see cref="Importer.MaxLineBytes"/> is skipped over without being held.
/// </summary>
internal sealed class ImportLineReader(ImportTally tally)
{
    private const int Batch = 256;

    /// <summary>The envelope's fields, as the export names them; a line holds no others.</summary>
    private static readonly FrozenSet<string> EnvelopeFields =
        typeof(EventEnvelope<>).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToFrozenSet(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Strict = CreateStrict();

    /// <summary>The lines ready to record, in file order, a batch at a time; completes the body once it is read.</summary>
    public async IAsyncEnumerable<List<ImportLine>> ReadBatchesAsync(PipeReader body, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pending = new List<ImportLine>(Batch);
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
                if (discarding || line.Length > Importer.MaxLineBytes)
                {
                    discarding = false;
                    TooLong(number);
                }
                else
                {
                    Parse(number, line, pending);
                }
                buffer = buffer.Slice(buffer.GetPosition(1, newline.Value));
            }
            if (read.IsCompleted)
            {
                if (discarding || buffer.Length > Importer.MaxLineBytes)
                {
                    TooLong(++number);
                }
                else if (buffer.Length > 0)
                {
                    Parse(++number, buffer, pending);
                }
                body.AdvanceTo(buffer.End);
                break;
            }
            if (buffer.Length > Importer.MaxLineBytes)
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
                yield return pending;
                pending = new List<ImportLine>(Batch);
            }
        }
        if (pending.Count > 0)
        {
            yield return pending;
        }
        await body.CompleteAsync();
    }

    private void TooLong(long line)
    {
        tally.Read();
        tally.Reject(line, null, "line-too-long", $"The line is longer than {Importer.MaxLineBytes} bytes; it was not read.");
    }

    private void Parse(long number, ReadOnlySequence<byte> bytes, List<ImportLine> pending)
    {
        if (IsBlank(bytes))
        {
            return;
        }
        tally.Read();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            tally.Reject(number, null, "malformed-json", "The line is not valid JSON: " + (cut > 0 ? message[..cut] : message));
            return;
        }
        using (document)
        {
            var (line, skip, rejection) = Validate(number, document.RootElement);
            if (rejection is not null)
            {
                tally.Reject(rejection);
            }
            else if (skip)
            {
                tally.Skip();
            }
            else
            {
                pending.Add(line!);
            }
        }
    }

    private static (ImportLine? Line, bool Skip, ImportRejection? Rejection) Validate(long number, JsonElement root)
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
        // A line of an older version is imported as the version recorded today, as the store reads it.
        data = EventCatalog.Current(data);
        type = EventCatalog.For(data);
        // The system's own follow-ups: the line that caused them re-creates them.
        if (type.IsFollowUpOnly || (commandId is not null && FollowUp.IsFollowUpCommand(commandId)))
        {
            return (null, true, null);
        }
        var own = StreamKeys.For(aggregate, id);
        var touched = type.Touched(data).Select(s => StreamKeys.For(s.Aggregate, s.Id));
        return (new ImportLine(number, eventId, id, data, [own, .. touched.Where(s => s != own).Distinct(StringComparer.Ordinal)]), false, null);
    }

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
}
