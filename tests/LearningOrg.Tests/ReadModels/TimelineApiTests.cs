using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.ReadModels;

/// <summary>GET /api/schools/{id}/timeline and /episodes over HTTP, each test on schools of its own.</summary>
public sealed class TimelineApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset Founded = new(2021, 8, 16, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int n) => Founded.AddDays(n);

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task Accepted(string path, object body)
    {
        using var response = await api.Post(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<string> School()
    {
        var id = NewId("s");
        await Accepted($"/api/schools/{id}", new SchoolRegistered("Lincoln", "North", 30) { OccurredAt = Founded });
        return id;
    }

    private async Task<string> Teacher(string schoolId, string prefix = "t")
    {
        var id = NewId(prefix);
        await Accepted($"/api/teachers/{id}", new TeacherRegistered($"Teacher {id}", schoolId, ["Science"], ["6"], 4) { OccurredAt = Day(1) });
        return id;
    }

    private Task StaffCount(string schoolId, int count, DateTimeOffset at) =>
        Accepted($"/api/schools/{schoolId}/staff-count", new StaffCountChanged(count) { OccurredAt = at });

    private Task<JsonElement> Timeline(string schoolId, string query = "") => api.GetJson($"/api/schools/{schoolId}/timeline{query}");

    private static List<string> Kinds(JsonElement page) =>
        [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("kind").GetString()!)];

    private static List<DateTimeOffset> OccurredAt(JsonElement page) =>
        [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("occurredAt").GetDateTimeOffset())];

    private async Task<JsonElement> Problem(string path, HttpStatusCode status)
    {
        using var response = await api.Http.GetAsync(path);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_recorded_event_is_on_the_timeline_on_the_very_next_read()
    {
        var id = await School();
        Assert.Equal(["SchoolRegistered"], Kinds(await Timeline(id)));

        await Accepted($"/api/schools/{id}/decisions",
            new DecisionRecorded("peer-obs", "Adopt peer observation", "instruction", DecisionMode.PrincipalConsulted, [], false, "") { OccurredAt = Day(3) });

        var page = await Timeline(id);
        Assert.Equal(["SchoolRegistered", "DecisionRecorded"], Kinds(page));
        var decision = page.GetProperty("entries")[1];
        Assert.Equal("DecisionRecorded.v1", decision.GetProperty("type").GetString());
        Assert.Equal($"school/{id}", decision.GetProperty("streamId").GetString());
        Assert.Equal("Decision 'Adopt peer observation' (Principal consulted, 0 participants)", decision.GetProperty("summary").GetString());
        Assert.Equal("PrincipalConsulted", decision.GetProperty("data").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Entries_come_in_occurredAt_order_however_late_they_were_entered()
    {
        var id = await School();
        await StaffCount(id, 31, Day(30));
        await StaffCount(id, 32, Day(10));
        await StaffCount(id, 33, Day(20));

        var page = await Timeline(id);

        Assert.Equal([Founded, Day(10), Day(20), Day(30)], OccurredAt(page));
        Assert.Equal([32, 33, 31], page.GetProperty("entries").EnumerateArray().Skip(1)
            .Select(e => e.GetProperty("data").GetProperty("staffCount").GetInt32()));
    }

    [Fact]
    public async Task Teachers_events_while_on_staff_are_on_the_timeline()
    {
        var id = await School();
        var teacher = await Teacher(id);
        await Accepted($"/api/teachers/{teacher}/informal-leadership",
            new InformalLeadershipObserved(LeadershipAct.AskedCriticalQuestion, LeadershipDomain.AssessmentAndData, "Asked what the data showed", "coach") { OccurredAt = Day(5) });

        var page = await Timeline(id);

        Assert.Equal(["SchoolRegistered", "TeacherRegistered", "TeacherJoinedStaff", "InformalLeadershipObserved"], Kinds(page));
        var observed = page.GetProperty("entries")[3];
        Assert.Equal($"teacher/{teacher}", observed.GetProperty("streamId").GetString());
        Assert.Equal([teacher], observed.GetProperty("persons").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Kind_filters_to_the_kinds_asked_for()
    {
        var id = await School();
        await StaffCount(id, 31, Day(2));
        await Accepted($"/api/schools/{id}/stage-assessments", new LeadershipStageAssessed(LeadershipStage.Emerging, "Walkthroughs", "district") { OccurredAt = Day(3) });
        await Teacher(id);

        Assert.Equal(["StaffCountChanged"], Kinds(await Timeline(id, "?kind=StaffCountChanged")));
        Assert.Equal(["TeacherJoinedStaff", "StaffCountChanged", "LeadershipStageAssessed"],
            Kinds(await Timeline(id, "?kind=LeadershipStageAssessed&kind=StaffCountChanged&kind=TeacherJoinedStaff")));
        Assert.Equal(0, (await Timeline(id, "?kind=DecisionRecorded")).GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Person_filters_to_the_events_that_involve_that_teacher()
    {
        var id = await School();
        var ana = await Teacher(id, "ana");
        var ben = await Teacher(id, "ben");
        await Accepted($"/api/schools/{id}/decisions",
            new DecisionRecorded("d1", "Shared planning", "planning", DecisionMode.Shared, [ana], false, "") { OccurredAt = Day(4) });
        await Accepted($"/api/schools/{id}/decisions",
            new DecisionRecorded("d2", "Lab rotation", "science", DecisionMode.TeacherLed, [ben], false, "") { OccurredAt = Day(5) });

        var page = await Timeline(id, $"?person={ana}");

        Assert.Equal(["TeacherRegistered", "TeacherJoinedStaff", "DecisionRecorded"], Kinds(page));
        Assert.All(page.GetProperty("entries").EnumerateArray(), e => Assert.Contains(ana, e.GetProperty("persons").EnumerateArray().Select(p => p.GetString())));
        Assert.Equal("Shared planning", page.GetProperty("entries")[2].GetProperty("data").GetProperty("title").GetString());
    }

    [Fact]
    public async Task From_is_inclusive_and_to_exclusive()
    {
        var id = await School();
        foreach (var day in new[] { 10, 20, 30 })
        {
            await StaffCount(id, 30 + day, Day(day));
        }
        var from = Uri.EscapeDataString(Day(10).ToString("O"));
        var to = Uri.EscapeDataString(Day(30).ToString("O"));

        Assert.Equal([Day(10), Day(20)], OccurredAt(await Timeline(id, $"?from={from}&to={to}")));
        Assert.Equal([Day(30)], OccurredAt(await Timeline(id, $"?from={Day(21):yyyy-MM-dd}")));
        Assert.Equal([Founded, Day(10)], OccurredAt(await Timeline(id, $"?to={Day(11):yyyy-MM-dd}")));
    }

    [Fact]
    public async Task Pages_split_the_timeline_and_count_it_whole()
    {
        var id = await School();
        for (var day = 1; day <= 6; day++)
        {
            await StaffCount(id, 30 + day, Day(day));
        }

        var first = await Timeline(id, "?pageSize=3");
        var second = await Timeline(id, "?page=2&pageSize=3");
        var third = await Timeline(id, "?page=3&pageSize=3");

        Assert.Equal((7L, 3L, 1, 3, true), (first.GetProperty("total").GetInt64(), first.GetProperty("pages").GetInt64(),
            first.GetProperty("page").GetInt32(), first.GetProperty("pageSize").GetInt32(), first.GetProperty("hasNextPage").GetBoolean()));
        Assert.Equal([Day(3), Day(4), Day(5)], OccurredAt(second));
        Assert.True(second.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal([Day(6)], OccurredAt(third));
        Assert.False(third.GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(7, OccurredAt(await Timeline(id)).Count);
        var beyond = await Timeline(id, "?page=4&pageSize=3");
        Assert.Equal((0, 7L, false), (beyond.GetProperty("entries").GetArrayLength(), beyond.GetProperty("total").GetInt64(), beyond.GetProperty("hasNextPage").GetBoolean()));
    }

    [Theory]
    [InlineData("kind=Nope", "kind")]
    [InlineData("kind=DecisionRecorded.v1", "kind")]
    [InlineData("person=Not_A_Slug", "person")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2022-13-01", "to")]
    [InlineData("from=2023-01-01&to=2022-01-01", "from")]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=501", "pageSize")]
    public async Task A_bad_parameter_is_a_400_naming_it(string query, string parameter)
    {
        var id = await School();

        var problem = await Problem($"/api/schools/{id}/timeline?{query}", HttpStatusCode.BadRequest);

        Assert.Equal(parameter, problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_school_is_a_404_and_a_malformed_id_a_400()
    {
        await Problem($"/api/schools/{NewId("never")}/timeline", HttpStatusCode.NotFound);
        await Problem($"/api/schools/{NewId("never")}/episodes", HttpStatusCode.NotFound);
        var problem = await Problem("/api/schools/Not_A_Slug/timeline", HttpStatusCode.BadRequest);
        Assert.Equal("id", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Episodes_come_back_as_spans_with_days_open_highest_level_and_outcome()
    {
        var id = await School();
        var teacher = await Teacher(id);
        await Accepted($"/api/schools/{id}/breaking-ranks", new BreakingRanksEpisodeOpened("still-open", teacher, BreakingRanksAct.SpokeUp, "Asked for shared planning", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(10) });
        await Accepted($"/api/schools/{id}/breaking-ranks-escalations", new BreakingRanksEpisodeEscalated("still-open", BreakingRanksLevel.AttractingAttention, "Talk in the staff room") { OccurredAt = Day(14) });
        await Accepted($"/api/schools/{id}/breaking-ranks-escalations", new BreakingRanksEpisodeEscalated("still-open", BreakingRanksLevel.Resistance, "Union grievance") { OccurredAt = Day(21) });
        await Accepted($"/api/schools/{id}/breaking-ranks", new BreakingRanksEpisodeOpened("settled", teacher, BreakingRanksAct.SpokeUp, "Ran a data meeting", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(30) });
        await Accepted($"/api/schools/{id}/breaking-ranks-resolutions", new BreakingRanksEpisodeResolved("settled", EpisodeOutcome.Accepted, "Now monthly") { OccurredAt = Day(42) });

        var all = (await api.GetJson($"/api/schools/{id}/episodes")).GetProperty("episodes");
        var daysBefore = (int)(DateTimeOffset.UtcNow - Day(10)).TotalDays;
        var open = Assert.Single((await api.GetJson($"/api/schools/{id}/episodes?status=open")).GetProperty("episodes").EnumerateArray());
        var daysAfter = (int)(DateTimeOffset.UtcNow - Day(10)).TotalDays;
        var resolved = Assert.Single((await api.GetJson($"/api/schools/{id}/episodes?status=resolved")).GetProperty("episodes").EnumerateArray());

        Assert.Equal(["still-open", "settled"], all.EnumerateArray().Select(e => e.GetProperty("episodeId").GetString()));
        Assert.Equal(("still-open", "open", teacher, "SpeakingUp", "Resistance"), (open.GetProperty("episodeId").GetString(), open.GetProperty("status").GetString(),
            open.GetProperty("teacherId").GetString(), open.GetProperty("openingLevel").GetString(), open.GetProperty("highestLevel").GetString()));
        Assert.Equal(JsonValueKind.Null, open.GetProperty("outcome").ValueKind);
        Assert.Equal(JsonValueKind.Null, open.GetProperty("resolvedAt").ValueKind);
        Assert.Equal([(Day(14), "AttractingAttention"), (Day(21), "Resistance")], open.GetProperty("escalations").EnumerateArray()
            .Select(x => (x.GetProperty("at").GetDateTimeOffset(), x.GetProperty("level").GetString())));
        Assert.InRange(open.GetProperty("daysOpen").GetInt32(), daysBefore, daysAfter);

        Assert.Equal(("settled", "resolved", "Accepted", "SpeakingUp", 12), (resolved.GetProperty("episodeId").GetString(), resolved.GetProperty("status").GetString(),
            resolved.GetProperty("outcome").GetString(), resolved.GetProperty("highestLevel").GetString(), resolved.GetProperty("daysOpen").GetInt32()));
        Assert.Equal(Day(42), resolved.GetProperty("resolvedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_unknown_episode_status_is_a_400_naming_it()
    {
        var id = await School();

        var problem = await Problem($"/api/schools/{id}/episodes?status=closed", HttpStatusCode.BadRequest);

        Assert.Equal("status", problem.GetProperty("field").GetString());
    }
}
