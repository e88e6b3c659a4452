using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Tests.Infrastructure;
using static LearningOrg.Tests.Research.ResearchApi;

namespace LearningOrg.Tests.Research;

public sealed class ReplayTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<string> School(int staffChanges)
    {
        var id = NewId("s");
        await api.Recorded($"/api/schools/{id}", new SchoolRegistered("Lincoln", "North", 30) { OccurredAt = Day(0) });
        for (var i = 1; i <= staffChanges; i++)
        {
            await api.Recorded($"/api/schools/{id}/staff-count", new StaffCountChanged(30 + i) { OccurredAt = Day(i) });
        }
        return id;
    }

    [Fact]
    public async Task State_as_of_a_sequence_shows_what_the_store_knew_then_and_differs_from_as_of_a_date_when_history_is_entered_late()
    {
        var id = NewId("s");
        await api.Recorded($"/api/schools/{id}", new SchoolRegistered("Lincoln", "North", 30) { OccurredAt = Day(0) });
        await api.Recorded($"/api/schools/{id}/stage-assessments",
            new LeadershipStageAssessed(LeadershipStage.Emerging, "Survey 2023", "Review team") { OccurredAt = Day(700) });
        var events = (await api.GetJson($"/api/schools/{id}/events")).GetProperty("events");
        var knownBeforeLateEntry = events[1].Num("sequence");
        // Entered afterwards, but it happened long before: the first year's assessment.
        await api.Recorded($"/api/schools/{id}/stage-assessments",
            new LeadershipStageAssessed(LeadershipStage.Flat, "Survey 2021", "Review team") { OccurredAt = Day(100) });

        var byDate = await api.GetJson($"/api/schools/{id}/state?asOf={Day(400):O}".Replace("+", "%2B", StringComparison.Ordinal));
        var bySequence = await api.GetJson($"/api/schools/{id}/state?asOfSequence={knownBeforeLateEntry}");

        // Valid time: by day 400 the school had been assessed Flat (entered late, but it had happened).
        Assert.Equal("Flat", byDate.GetProperty("state").Str("stage"));
        Assert.Equal(3, byDate.Num("version"));
        // Transaction time: when the store held sequence N, it knew only the Emerging assessment.
        Assert.Equal("Emerging", bySequence.GetProperty("state").Str("stage"));
        Assert.Equal(2, bySequence.Num("version"));
        Assert.Equal(knownBeforeLateEntry, bySequence.Num("asOfSequence"));
        Assert.Equal("Emerging", (await api.GetJson($"/api/schools/{id}/state")).GetProperty("state").Str("stage"));
    }

    [Fact]
    public async Task State_as_of_a_sequence_before_the_stream_began_is_404_and_both_asOf_and_asOfSequence_is_400()
    {
        var id = await School(staffChanges: 1);
        var first = (await api.GetJson($"/api/schools/{id}/events")).GetProperty("events")[0].Num("sequence");

        using var before = await api.Http.GetAsync($"/api/schools/{id}/state?asOfSequence={first - 1}");
        using var both = await api.Http.GetAsync($"/api/schools/{id}/state?asOfSequence={first}&asOf=2022-01-01T00:00:00Z");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        var problem = await both.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOfSequence", out _));
    }

    [Fact]
    public async Task Replay_pages_concatenate_to_the_whole_stream_and_the_last_state_is_the_live_state()
    {
        var id = await School(staffChanges: 11);
        var steps = new List<JsonElement>();
        long? from = 1;
        var pages = 0;
        while (from is { } next)
        {
            var page = await api.GetJson($"/api/schools/{id}/replay?fromVersion={next}&limit=5");
            steps.AddRange(page.GetProperty("steps").EnumerateArray());
            from = page.GetProperty("nextFromVersion").ValueKind == JsonValueKind.Null ? null : page.Num("nextFromVersion");
            pages++;
        }

        var events = (await api.GetJson($"/api/schools/{id}/events")).GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(3, pages);
        Assert.Equal(events.Select(e => e.GetRawText()), steps.Select(s => s.GetProperty("event").GetRawText()));
        // Each state is the one right after its event.
        Assert.Equal(Enumerable.Range(30, 12), steps.Select(s => s.GetProperty("state").GetProperty("staffCount").GetInt32()));
        Assert.Equal(await api.StateJson($"/api/schools/{id}/state"), Canonical(JsonNode.Parse(steps[^1].GetProperty("state").GetRawText())));
    }

    [Fact]
    public async Task Replay_from_past_the_snapshot_gives_the_same_steps_as_a_replay_from_the_start()
    {
        var id = await School(staffChanges: EventJournal.SnapshotInterval + 4);

        var fromStart = await api.GetJson($"/api/schools/{id}/replay?fromVersion=1&limit=200");
        var pastSnapshot = await api.GetJson($"/api/schools/{id}/replay?fromVersion={EventJournal.SnapshotInterval + 2}&limit=10");

        var whole = fromStart.GetProperty("steps").EnumerateArray().ToList();
        var tail = pastSnapshot.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(EventJournal.SnapshotInterval + 5, whole.Count);
        Assert.Equal(whole.Skip(EventJournal.SnapshotInterval + 1).Select(s => s.GetRawText()), tail.Select(s => s.GetRawText()));
        Assert.Equal(JsonValueKind.Null, pastSnapshot.GetProperty("nextFromVersion").ValueKind);
        Assert.Equal(await api.StateJson($"/api/schools/{id}/state"), Canonical(JsonNode.Parse(tail[^1].GetProperty("state").GetRawText())));
    }

    [Fact]
    public async Task Every_aggregate_replays_to_its_live_state()
    {
        var world = await new World(api).Build();

        foreach (var stream in new[]
        {
            $"school/{world.SchoolA}", $"teacher/{world.Mover}", $"teacher/{world.TeacherA}",
            $"initiative/{world.Initiative}", $"network/{world.Network}",
        })
        {
            var replay = await api.GetJson($"{PathOf(stream)}/replay?limit=200");
            var steps = replay.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(stream, replay.Str("streamId"));
            Assert.Equal(await api.StateJson($"{PathOf(stream)}/state"), Canonical(JsonNode.Parse(steps[^1].GetProperty("state").GetRawText())));
            Assert.Equal((await api.GetJson($"{PathOf(stream)}/state")).Num("version"), steps[^1].GetProperty("event").Num("version"));
        }
    }

    [Theory]
    [InlineData("fromVersion=0", "fromVersion")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    public async Task Replay_refuses_a_page_outside_its_bounds(string query, string field)
    {
        var id = await School(staffChanges: 0);
        using var response = await api.Http.GetAsync($"/api/schools/{id}/replay?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Replay_of_a_stream_never_recorded_is_404()
    {
        using var response = await api.Http.GetAsync($"/api/teachers/{NewId("t")}/replay");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
