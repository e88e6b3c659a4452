using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LearningOrg.Api.Endpoints;
using LearningOrg.Api.Research;
using LearningOrg.Grains.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace LearningOrg.Api.Security;

/// <summary>
/// What a researcher without identifiable access reads: the answer as the endpoint built it, with every teacher id
/// replaced by its keyed pseudonym (the exports' <see cref="Pseudonymizer"/>, so a teacher has one pseudonym in reads
/// and exports), teacher ids and registered names in free text replaced too, the fields holding other people's names
/// left out, and recordedBy and commandId hashed. It works on the JSON of any read, so a new read cannot forget a field.
/// </summary>
public sealed class PseudonymizedReads(EventJournal journal, IOptionsMonitor<ResearchOptions> research, IOptions<HttpJsonOptions> json)
{
    /// <summary>Fields holding a person's name (and only ever a name): removed. "name" itself is also a school's name, so it is scrubbed instead.</summary>
    private static readonly HashSet<string> PersonalNameFields = BuildPersonalNameFields();

    /// <summary>The endpoint filter of every read a researcher may make.</summary>
    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        if (!Caller.From(context.HttpContext.User).SeesPseudonymsOnly)
        {
            return result;
        }
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IValueHttpResult { Value: { } value } && value is not ProblemDetails)
        {
            var reads = context.HttpContext.RequestServices.GetRequiredService<PseudonymizedReads>();
            return await reads.RedactAsync(value, context.HttpContext.RequestAborted);
        }
        return result;
    }

    public async Task<IResult> RedactAsync(object value, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(research.CurrentValue.PseudonymKey))
        {
            return ExportEndpoints.KeyMissing();
        }
        var pseudonyms = new Pseudonymizer(research.CurrentValue.PseudonymKey);
        var lines = await ExportLines.PseudonymizedAsync(pseudonyms, journal, long.MaxValue, cancellationToken);
        var redactor = new Redactor(pseudonyms, lines);
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), json.Value.SerializerOptions);
        return TypedResults.Json(redactor.Walk(node), json.Value.SerializerOptions);
    }

    private static HashSet<string> BuildPersonalNameFields()
    {
        var fields = EventShapes.All.SelectMany(s => s.Fields).ToList();
        var other = fields.Where(f => !f.PersonalName).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return [.. fields.Where(f => f.PersonalName && !other.Contains(f.Name)).Select(f => f.Name)];
    }

    private sealed class Redactor
    {
        private const string TeacherStreamPrefix = StreamKeys.Teacher + "/";

        private readonly Pseudonymizer pseudonyms;
        private readonly ExportLines lines;
        private readonly Dictionary<string, string> pseudonymOfId;
        private readonly Regex? ids;

        public Redactor(Pseudonymizer pseudonyms, ExportLines lines)
        {
            this.pseudonyms = pseudonyms;
            this.lines = lines;
            pseudonymOfId = lines.TeacherIds.Distinct(StringComparer.Ordinal).ToDictionary(id => id, pseudonyms.Teacher, StringComparer.Ordinal);
            if (pseudonymOfId.Count > 0)
            {
                // Whole ids only: "ana" must not match inside "ana-lopez".
                var alternatives = pseudonymOfId.Keys.OrderByDescending(id => id.Length).Select(Regex.Escape);
                ids = new Regex($"(?<![A-Za-z0-9-])(?:{string.Join('|', alternatives)})(?![A-Za-z0-9-])",
                    RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
            }
        }

        public JsonNode? Walk(JsonNode? node) => node switch
        {
            JsonObject obj => WalkObject(obj),
            JsonArray array => new JsonArray([.. array.Select(Walk)]),
            JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(Text(value.GetValue<string>())),
            _ => node?.DeepClone(),
        };

        private JsonObject WalkObject(JsonObject obj)
        {
            var copy = new JsonObject();
            foreach (var (key, value) in obj)
            {
                if (PersonalNameFields.Contains(key))
                {
                    continue;
                }
                var name = pseudonymOfId.GetValueOrDefault(key, key);
                copy[name] = (key, value) switch
                {
                    ("recordedBy", JsonValue v) when v.GetValueKind() == JsonValueKind.String => pseudonyms.User(v.GetValue<string>()),
                    ("commandId", JsonValue v) when v.GetValueKind() == JsonValueKind.String => pseudonyms.Command(v.GetValue<string>()),
                    _ => Walk(value),
                };
            }
            return copy;
        }

        private string Text(string text)
        {
            if (pseudonymOfId.TryGetValue(text, out var pseudonym))
            {
                return pseudonym;
            }
            if (text.StartsWith(TeacherStreamPrefix, StringComparison.Ordinal) && pseudonymOfId.TryGetValue(text[TeacherStreamPrefix.Length..], out pseudonym))
            {
                return TeacherStreamPrefix + pseudonym;
            }
            var withoutIds = ids is null ? text : ids.Replace(text, m => pseudonymOfId[m.Value]);
            return lines.Scrub(withoutIds);
        }
    }
}
