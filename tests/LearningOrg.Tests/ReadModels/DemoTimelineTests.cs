using System.Text.Json;
using LearningOrg.Demo;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.ReadModels;

/// <summary>The API on a schema of its own, seeded with the demo story through its own silo.</summary>
public sealed class DemoApiFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = new();

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Api).InitializeAsync();
        await DemoSeeder.SeedAsync(Api.Services.GetRequiredService<IGrainFactory>(), NullLogger.Instance, CancellationToken.None);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Api).DisposeAsync();
}

public sealed class DemoTimelineTests(DemoApiFixture fixture) : IClassFixture<DemoApiFixture>
{
    private async Task<List<JsonElement>> WholeTimeline(string schoolId)
    {
        var entries = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await fixture.Api.GetJson($"/api/schools/{schoolId}/timeline?page={page}&pageSize=100");
            entries.AddRange(answer.GetProperty("entries").EnumerateArray());
            if (!answer.GetProperty("hasNextPage").GetBoolean())
            {
                Assert.Equal(answer.GetProperty("total").GetInt64(), entries.Count);
                return entries;
            }
        }
    }

    [Fact]
    public async Task Maple_Groves_timeline_tells_its_story_with_its_teachers_initiative_and_network_in_date_order()
    {
        var timeline = await WholeTimeline(DemoIds.MapleGrove);

        Assert.NotEmpty(timeline);
        var occurred = timeline.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(occurred.Order(), occurred);
        Assert.Equal("SchoolRegistered", timeline[0].GetProperty("kind").GetString());
        var teacherKinds = timeline.Where(e => e.GetProperty("aggregate").GetString() == "teacher")
            .Select(e => e.GetProperty("kind").GetString()).ToHashSet();
        Assert.Contains("TeacherRegistered", teacherKinds);
        Assert.Contains("InformalLeadershipObserved", teacherKinds);
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "SchoolEnrolled"
            && e.GetProperty("streamId").GetString() == $"initiative/{DemoIds.Initiative}");
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "InterventionCompleted"
            && e.GetProperty("data").GetProperty("interventionId").GetString() == "mg-coaching-cycles");
        Assert.DoesNotContain(timeline, e => e.GetProperty("data").TryGetProperty("interventionId", out var i) && i.GetString()!.StartsWith("hv-", StringComparison.Ordinal));
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "SchoolJoinedNetwork");
    }

    [Fact]
    public async Task Harbor_Views_lab_rotation_episode_reached_resistance()
    {
        var episodes = (await fixture.Api.GetJson($"/api/schools/{DemoIds.HarborView}/episodes")).GetProperty("episodes");

        var lab = Assert.Single(episodes.EnumerateArray(), e => e.GetProperty("episodeId").GetString() == "hv-lab-rotation");
        Assert.Equal("Resistance", lab.GetProperty("highestLevel").GetString());
        Assert.Equal(3, lab.GetProperty("escalations").GetArrayLength());
    }
}
