using System.Net;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Live;

/// <summary>GET /api/schools/{id}/timeline/live on the API with its embedded silo.</summary>
public sealed class LiveTimelineApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly LiveScenario given = new(api);

    [Fact]
    public async Task An_open_live_timeline_receives_a_recorded_decision_shaped_as_the_timeline_entry()
    {
        var school = await given.School();
        var (live, cursor) = await given.OpenFresh(school);
        await using var _ = live;

        await given.Decision(school, "Live decision", day: 30);

        var received = await live.NextAsync(LiveScenario.IsEntry);
        Assert.Equal("Live decision", LiveScenario.Data(received).GetProperty("data").GetProperty("title").GetString());
        Assert.True(LiveScenario.Cursor(received) > cursor);
        await given.AssertSameAsTimeline(school, received);
    }

    [Fact]
    public async Task A_teachers_registration_reaches_the_schools_live_timeline_with_the_staff_change_it_caused()
    {
        var school = await given.School();
        var (live, _) = await given.OpenFresh(school);
        await using var __ = live;

        var teacher = await given.Teacher(school);

        var first = LiveScenario.Data(await live.NextAsync(LiveScenario.IsEntry));
        var second = LiveScenario.Data(await live.NextAsync(LiveScenario.IsEntry));
        var kinds = new[] { first, second }.Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("streamId").GetString())).ToHashSet();
        Assert.Contains(("TeacherRegistered", $"teacher/{teacher}"), kinds);
        Assert.Contains(("TeacherJoinedStaff", $"school/{school}"), kinds);
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_sends_what_was_recorded_meanwhile_in_recording_order()
    {
        var school = await given.School();
        var (first, cursor) = await given.OpenFresh(school);
        await first.DisposeAsync();

        // Recorded in this order, though the second happened first: the cursor follows recording, not occurredAt.
        await given.Decision(school, "Missed later", day: 40);
        await given.Decision(school, "Missed earlier", day: 20);

        await using (var resumed = await ServerSentEvents.OpenAsync(api.Http, LiveScenario.LivePath(school), cursor.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var a = await resumed.NextAsync(LiveScenario.IsEntry);
            var b = await resumed.NextAsync(LiveScenario.IsEntry);
            Assert.Equal(["Missed later", "Missed earlier"], new[] { a, b }.Select(e => LiveScenario.Data(e).GetProperty("data").GetProperty("title").GetString()));
            Assert.True(LiveScenario.Cursor(a) > cursor && LiveScenario.Cursor(b) > LiveScenario.Cursor(a));
            await given.AssertSameAsTimeline(school, b);

            // From the first one's id, only the second is missed.
            await using var again = await ServerSentEvents.OpenAsync(api.Http, LiveScenario.LivePath(school), a.Id);
            var only = await again.NextAsync(LiveScenario.IsEntry);
            Assert.Equal("Missed earlier", LiveScenario.Data(only).GetProperty("data").GetProperty("title").GetString());
            Assert.Equal(b.Id, only.Id);
        }
    }

    [Fact]
    public async Task The_after_parameter_resumes_like_Last_Event_ID_for_a_page_that_read_the_timeline_first()
    {
        var school = await given.School();
        var (first, cursor) = await given.OpenFresh(school);
        await first.DisposeAsync();
        await given.Decision(school, "Between render and connect", day: 10);

        await using var live = await ServerSentEvents.OpenAsync(api.Http, $"{LiveScenario.LivePath(school)}?after={cursor}");

        var received = await live.NextAsync(LiveScenario.IsEntry);
        Assert.Equal("Between render and connect", LiveScenario.Data(received).GetProperty("data").GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_unknown_school_is_not_found_and_a_cursor_that_is_not_a_number_is_refused()
    {
        using var unknown = await api.Http.GetAsync(LiveScenario.LivePath("no-such-school"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var school = await given.School();
        await using var bad = await ServerSentEvents.OpenAsync(api.Http, LiveScenario.LivePath(school), "yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Response.StatusCode);
        Assert.Equal("application/problem+json", bad.Response.Content.Headers.ContentType?.MediaType);
    }
}
