using System.Net;
using System.Text.Json;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Tests.Hostile;

/// <summary>
/// Requests that look hostile but are legal, and what the system does with them.
/// Free text that looks hostile but is legal (markup, SQL, template syntax, right-to-left and zero-width characters,
/// combining marks, emoji) is recorded verbatim, read back byte for byte, and shown escaped on the web pages: the
/// store and the API keep what the principal wrote, and only the HTML layer encodes it.
/// </summary>
public sealed class OddButLegalTextTests(HostileApi api) : IClassFixture<HostileApi>
{
    private const string Script = "<script>alert('x')</script>";
    private const string Markup = "<img src=x onerror=alert(1)> </textarea><b>bold</b> \" ' & \"quoted\"";
    private const string Sql = "'; DROP TABLE mt_events; --";
    private const string Templates = "${7*7} {{7*7}} @(7*7) %s %n \\u0000";
    private const string Unicode = "\u202eevil\u202c, ma\u200bple, e\u0301cole, \u0627\u0644\u0645\u062f\u0631\u0633\u0629, \U0001F469\u200D\U0001F3EB, \uFEFFbom";

    [Fact]
    public async Task Hostile_looking_text_is_stored_verbatim_and_shown_escaped_on_the_timeline_and_replay_pages()
    {
        var school = CommandRoute.NewId();
        var teacher = CommandRoute.NewId();
        await Accepted($"/api/schools/{school}", new SchoolRegistered(Script, Sql, 20) { OccurredAt = HostileApi.Start });
        await Accepted($"/api/teachers/{teacher}", new TeacherRegistered(Markup, school, [Templates], ["5"], 3) { OccurredAt = HostileApi.Start.AddDays(1) });
        var decision = new DecisionRecorded("d-1", Script, Sql, DecisionMode.Shared, [teacher], true, $"{Markup}\n{Templates}\n{Unicode}")
        {
            OccurredAt = HostileApi.Start.AddDays(2),
        };
        await Accepted($"/api/schools/{school}/decisions", decision);

        var events = await api.GetJson($"/api/schools/{school}/events");
        var data = events.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "DecisionRecorded.v1").GetProperty("data");
        Assert.Equal(Script, data.GetProperty("title").GetString());
        Assert.Equal(Sql, data.GetProperty("area").GetString());
        Assert.Equal(decision.Rationale, data.GetProperty("rationale").GetString());
        var state = await api.GetJson($"/api/schools/{school}/state");
        Assert.Equal(Script, state.GetProperty("state").GetProperty("name").GetString());

        foreach (var page in new[] { $"/schools/{school}", $"/schools/{school}/replay" })
        {
            using var response = await api.Http.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_move_of_a_teacher_who_already_left_the_school_is_refused_and_records_nothing()
    {
        await api.SeedAsync();
        var school = CommandRoute.NewId();
        var teacher = CommandRoute.NewId();
        await Accepted($"/api/schools/{school}", new SchoolRegistered("Left Behind", "North", 20) { OccurredAt = HostileApi.Start });
        await Accepted($"/api/teachers/{teacher}", new TeacherRegistered("Grace Hopper", school, ["Science"], ["6"], 5) { OccurredAt = HostileApi.Start.AddDays(1) });
        await Accepted($"/api/schools/{school}/staff-departures", new TeacherLeftStaff(teacher) { OccurredAt = HostileApi.Start.AddDays(2) });

        var move = new TeacherMovedSchool(school, HostileApi.Seeded.OtherSchool) { OccurredAt = HostileApi.Start.AddDays(3) };
        var answer = await api.SendAsync(HostileApi.JsonRequest(HttpMethod.Post, $"/api/teachers/{teacher}/moves", JsonSerializer.Serialize(move, Infrastructure.ApiFixture.Json)));

        Assert.True(answer.RefusalProblem("fromSchoolId", 409) is null, answer.RefusalProblem("fromSchoolId", 409));
    }

    [Fact]
    public async Task The_zero_instant_a_NET_client_sends_for_an_unset_occurredAt_is_recorded_as_now_not_as_year_one()
    {
        await api.SeedAsync();
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);

        var answer = await api.SendAsync(HostileApi.JsonRequest(HttpMethod.Post, $"/api/schools/{HostileApi.Seeded.School}/staff-count",
            "{\"staffCount\":31,\"occurredAt\":\"0001-01-01T00:00:00Z\"}"));

        Assert.True(answer.Code == 200, answer.ToString());
        var recorded = JsonDocument.Parse(answer.Body).RootElement.GetProperty("occurredAt").GetDateTimeOffset();
        Assert.True(recorded > before, $"recorded at {recorded:O}");
    }

    private async Task Accepted(string path, object body)
    {
        using var response = await api.Post(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
