using System.Net;
using System.Reflection;
using System.Text.Json;
using LearningOrg.Demo;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;
using LearningOrg.Research;
using LearningOrg.Tests.Infrastructure;
using LearningOrg.Tests.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Tests.Privacy;

/// <summary>
/// A researcher without the named-read grant, over the demo story: every GET route and page they may open answers
/// without a name the store knows (teachers', principals', assessors', observers') and without a teacher id, and
/// teachers are named by pseudonyms that work as keys.
/// </summary>
public sealed class PseudonymizedReaderTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private readonly Pseudonymizer pseudonyms = new(ApiFixture.PseudonymKey);

    [Fact]
    public async Task No_route_or_page_a_pseudonymized_researcher_opens_shows_a_name_or_a_teacher_id_the_store_knows()
    {
        var (names, teacherIds) = await KnownPeopleAsync();
        var paths = await PathsAsync(teacherIds);

        var read = 0;
        foreach (var path in paths)
        {
            foreach (var body in await ReadAllPagesAsync(Who.Researcher, path))
            {
                read++;
                foreach (var name in names)
                {
                    Assert.False(body.Contains(name, StringComparison.OrdinalIgnoreCase), $"GET {path} shows the name {name}");
                }
                foreach (var id in teacherIds)
                {
                    Assert.False(ContainsId(body, id), $"GET {path} shows the teacher id {id}");
                }
            }
        }

        Assert.True(read > 40, $"only {read} answers were read");
        // The probe finds what it looks for: a reader with the grant does see the names in the same answers.
        var granted = string.Concat(await ReadAllPagesAsync(Who.IdentifiableResearcher, $"/api/schools/{DemoIds.HarborView}/timeline"));
        Assert.Contains("Joan Ferreira", granted, StringComparison.Ordinal);
        Assert.Contains("Alicia Moreno", granted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeline_summary_for_a_pseudonymized_researcher_is_written_from_the_pseudonymized_event()
    {
        var timeline = JsonDocument.Parse(string.Concat(await ReadAllPagesAsync(Who.Researcher,
            $"/api/schools/{DemoIds.HarborView}/timeline?kind=LeadershipStageAssessed"))).RootElement;

        var summaries = timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("summary").GetString()!).ToList();
        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.EndsWith($"by {NameMask.Withheld}", s, StringComparison.Ordinal));
        Assert.All(timeline.GetProperty("entries").EnumerateArray(), e => Assert.False(e.GetProperty("data").TryGetProperty("assessedBy", out _)));
    }

    [Fact]
    public async Task A_teachers_pseudonym_is_a_key_for_their_state_events_replay_and_the_timeline_person_filter()
    {
        var pseudonym = pseudonyms.Teacher(fixture.MapleTeacher);

        foreach (var path in new[] { $"/api/teachers/{pseudonym}/state", $"/api/teachers/{pseudonym}/events", $"/api/teachers/{pseudonym}/replay" })
        {
            using var response = await fixture.Client(Who.Researcher).GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
            Assert.Contains(pseudonym, body, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.MapleTeacherName, body, StringComparison.OrdinalIgnoreCase);
        }
        var page = JsonDocument.Parse(string.Concat(await ReadAllPagesAsync(Who.Researcher, $"/api/schools/{DemoIds.MapleGrove}/timeline?person={pseudonym}"))).RootElement;
        var named = await fixture.Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/timeline?person={fixture.MapleTeacher}&pageSize=500");

        Assert.True(page.GetProperty("total").GetInt64() > 0);
        Assert.Equal(named.GetProperty("total").GetInt64(), page.GetProperty("total").GetInt64());
        Assert.All(page.GetProperty("entries").EnumerateArray(), e => Assert.Contains(pseudonym, e.GetProperty("persons").EnumerateArray().Select(p => p.GetString())));
    }

    [Fact]
    public async Task A_pseudonymized_researcher_cannot_name_a_teacher_by_id_nor_by_an_unknown_pseudonym()
    {
        var unknown = pseudonyms.Teacher("nobody-registered-this");

        using var byId = await fixture.Client(Who.Researcher).GetAsync($"/api/teachers/{fixture.MapleTeacher}/state");
        using var byUnknown = await fixture.Client(Who.Researcher).GetAsync($"/api/teachers/{unknown}/state");
        using var person = await fixture.Client(Who.Researcher).GetAsync($"/api/schools/{DemoIds.MapleGrove}/timeline?person={fixture.MapleTeacher}");

        Assert.Equal(HttpStatusCode.NotFound, byId.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byUnknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, person.StatusCode);
        Assert.Contains("\"person\"", await person.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Every name a name field of the demo holds (the words before a bracket) and every teacher id.</summary>
    private async Task<(IReadOnlyList<string> Names, IReadOnlyList<string> TeacherIds)> KnownPeopleAsync()
    {
        var journal = fixture.Api.Services.GetRequiredService<EventReader>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var teachers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in journal.ReadAllAsync(0, long.MaxValue, null, CancellationToken.None))
        {
            if (StreamKeys.Parse(e.StreamId) is (StreamKeys.Teacher, var teacher))
            {
                teachers.Add(teacher);
            }
            foreach (var field in e.Data.GetType().GetProperties().Where(p => p.IsDefined(typeof(PersonalNameAttribute))))
            {
                if (field.GetValue(e.Data) is string value && value.Split('(')[0].Trim() is { Length: > 0 } name && !teachers.Contains(name))
                {
                    names.Add(name);
                }
            }
        }
        Assert.Contains("Joan Ferreira", names);
        Assert.Contains("Dana Whitfield", names);
        Assert.Contains(fixture.MapleTeacherName, names);
        return ([.. names], [.. teachers]);
    }

    /// <summary>The query a route cannot answer without: the groups a comparison puts side by side.</summary>
    private static readonly Dictionary<string, string> RequiredQueries = new(StringComparer.Ordinal)
    {
        ["/api/comparisons"] = $"?network={DemoIds.Network}&district={Uri.EscapeDataString(DemoStory.District)}",
    };

    /// <summary>Every GET route and page of the API, its {id} filled with each demo resource of its kind.</summary>
    private async Task<IReadOnlyList<string>> PathsAsync(IReadOnlyList<string> teacherIds)
    {
        var network = await fixture.Api.GetJson($"/api/networks/{DemoIds.Network}/state");
        Assert.Equal(JsonValueKind.Object, network.ValueKind);
        var ids = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["schools"] = DemoIds.Schools,
            ["teachers"] = [.. teacherIds.Select(pseudonyms.Teacher)],
            ["networks"] = [DemoIds.Network],
            ["initiatives"] = [DemoIds.Initiative],
        };
        var routes = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => e.RoutePattern.RawText ?? "")
            .Where(p => !p.Contains("{*", StringComparison.Ordinal) && !p.Contains("{**", StringComparison.Ordinal) && !p.StartsWith("/_", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        Assert.Contains("/api/schools/{id}/timeline", routes);
        Assert.Contains("/schools/{Id}/trajectory", routes);

        var paths = new List<string>();
        // The OpenAPI document and its reference page are named by the document's name.
        foreach (var route in routes.Select(r => (r.StartsWith('/') ? r : "/" + r).Replace("{documentName}", "v1", StringComparison.Ordinal).Replace("{documentName?}", "v1", StringComparison.Ordinal)
            // An entry page is named by its record and its place in it: the record's first entry names people too.
            .Replace("{Version:long}", "1", StringComparison.Ordinal)))
        {
            var parameters = route.Split('/').Where(s => s.Contains('{', StringComparison.Ordinal)).ToList();
            if (RequiredQueries.TryGetValue(route, out var query))
            {
                paths.Add(route + query);
                continue;
            }
            if (parameters.Count == 0)
            {
                paths.Add(route);
                continue;
            }
            Assert.True(parameters.Count == 1 && parameters[0].Equals("{id}", StringComparison.OrdinalIgnoreCase), $"{route}: a route this test cannot fill");
            var kind = route.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s == "api").First();
            paths.AddRange(ids[kind].Select(id => route.Replace(parameters[0], id, StringComparison.Ordinal)));
        }
        return paths;
    }

    /// <summary>The answer's pages: every page of a timeline, every version of a stream's events or replay.</summary>
    private async Task<IReadOnlyList<string>> ReadAllPagesAsync(Who who, string path)
    {
        var bodies = new List<string>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        var (paging, first) = path.Split('?')[0] switch
        {
            var p when p.EndsWith("/timeline", StringComparison.Ordinal) => ("page", "pageSize=500&page=1"),
            var p when p.EndsWith("/events", StringComparison.Ordinal) && !p.StartsWith("/api/exports", StringComparison.Ordinal) => ("fromVersion", "limit=1000&fromVersion=1"),
            var p when p.EndsWith("/replay", StringComparison.Ordinal) && p.StartsWith("/api/", StringComparison.Ordinal) => ("fromVersion", "limit=200&fromVersion=1"),
            _ => ((string?)null, ""),
        };
        var next = paging is null ? path : path + separator + first;
        while (next is not null)
        {
            using var response = await fixture.Client(who).GetAsync(next, HttpCompletionOption.ResponseHeadersRead);
            if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
            {
                Assert.Fail($"GET {next} streams to a pseudonymized researcher");
            }
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode || response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect,
                $"{who} GET {next}: {(int)response.StatusCode} {body}");
            bodies.Add(body);
            next = null;
            if (paging is not null && response.IsSuccessStatusCode)
            {
                var root = JsonDocument.Parse(body).RootElement;
                if (paging == "page" && root.GetProperty("hasNextPage").GetBoolean())
                {
                    next = $"{path}{separator}pageSize=500&page={root.GetProperty("page").GetInt32() + 1}";
                }
                else if (paging == "fromVersion" && root.GetProperty("nextFromVersion") is { ValueKind: JsonValueKind.Number } from)
                {
                    next = $"{path}{separator}{first.Split('&')[0]}&fromVersion={from.GetInt64()}";
                }
            }
        }
        return bodies;
    }

    /// <summary>Whether the id appears as a whole token (t-mg-01 is not inside t-mg-010).</summary>
    private static bool ContainsId(string body, string id)
    {
        for (var at = body.IndexOf(id, StringComparison.Ordinal); at >= 0; at = body.IndexOf(id, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : body[at - 1];
            var after = at + id.Length >= body.Length ? ' ' : body[at + id.Length];
            if (!char.IsLetterOrDigit(before) && before != '-' && !char.IsLetterOrDigit(after) && after != '-')
            {
                return true;
            }
        }
        return false;
    }
}
