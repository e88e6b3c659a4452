using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Json;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;

namespace LearningOrg.Research;

/// <summary>The JSON of research exports: the API's contract names, no indentation, non-ASCII text written as is.</summary>
public static class ResearchJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>A date as the JSON writes it, without quotes.</summary>
    public static string Date(DateTimeOffset value) => JsonSerializer.Serialize(value, Options).Trim('"');

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General);
        JsonContract.Configure(options);
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.WriteIndented = false;
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver();
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>
/// Turns recorded events into export lines. Identifiable: the events as recorded. Pseudonymized: teacher ids become
/// keyed pseudonyms wherever they appear (teacher streams, <see cref="EventField.TeacherReference"/> fields), fields
/// holding a person's name are left out, who recorded the event and the command id are replaced by keyed hashes, and
/// in the remaining text every teacher's registered full name is replaced by their pseudonym and every other name a
/// name field holds (who assessed, who observed: the words before a bracket) by <see cref="NameMask.Withheld"/>.
/// </summary>
public sealed class ExportLines
{
    /// <summary>Registered names shorter than this are not searched for in free text: too many false matches.</summary>
    public const int MinScrubbedNameLength = 4;

    private const string AmbiguousName = "[teacher]";

    private readonly Pseudonymizer? pseudonyms;
    private readonly Regex? names;
    private readonly Dictionary<string, string> pseudonymOfName;

    private ExportLines(Pseudonymizer? pseudonyms, Dictionary<string, string> pseudonymOfName, IReadOnlyCollection<string>? teacherIds = null)
    {
        this.pseudonyms = pseudonyms;
        TeacherIds = teacherIds ?? [];
        this.pseudonymOfName = pseudonymOfName;
        if (pseudonymOfName.Count > 0)
        {
            // Longest first, so that "Ana Maria Lopez" wins over "Ana Maria"; whole words only.
            var alternatives = pseudonymOfName.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).Select(Regex.Escape);
            names = new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromSeconds(5));
        }
    }

    public static ExportLines Identifiable() => new(null, []);

    /// <summary>The event types with a name field, besides a teacher's registration.</summary>
    private static readonly Type[] NameBearingTypes =
        [.. EventShapes.All.Where(s => s.Type.ClrType != typeof(TeacherRegistered) && s.Fields.Any(f => f.PersonalName)).Select(s => s.Type.ClrType)];

    /// <summary>The ids of every teacher registered up to the export's sequence (empty when identifiable).</summary>
    public IReadOnlyCollection<string> TeacherIds { get; }

    /// <summary>
    /// Pseudonymized lines; reads every name recorded up to the export's sequence, to find it in free text. Only those:
    /// a name recorded later must not change what an export up to that sequence holds.
    /// </summary>
    public static async Task<ExportLines> PseudonymizedAsync(Pseudonymizer pseudonyms, EventReader journal, long upToSequence, CancellationToken cancellationToken)
    {
        var registrations = await journal.ReadCreationsAsync(StreamKeys.Teacher + "/", upToSequence, cancellationToken);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var teacherIds = registrations.Select(r => StreamKeys.Parse(r.StreamId).Id).ToList();
        foreach (var registration in registrations)
        {
            if (registration.Data is not TeacherRegistered { Name: { } raw } || raw.Trim() is not { Length: >= MinScrubbedNameLength } name)
            {
                continue;
            }
            var pseudonym = pseudonyms.Teacher(StreamKeys.Parse(registration.StreamId).Id);
            // Two teachers with one name: the text cannot tell which was meant.
            byName[name] = byName.TryGetValue(name, out var other) && other != pseudonym ? AmbiguousName : pseudonym;
        }
        foreach (var named in await journal.ReadEventsOfTypesAsync(NameBearingTypes, upToSequence, cancellationToken))
        {
            foreach (var field in EventShapes.For(named.Data.GetType()).Fields.Where(f => f.PersonalName))
            {
                if (field.Property.GetValue(named.Data) is string value && value.Split('(')[0].Trim() is { Length: >= MinScrubbedNameLength } name)
                {
                    // A teacher's registered name keeps standing for the teacher.
                    byName.TryAdd(name, NameMask.Withheld);
                }
            }
        }
        return new ExportLines(pseudonyms, byName, teacherIds);
    }

    /// <summary>One line of an export: the event's envelope with its data as JSON, pseudonymized when asked.</summary>
    public EventEnvelope<JsonObject> Build(EventEnvelope<DomainEvent> e)
    {
        var data = JsonSerializer.SerializeToNode(e.Data, e.Data.GetType(), ResearchJson.Options)!.AsObject();
        var line = e.WithData(data) with { RecordedAt = e.RecordedAt.ToUniversalTime() };
        if (pseudonyms is null)
        {
            return line;
        }
        foreach (var field in EventShapes.For(e.Type).Fields)
        {
            if (field.PersonalName)
            {
                data.Remove(field.Name);
            }
            else if (data[field.Name] is { } value)
            {
                data[field.Name] = field.TeacherReference ? Map(value, pseudonyms.Teacher) : Map(value, Scrub);
            }
        }
        var (aggregate, id) = StreamKeys.Parse(e.StreamId);
        var streamId = aggregate == StreamKeys.Teacher ? StreamKeys.For(aggregate, pseudonyms.Teacher(id)) : e.StreamId;
        return line with
        {
            StreamId = streamId,
            RecordedBy = e.RecordedBy is null ? null : pseudonyms.User(e.RecordedBy),
            CommandId = e.CommandId is null ? null : pseudonyms.Command(e.CommandId),
        };
    }

    /// <summary>Writes the line as one JSON object, envelope fields in contract order.</summary>
    public static void WriteJson(Utf8JsonWriter writer, EventEnvelope<JsonObject> line)
    {
        writer.WriteStartObject();
        writer.WriteString("eventId", line.EventId);
        writer.WriteNumber("sequence", line.Sequence);
        writer.WriteString("streamId", line.StreamId);
        writer.WriteNumber("version", line.Version);
        writer.WriteString("type", line.Type);
        writer.WriteString("occurredAt", line.OccurredAt);
        writer.WriteString("recordedAt", line.RecordedAt);
        WriteNullable(writer, "recordedBy", line.RecordedBy);
        WriteNullable(writer, "commandId", line.CommandId);
        writer.WritePropertyName("data");
        line.Data.WriteTo(writer, ResearchJson.Options);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Free text with every registered teacher name replaced by the teacher's pseudonym.</summary>
    public string Scrub(string text) =>
        names is null ? text : names.Replace(text, m => pseudonymOfName.GetValueOrDefault(m.Value, AmbiguousName));

    private static JsonNode Map(JsonNode value, Func<string, string> map) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonValue.Create(map(v.GetValue<string>())),
        JsonArray items => new JsonArray([.. items.Select(item => item is null ? null : Map(item, map))]),
        _ => value.DeepClone(),
    };
}
