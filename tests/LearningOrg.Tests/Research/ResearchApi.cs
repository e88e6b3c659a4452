using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Research;

/// <summary>An export as the API answered it.</summary>
internal sealed record ExportFile(byte[] Bytes, long Sequence, string FileName, string MediaType)
{
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>The JSON Lines, parsed.</summary>
    public IReadOnlyList<JsonElement> Lines =>
        [.. Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>The CSV's header line.</summary>
    public string CsvHeader => Text[..Text.IndexOf("\r\n", StringComparison.Ordinal)];
}

/// <summary>Research calls over HTTP, and folds of exported events, shared by the research tests.</summary>
internal static class ResearchApi
{
    /// <summary>A day from which the tests' histories start: well before "now", whatever the clock says.</summary>
    public static readonly DateTimeOffset Past = new(2021, 8, 2, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Day(int n) => Past.AddDays(n);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static async Task<ExportFile> ExportAsync(this ApiFixture api, string query)
    {
        using var response = await api.Http.GetAsync("/api/exports/events" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var sequence = long.Parse(response.Headers.GetValues("X-Export-Sequence").Single(), CultureInfo.InvariantCulture);
        var disposition = response.Content.Headers.ContentDisposition;
        return new ExportFile(
            await response.Content.ReadAsByteArrayAsync(),
            sequence,
            disposition?.FileNameStar ?? disposition?.FileName ?? string.Empty,
            response.Content.Headers.ContentType?.MediaType ?? string.Empty);
    }

    public static async Task<JsonElement> ImportAsync(this ApiFixture api, HttpContent body, HttpClient? client = null)
    {
        using var response = await (client ?? api.Http).PostAsync("/api/imports", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<JsonElement> ImportAsync(this ApiFixture api, string jsonLines) =>
        api.ImportAsync(JsonLines(jsonLines));

    public static StringContent JsonLines(string text) =>
        new(text, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson"));

    /// <summary>Posts a command and asserts that it was accepted.</summary>
    public static async Task<JsonElement> Recorded(this ApiFixture api, string path, object body)
    {
        using var response = await api.Post(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The "state" of GET {path}, as canonical JSON.</summary>
    public static async Task<string> StateJson(this ApiFixture api, string path) =>
        Canonical(JsonNode.Parse((await api.GetJson(path)).GetProperty("state").GetRawText()));

    /// <summary>
    /// JSON with every object's members in name order, so that two states compare equal when they hold the same data,
    /// whatever order their dictionaries enumerate in.
    /// </summary>
    public static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString(ApiFixture.Json) ?? "null";

    /// <summary>A state as the API writes it, canonical.</summary>
    public static string Canonical<T>(T value) => Canonical(JsonSerializer.SerializeToNode(value, ApiFixture.Json));

    /// <summary>The fold of exported lines of one stream (in their order), with the domain's own fold, as canonical JSON.</summary>
    public static string FoldExported(IEnumerable<JsonElement> lines)
    {
        var events = lines.Select(line =>
        {
            var type = EventCatalog.Find(line.GetProperty("type").GetString()!) ?? throw new InvalidOperationException("unknown type");
            return (type.Aggregate, Event: (DomainEvent)line.GetProperty("data").Deserialize(type.ClrType, ApiFixture.Json)!);
        }).ToList();
        return events[0].Aggregate switch
        {
            "school" => Canonical(Aggregate.Fold<School, SchoolState, SchoolEvent>(null, events.Select(e => (SchoolEvent)e.Event))),
            "teacher" => Canonical(Aggregate.Fold<Teacher, TeacherState, TeacherEvent>(null, events.Select(e => (TeacherEvent)e.Event))),
            "initiative" => Canonical(Aggregate.Fold<Initiative, InitiativeState, InitiativeEvent>(null, events.Select(e => (InitiativeEvent)e.Event))),
            _ => Canonical(Aggregate.Fold<Network, NetworkState, NetworkEvent>(null, events.Select(e => (NetworkEvent)e.Event))),
        };
    }

    /// <summary>The API path of a stream: school/x is /api/schools/x.</summary>
    public static string PathOf(string streamId)
    {
        var slash = streamId.IndexOf('/', StringComparison.Ordinal);
        return $"/api/{streamId[..slash]}s/{streamId[(slash + 1)..]}";
    }

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;

    public static long Num(this JsonElement e, string property) => e.GetProperty(property).GetInt64();

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}

/// <summary>A small world of schools, teachers, an initiative and a network, recorded over HTTP with unique ids.</summary>
internal sealed class World(ApiFixture api)
{
    public string SchoolA { get; } = ResearchApi.NewId("sa");
    public string SchoolB { get; } = ResearchApi.NewId("sb");
    public string SchoolC { get; } = ResearchApi.NewId("sc");
    public string TeacherA { get; } = ResearchApi.NewId("ta");
    public string TeacherB { get; } = ResearchApi.NewId("tb");
    public string Mover { get; } = ResearchApi.NewId("tm");
    public string Initiative { get; } = ResearchApi.NewId("in");
    public string Network { get; } = ResearchApi.NewId("nw");

    /// <summary>Teachers' full names, unusual enough to be found only where a name was written.</summary>
    public string NameOf(string teacherId) => teacherId == TeacherA ? "Zelda Quartermaine" : teacherId == TeacherB ? "Ignatius Pennywhistle" : "Octavia Blackwood";

    /// <summary>
    /// A network of schools A and B (C stays out); a teacher at A, one at B, one who moves from B to A; a decision at A
    /// naming a teacher in its rationale; an initiative enrolling A and B with an intervention in each, A's completed.
    /// </summary>
    public async Task<World> Build()
    {
        foreach (var school in new[] { SchoolA, SchoolB, SchoolC })
        {
            await api.Recorded($"/api/schools/{school}", new SchoolRegistered($"School {school}", "North", 30) { OccurredAt = ResearchApi.Day(0) });
        }
        await api.Recorded($"/api/teachers/{TeacherA}", new TeacherRegistered(NameOf(TeacherA), SchoolA, ["Mathematics"], ["5"], 7) { OccurredAt = ResearchApi.Day(1) });
        await api.Recorded($"/api/teachers/{TeacherB}", new TeacherRegistered(NameOf(TeacherB), SchoolB, ["Science"], ["6"], 3) { OccurredAt = ResearchApi.Day(1) });
        await api.Recorded($"/api/teachers/{Mover}", new TeacherRegistered(NameOf(Mover), SchoolB, ["Music"], ["K", "1"], 12) { OccurredAt = ResearchApi.Day(1) });
        await api.Recorded($"/api/teachers/{Mover}/moves", new TeacherMovedSchool(SchoolB, SchoolA) { OccurredAt = ResearchApi.Day(30) });
        await api.Recorded($"/api/schools/{SchoolA}/roles",
            new TeacherLeaderRoleDefined("coach", "Instructional coach", "Instruction", ["Lead the team"], ["Observe; share"], 4.5m, 2, DecidedAt.School)
            {
                OccurredAt = ResearchApi.Day(40),
            });
        await api.Recorded($"/api/schools/{SchoolA}/role-assignments", new RoleAssigned("coach", TeacherA) { OccurredAt = ResearchApi.Day(41) });
        await api.Recorded($"/api/schools/{SchoolA}/decisions",
            new DecisionRecorded("d1", "Shared planning", "schedule", DecisionMode.Shared, [TeacherA, Mover], true,
                $"{NameOf(TeacherA)} proposed it; {NameOf(Mover).ToUpperInvariant()} seconded.")
            {
                OccurredAt = ResearchApi.Day(42),
            });
        await api.Recorded($"/api/teachers/{TeacherA}/informal-leadership",
            new InformalLeadershipObserved(LeadershipAct.ModeledPractice, LeadershipDomain.Instruction, "Opened her classroom.", NameOf(Mover))
            {
                OccurredAt = ResearchApi.Day(43),
            });
        await api.Recorded($"/api/networks/{Network}", new NetworkFormed("Valley network", "Compare") { OccurredAt = ResearchApi.Day(2) });
        await api.Recorded($"/api/networks/{Network}/members", new SchoolJoinedNetwork(SchoolA) { OccurredAt = ResearchApi.Day(3) });
        await api.Recorded($"/api/networks/{Network}/members", new SchoolJoinedNetwork(SchoolB) { OccurredAt = ResearchApi.Day(3) });
        await api.Recorded($"/api/initiatives/{Initiative}", new InitiativeLaunched("Pathways", Sponsor.District, "Grow leaders", ["Time"]) { OccurredAt = ResearchApi.Day(2) });
        foreach (var school in new[] { SchoolA, SchoolB, SchoolC })
        {
            await api.Recorded($"/api/initiatives/{Initiative}/enrolments", new SchoolEnrolled(school) { OccurredAt = ResearchApi.Day(4) });
        }
        await api.Recorded($"/api/initiatives/{Initiative}/interventions", new InterventionStarted("i-a", SchoolA, "coaching", "Coaching helps") { OccurredAt = ResearchApi.Day(50) });
        await api.Recorded($"/api/initiatives/{Initiative}/interventions", new InterventionStarted("i-b", SchoolB, "coaching", "Coaching helps") { OccurredAt = ResearchApi.Day(50) });
        await api.Recorded($"/api/initiatives/{Initiative}/intervention-completions", new InterventionCompleted("i-a", "It helped", "") { OccurredAt = ResearchApi.Day(80) });
        return this;
    }
}
