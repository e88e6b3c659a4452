using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Live;

/// <summary>Schools, decisions and live connections on an API, shared by the embedded and client-mode tests.</summary>
public sealed class LiveScenario(ApiFixture api)
{
    public static readonly DateTimeOffset Founded = new(2021, 8, 16, 0, 0, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static string LivePath(string schoolId) => $"/api/schools/{schoolId}/timeline/live";

    public async Task Accepted(string path, object body)
    {
        using var response = await api.Post(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task<string> School()
    {
        var id = NewId("live");
        await Accepted($"/api/schools/{id}", new SchoolRegistered("Lincoln", "North", 30) { OccurredAt = Founded });
        return id;
    }

    public async Task<string> Teacher(string schoolId)
    {
        var id = NewId("t");
        await Accepted($"/api/teachers/{id}", new TeacherRegistered($"Teacher {id}", schoolId, ["Science"], ["6"], 4) { OccurredAt = Founded.AddDays(1) });
        return id;
    }

    /// <summary>Records a decision with the given title, on the given day after the school's founding.</summary>
    public Task Decision(string schoolId, string title, int day) => Decision(schoolId, title, Founded.AddDays(day));

    public Task Decision(string schoolId, string title, DateTimeOffset occurredAt) =>
        Accepted($"/api/schools/{schoolId}/decisions", new DecisionRecorded(NewId("d"), title, "scheduling", DecisionMode.Shared,
            ImmutableArray<string>.Empty, false, "Recorded by the live timeline tests.")
        { OccurredAt = occurredAt });

    /// <summary>Opens the live timeline fresh and returns it with the cursor its first (id-only) event gives.</summary>
    public async Task<(ServerSentEvents Live, long Cursor)> OpenFresh(string schoolId)
    {
        var live = await ServerSentEvents.OpenAsync(api.Http, LivePath(schoolId));
        Assert.Equal("text/event-stream", live.Response.Content.Headers.ContentType?.MediaType);
        var first = await live.NextAsync();
        return (live, Cursor(first));
    }

    public static long Cursor(ServerSentEvent e) => long.Parse(e.Id!, CultureInfo.InvariantCulture);

    public static bool IsEntry(ServerSentEvent e) => e.Event == "entry";

    public static JsonElement Data(ServerSentEvent e) => JsonDocument.Parse(e.Data).RootElement;

    /// <summary>The entry as GET /api/schools/{id}/timeline gives it.</summary>
    public async Task<JsonElement> TimelineEntry(string schoolId, Guid eventId)
    {
        var page = await api.GetJson($"/api/schools/{schoolId}/timeline?pageSize=500");
        return page.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("eventId").GetGuid() == eventId);
    }

    /// <summary>A live entry carries exactly what the timeline API says of the same event.</summary>
    public async Task AssertSameAsTimeline(string schoolId, ServerSentEvent live)
    {
        var sent = Data(live);
        var listed = await TimelineEntry(schoolId, sent.GetProperty("eventId").GetGuid());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(listed.GetRawText()), JsonNode.Parse(sent.GetRawText())),
            $"live: {sent.GetRawText()}\ntimeline: {listed.GetRawText()}");
    }
}
