using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LearningOrg.Domain;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Hostile;

/// <summary>
/// The hostile corpus (<see cref="HostileCorpus"/>) against every command route the app maps: each request is
/// refused with a 4xx problem details answer that names what is wrong, never a 500 or an HTML page, and the store
/// is the same after it as before (every table's row count, the event sequence and the streams' versions).
/// </summary>
public sealed class HostileRequestTests(HostileApi api) : IClassFixture<HostileApi>
{
    /// <summary>Events written only as the second half of a two-aggregate operation, never posted directly.</summary>
    private static readonly string[] FollowUpOnly = ["TeacherJoinedStaff.v1", "RoleTaken.v1", "RoleLeft.v1"];

    private static readonly string?[] NotJson =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/x-ndjson", null,
        // Minimal APIs would read any "+json" type as the command.
        "application/merge-patch+json", "application/problem+json", "application/vnd.api+json",
    ];
    private static readonly int[] BadRequestOnly = [400];
    private static readonly int[] BadRequestOrConflict = [400, 409];

    private IReadOnlyList<CommandRoute> Routes => CommandRoutes.From(api.Services);

    public static TheoryData<string> MalformedBodyNames => new(HostileCorpus.MalformedBodies.Keys);

    public static TheoryData<string> FieldGroups => new(
        "wrong type", "null", "missing", "bad text", "bad id", "bad enum", "bad integer", "bad number", "bad list", "bad date");

    [Fact]
    public void The_corpus_reaches_every_command_route_the_app_maps()
    {
        var routed = Routes.Select(r => r.Event.Name).Order(StringComparer.Ordinal).ToList();

        var commands = EventCatalog.All.Where(t => !t.IsSuperseded).Select(t => t.Name).Except(FollowUpOnly).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(commands, routed);
    }

    [Theory, MemberData(nameof(MalformedBodyNames))]
    public Task A_body_that_is_not_one_command_object_is_refused_on_every_route(string name) =>
        OnEveryRoute(route => [HostileApi.JsonRequest(HttpMethod.Post, route.Path(), HostileCorpus.MalformedBodies[name](route.ValidBody().ToJsonString()))],
            answer => answer.RefusalProblem(null, 400));

    [Fact]
    public Task A_body_that_is_not_UTF8_is_refused_on_every_route() =>
        OnEveryRoute(route => [HostileApi.Raw(HttpMethod.Post, route.Path(), HostileCorpus.InvalidUtf8(route.ValidBody().ToJsonString()))],
            answer => answer.RefusalProblem(null, 400));

    [Theory, MemberData(nameof(FieldGroups))]
    public async Task A_hostile_field_value_is_refused_naming_the_field_on_every_route(string group)
    {
        await api.SeedAsync();
        var failures = new List<string>();
        var sent = 0;
        foreach (var route in Routes)
        {
            var valid = route.ValidBody();
            foreach (var (field, value) in HostileValues(route, group))
            {
                sent++;
                var answer = await api.SendAsync(HostileApi.JsonRequest(HttpMethod.Post, route.Path(), WithField(valid, field, value?.Json)));
                // A date that is well formed but before the school's registration may be refused as a conflict (409).
                // A missing field is named as the key of its own error, so a form can show the message beside it.
                var problem = answer.RefusalProblem(field, group == "bad date" ? BadRequestOrConflict : BadRequestOnly);
                Note(failures, problem is null ? null : $"[{field} = {value?.Label ?? "missing"}] {problem}");
            }
        }
        Assert.True(sent > 0, $"The group {group} sent nothing.");
        AssertNone(failures);
    }

    [Fact]
    public Task A_body_over_the_limit_is_refused_with_413_on_every_route_with_or_without_a_length() =>
        OnEveryRoute(route =>
            {
                // The filler is a field of the command, so reading has to go past the limit before the value can be judged.
                var filler = HostileCorpus.Quote(new string('x', (int)LearningOrg.Api.Http.ApiLimits.MaxBodyBytes));
                var body = WithField(route.ValidBody(), route.Fields.Count > 0 ? route.Fields[0].Name : "occurredAt", filler);
                var chunked = new HttpRequestMessage(HttpMethod.Post, route.Path()) { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))) };
                chunked.Content.Headers.ContentType = new("application/json");
                chunked.Headers.TransferEncodingChunked = true;
                return [HostileApi.JsonRequest(HttpMethod.Post, route.Path(), body), chunked];
            },
            answer => answer.RefusalProblem(null, 413)
                ?? (answer.Body.Contains("urn:learningorg:problem:body-too-large", StringComparison.Ordinal) ? null : $"{answer} is not typed body-too-large"));

    [Fact]
    public Task A_body_that_is_not_declared_JSON_is_refused_with_415_on_every_route() =>
        OnEveryRoute(route => NotJson.Select(type => HostileApi.Raw(HttpMethod.Post, route.Path(), Encoding.UTF8.GetBytes(route.ValidBody().ToJsonString()), type)),
            answer => answer.RefusalProblem(null, 415));

    [Fact]
    public Task A_path_id_of_the_wrong_shape_is_refused_on_every_route() =>
        OnEveryRoute(route => HostileCorpus.BadPathIds.Select(id => HostileApi.JsonRequest(HttpMethod.Post, route.Path(id.Segment), route.ValidBody().ToJsonString())),
            answer => answer.RefusalProblem(answer.Code == 400 ? "id" : null, 400, 404));

    [Fact]
    public Task A_dot_segment_for_the_id_is_refused_on_every_route() =>
        // The client removes "%2e%2e" with the id before sending, and the rest may match another route: any refusal will do.
        OnEveryRoute(route => [HostileApi.JsonRequest(HttpMethod.Post, route.Path("%2e%2e"), route.ValidBody().ToJsonString())],
            answer => answer.RefusalProblem());

    public static TheoryData<string, string, string, int> BadHeaders => new()
    {
        { "Idempotency-Key", "empty", "", 400 },
        { "Idempotency-Key", "129 characters", new string('k', 129), 400 },
        { "Idempotency-Key", "16 KiB", new string('k', 16 * 1024), 400 },
        { "Idempotency-Key", "space", "retry me", 400 },
        { "Idempotency-Key", "tab", "retry\tme", 400 },
        { "Idempotency-Key", "DEL", "retry\u007fme", 400 },
        { "If-Match", "weak ETag", "W/\"1\"", 400 },
        { "If-Match", "negative", "\"-1\"", 400 },
        { "If-Match", "unquoted", "1", 400 },
        { "If-Match", "unterminated", "\"1", 400 },
        { "If-Match", "empty quotes", "\"\"", 400 },
        { "If-Match", "beyond Int64", "\"99999999999999999999\"", 400 },
        { "If-Match", "list", "\"1\", \"2\"", 400 },
        { "If-Match", "hex", "\"0x10\"", 400 },
        { "If-Match", "exponent", "\"1e3\"", 400 },
        { "If-Match", "padded", "\" 1 \"", 400 },
        { "If-Match", "SQL injection", "\"1; drop table mt_events\"", 400 },
        { "If-Match", "a version never reached", "\"999999\"", 412 },
    };

    [Theory, MemberData(nameof(BadHeaders))]
    public Task A_hostile_command_header_is_refused_on_every_route(string header, string label, string value, int status) =>
        OnEveryRoute(route =>
            {
                var request = HostileApi.JsonRequest(HttpMethod.Post, route.Path(), route.ValidBody().ToJsonString());
                Assert.True(request.Headers.TryAddWithoutValidation(header, value), $"{header} ({label}) could not be set");
                return [request];
            },
            answer => answer.RefusalProblem(status == 400 ? header : null, status));

    [Fact]
    public async Task Two_Idempotency_Keys_are_refused_rather_than_joined_into_one()
    {
        await api.SeedAsync();
        var route = Routes.First(r => r.Pattern.EndsWith("/collaborations", StringComparison.Ordinal));
        var request = HostileApi.JsonRequest(HttpMethod.Post, route.Path(), route.ValidBody().ToJsonString());
        request.Headers.TryAddWithoutValidation("Idempotency-Key", ["first-key", "second-key"]);

        var answer = await api.SendAsync(request);

        AssertNone([answer.RefusalProblem("Idempotency-Key", 400)]);
    }

    [Fact]
    public Task A_NUL_in_the_path_is_refused_by_Kestrel_before_the_app_and_writes_nothing() =>
        // Kestrel refuses a decoded NUL in the path itself, with an empty 400 (see docs/rules-and-limits.md).
        OnEveryRoute(route => [HostileApi.JsonRequest(HttpMethod.Post, route.Path("maple%00"), route.ValidBody().ToJsonString())],
            answer => answer.Code == 400 && !answer.Wrote ? null : answer.ToString());

    [Fact]
    public async Task Headers_beyond_Kestrel_s_limit_are_refused_before_the_app_and_write_nothing()
    {
        await api.SeedAsync();
        var route = Routes.First(r => r.Pattern.EndsWith("/collaborations", StringComparison.Ordinal));
        var request = HostileApi.JsonRequest(HttpMethod.Post, route.Path(), route.ValidBody().ToJsonString());
        request.Headers.TryAddWithoutValidation("X-Hostile", new string('h', 64 * 1024));

        var answer = await api.SendAsync(request);

        // Kestrel answers 431 itself, before any middleware: no problem details body is possible (see docs/rules-and-limits.md).
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, answer.Status);
        Assert.False(answer.Wrote);
    }

    public static TheoryData<string, string?> BadQueries => new()
    {
        { "/api/schools/{school}/state?asOf=yesterday", "asOf" },
        { "/api/schools/{school}/state?asOf=0001-01-01T00:00:00%2B05:00", "asOf" },
        { "/api/schools/{school}/state?asOf=9999-12-31T23:59:59-14:00", "asOf" },
        { "/api/schools/{school}/state?asOf=2024-02-30", "asOf" },
        { "/api/schools/{school}/state?asOf=0001-01-01", null },
        { "/api/schools/{school}/state?asOfSequence=-1", "asOfSequence" },
        { "/api/schools/{school}/state?asOfSequence=abc", "asOfSequence" },
        { "/api/schools/{school}/state?asOfSequence=99999999999999999999", "asOfSequence" },
        { "/api/schools/{school}/state?asOfSequence=1&asOf=2024-01-01", "asOfSequence" },
        { "/api/schools/{school}/state?asOfSequence=1e3", "asOfSequence" },
        { "/api/schools/{school}/state?asOfSequence=9223372036854775807", "asOfSequence" },
        { "/api/teachers/{teacher}/events?fromVersion=0", "fromVersion" },
        { "/api/teachers/{teacher}/events?fromVersion=-9223372036854775808", "fromVersion" },
        { "/api/teachers/{teacher}/events?limit=0", "limit" },
        { "/api/teachers/{teacher}/events?limit=1001", "limit" },
        { "/api/teachers/{teacher}/events?limit=2147483648", "limit" },
        { "/api/teachers/{teacher}/events?limit=ten", "limit" },
        { "/api/initiatives/{initiative}/replay?limit=201", "limit" },
        { "/api/initiatives/{initiative}/replay?fromVersion=abc", "fromVersion" },
        { "/api/networks/{network}/replay?fromVersion=0", "fromVersion" },
        { "/api/schools/{school}/timeline?page=0", "page" },
        { "/api/schools/{school}/timeline?page=2147483647", "page" },
        { "/api/schools/{school}/timeline?page=2147483647&pageSize=500", "page" },
        { "/api/schools/{school}/timeline?pageSize=501", "pageSize" },
        { "/api/schools/{school}/timeline?pageSize=-1", "pageSize" },
        { "/api/schools/{school}/timeline?from=junk", "from" },
        { "/api/schools/{school}/timeline?to=9999-12-31T23:59:59-14:00", "to" },
        { "/api/schools/{school}/timeline?from=2024-01-01&to=2023-01-01", "from" },
        { "/api/schools/{school}/timeline?kind=NotAKind", "kind" },
        { "/api/schools/{school}/timeline?kind=DecisionRecorded.v1", "kind" },
        { "/api/schools/{school}/timeline?person=Ada", "person" },
        { "/api/schools/{school}/timeline?person=..%2Fetc", "person" },
        { "/api/schools/{school}/episodes?status=closed", "status" },
        { "/api/schools/{school}/trajectory?from=2024-13", "from" },
        { "/api/schools/{school}/trajectory?from=0001-01", "from" },
        { "/api/schools/{school}/trajectory?from=1900-01&to=9999-12", "to" },
        { "/api/schools/{school}/trajectory?from=2025-01&to=2024-01", "from" },
        { "/api/networks/{network}/comparison?at=0001-01-01", "at" },
        { "/api/networks/{network}/comparison?at=junk", "at" },
        { "/api/networks/{network}/comparison?at=3000-01-01", "at" },
        { "/api/networks/{network}/comparison?at=2024-06-30T12:00:00", "at" },
        { "/api/networks/{network}/comparison?format=xml", "format" },
        { "/api/networks/{network}/series?align=fiscal", "align" },
        { "/api/networks/{network}/series?to=9999-12", "to" },
        { "/api/exports/events?format=xml", "format" },
        { "/api/exports/events?scope=school:Maple", "scope" },
        { "/api/exports/events?scope=school:..%2F..%2Fetc", "scope" },
        { "/api/exports/events?scope=district:x", "scope" },
        { "/api/exports/events?upToSequence=-1", "upToSequence" },
        { "/api/exports/events?upToSequence=9223372036854775807", "upToSequence" },
        { "/api/exports/events?upToSequence=99999999999999999999", "upToSequence" },
        { "/api/exports/events?identifiable=maybe", "identifiable" },
        { "/api/exports/codebook?format=pdf", "format" },
        { "/api/schools/Maple/state", "id" },
        { "/api/schools/%E2%80%AEmaple/events", "id" },
        { "/api/teachers/0F8FAD5B-D9CB-469F-A165-70867728950E/state", "id" },
        { "/api/teachers/0f8fad5b-d9cb-469f-a165-70867728950e%20/state", "id" },
        { "/api/networks/a_b/comparison", "id" },
        { "/api/schools/{school}/decisions", null },
    };

    /// <summary>Queries at the edges of what the API takes: answered, or refused with problem details, never a 500.</summary>
    public static TheoryData<string> ExtremeQueries => new()
    {
        "/api/schools/{school}/trajectory?from=9999-12&to=9999-12",
        "/api/schools/{school}/trajectory?from=1900-01&to=1900-01",
        "/api/networks/{network}/comparison?at=9999-12-31",
        "/api/networks/{network}/comparison?at=9999-12-31T23:59:59.9999999Z",
        "/api/networks/{network}/comparison?at=1900-01-01",
        "/api/networks/{network}/series?from=9999-12&to=9999-12",
        "/api/networks/{network}/series?align=first-role&to=9999-12",
        "/api/schools/{school}/state?asOf=9999-12-31T23:59:59.9999999Z",
        "/api/schools/{school}/state?asOfSequence=9223372036854775807",
        "/api/schools/{school}/events?fromVersion=9223372036854775807&limit=1000",
        "/api/schools/{school}/replay?fromVersion=9223372036854775807",
        "/api/schools/{school}/timeline?from=0001-01-01&to=9999-12-31T23:59:59Z",
        "/api/schools/{school}/timeline?page=1000000&pageSize=500",
        "/api/schools/{school}/timeline?kind=" + string.Join("&kind=", Enumerable.Repeat("DecisionRecorded", 300)),
        "/api/exports/events?upToSequence=0",
    };

    [Theory, MemberData(nameof(ExtremeQueries))]
    public async Task A_query_at_the_edge_of_the_ranges_is_answered_or_refused_but_never_fails(string path)
    {
        await api.SeedAsync();

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, Fill(path)));

        AssertNone([answer.Code >= 400 ? answer.RefusalProblem() : answer.Code is >= 200 and < 300 ? null : answer.ToString()]);
    }

    [Theory, MemberData(nameof(BadQueries))]
    public async Task A_hostile_query_is_refused_with_problem_details(string path, string? field)
    {
        await api.SeedAsync();

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, Fill(path)));

        AssertNone([answer.RefusalProblem(field)]);
    }

    [Fact]
    public async Task An_import_of_hostile_lines_rejects_every_line_and_writes_nothing()
    {
        await api.SeedAsync();
        var school = $"school/{HostileApi.Seeded.School}";
        string[] lines =
        [
            "{",
            "null",
            "[]",
            "{\"eventId\":\"not-a-guid\",\"type\":\"DecisionRecorded.v1\",\"streamId\":\"" + school + "\",\"data\":{}}",
            Line("DecisionRecorded.v1", school, "{\"decisionId\":\"d-1\",\"title\":\"a\\u0000b\",\"area\":\"x\",\"mode\":\"Shared\",\"participants\":[],\"equityFocus\":true,\"rationale\":\"\",\"occurredAt\":\"2022-01-01T00:00:00Z\"}"),
            Line("DecisionRecorded.v1", school, "{\"decisionId\":\"d-2\",\"title\":\"\\ud800\",\"area\":\"x\",\"mode\":\"Shared\",\"participants\":[],\"equityFocus\":true,\"rationale\":\"\",\"occurredAt\":\"2022-01-01T00:00:00Z\"}"),
            Line("DecisionRecorded.v1", school, "{\"decisionId\":\"d-3\",\"title\":\"t\",\"area\":\"x\",\"mode\":\"Nope\",\"participants\":[],\"equityFocus\":true,\"rationale\":\"\",\"occurredAt\":\"2022-01-01T00:00:00Z\"}"),
            Line("DecisionRecorded.v1", school, "{\"decisionId\":\"d-4\",\"title\":\"t\",\"area\":\"x\",\"mode\":\"Shared\",\"participants\":[],\"equityFocus\":true,\"rationale\":\"\",\"occurredAt\":\"0001-01-01T00:00:00Z\"}"),
            Line("DecisionRecorded.v1", "school/../../etc", "{\"decisionId\":\"d-5\",\"title\":\"t\",\"area\":\"x\",\"mode\":\"Shared\",\"participants\":[],\"equityFocus\":true,\"rationale\":\"\",\"occurredAt\":\"2022-01-01T00:00:00Z\"}"),
            Line("DecisionRecorded.v1", school, "{\"decisionId\":\"d-6\",\"title\":\"t\",\"area\":\"x\",\"mode\":\"Shared\",\"participants\":[],\"equityFocus\":true,\"rationale\":\"\",\"occurredAt\":\"2022-01-01T00:00:00Z\",\"hostile\":1}"),
            Line("Hostile.v1", school, "{}"),
            Line("StaffCountChanged.v1", school, "{\"staffCount\":1e400,\"occurredAt\":\"2022-01-01T00:00:00Z\"}"),
            Line("StaffCountChanged.v1", school, "{\"staffCount\":2,\"staffCount\":3,\"occurredAt\":\"2022-01-01T00:00:00Z\"}"),
            "{\"eventId\":\"" + Guid.NewGuid() + "\",\"type\":\"StaffCountChanged.v1\",\"streamId\":\"" + school + "\",\"data\":" + new string('[', 200) + new string(']', 200) + "}",
        ];

        var answer = await api.SendAsync(HostileApi.JsonRequest(HttpMethod.Post, "/api/imports", string.Join('\n', lines), "application/x-ndjson"));

        Assert.True(answer.Status == HttpStatusCode.OK, answer.ToString());
        Assert.False(answer.Wrote, answer.ToString());
        var report = JsonNode.Parse(answer.Body)!;
        Assert.Equal(lines.Length, report["lines"]!.GetValue<int>());
        Assert.Equal(lines.Length, report["rejectedCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_import_that_is_not_JSON_lines_is_refused_with_415()
    {
        var answer = await api.SendAsync(HostileApi.JsonRequest(HttpMethod.Post, "/api/imports", "{}", "application/xml"));

        AssertNone([answer.RefusalProblem(null, 415)]);
    }

    public static TheoryData<string> HostilePages => new()
    {
        "/schools/{school}?from=9999-12-31&to=9999-12-31",
        "/schools/{school}?from=0001-01-01&to=junk&person=Ada&kind=Nope&page=2147483647",
        "/schools/{school}/trajectory?from=9999-12&to=9999-12",
        "/schools/{school}/trajectory?from=0001-01&to=junk",
        "/schools/{school}/replay?at=9999-12-31",
        "/schools/{school}/replay?at=0001-01-01",
        "/networks/{network}?at=9999-12-31&align=fiscal",
        "/networks/{network}?at=0001-01-01",
        "/schools/Maple",
        "/schools/..%2F..%2Fetc/record",
        "/initiatives/%E2%80%AEx",
    };

    [Theory, MemberData(nameof(HostilePages))]
    public async Task A_page_asked_with_hostile_parameters_answers_without_a_server_error(string path)
    {
        await api.SeedAsync();

        var answer = await api.SendAsync(new HttpRequestMessage(HttpMethod.Get, Fill(path)));

        Assert.True(answer.Code < 500, answer.ToString());
        Assert.False(answer.Wrote);
    }

    /// <summary>The hostile values of a group for each field of the route they apply to; a null value drops the field.</summary>
    private static IEnumerable<(string Field, HostileValue? Value)> HostileValues(CommandRoute route, string group)
    {
        if (group == "bad date")
        {
            return HostileCorpus.BadDates.Select(v => ("occurredAt", (HostileValue?)v));
        }
        if (group == "missing")
        {
            // A field the record gives a default (an additive field of an older contract) may be left out.
            return route.Fields.Where(field => !field.Optional).Select(field => (field.Name, (HostileValue?)null));
        }
        return route.Fields.SelectMany(field => (group switch
        {
            "wrong type" => HostileCorpus.WrongTypes(field.Kind),
            "null" => field.Nullable ? [] : [new HostileValue("null", "null")],
            "bad text" => field.Kind is FieldKind.Text or FieldKind.Id ? HostileCorpus.BadTexts : [],
            "bad id" => field.Kind == FieldKind.Id ? HostileCorpus.BadIds : [],
            "bad enum" => field.Kind == FieldKind.Enum ? HostileCorpus.BadEnums.Select(v => EnumValue(v, field.ClrType)) : [],
            "bad integer" => field.Kind == FieldKind.Integer ? HostileCorpus.BadIntegers : [],
            "bad number" => field.Kind == FieldKind.Number ? HostileCorpus.BadNumbers : [],
            "bad list" => field.Kind is FieldKind.Ids or FieldKind.Texts ? HostileCorpus.BadLists(field.Kind) : [],
            _ => throw new ArgumentOutOfRangeException(nameof(group), group, null),
        }).Select(v => (field.Name, (HostileValue?)v)));
    }

    private static HostileValue EnumValue(HostileValue value, Type enumType)
    {
        var names = Enum.GetNames(enumType);
        return value with
        {
            Json = value.Json.Replace("{0:lower}", names[0].ToLowerInvariant(), StringComparison.Ordinal)
                .Replace("{0}", names[0], StringComparison.Ordinal).Replace("{1}", names[1], StringComparison.Ordinal),
        };
    }

    /// <summary>The valid body with one field replaced by raw JSON, or dropped when <paramref name="json"/> is null.</summary>
    private static string WithField(JsonObject valid, string field, string? json)
    {
        var rest = valid.DeepClone().AsObject();
        rest.Remove(field);
        var restJson = rest.ToJsonString();
        return json is null ? restJson
            : restJson == "{}" ? $"{{\"{field}\":{json}}}"
            : $"{{\"{field}\":{json},{restJson[1..]}";
    }

    private static string Line(string type, string streamId, string data) =>
        "{\"eventId\":\"" + Guid.NewGuid() + "\",\"type\":\"" + type + "\",\"streamId\":\"" + streamId + "\",\"data\":" + data + "}";

    private static string Fill(string path) => path
        .Replace("{school}", HostileApi.Seeded.School, StringComparison.Ordinal)
        .Replace("{teacher}", HostileApi.Seeded.Teacher, StringComparison.Ordinal)
        .Replace("{initiative}", HostileApi.Seeded.Initiative, StringComparison.Ordinal)
        .Replace("{network}", HostileApi.Seeded.Network, StringComparison.Ordinal);

    /// <summary>Sends each route's requests and fails with every answer the judge finds wrong.</summary>
    private async Task OnEveryRoute(Func<CommandRoute, IEnumerable<HttpRequestMessage>> requests, Func<Answer, string?> judge)
    {
        await api.SeedAsync();
        var failures = new List<string>();
        foreach (var route in Routes)
        {
            foreach (var request in requests(route))
            {
                Note(failures, judge(await api.SendAsync(request)));
            }
        }
        AssertNone(failures);
    }

    private static void AssertNone(IEnumerable<string?> failures)
    {
        var found = failures.OfType<string>().ToList();
        Assert.True(found.Count == 0, $"{found.Count} failures:\n" + string.Join("\n", found.Take(60)));
    }

    private static void Note(List<string> failures, string? problem)
    {
        if (problem is not null)
        {
            failures.Add(problem);
        }
    }
}
