using LearningOrg.Demo;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Schools;
using LearningOrg.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Tests.Web;

/// <summary>The query classes the initiative and replay pages read through, against the seeded demo story.</summary>
[Collection(WebCollection.Name)]
public sealed class PageQueriesTests(WebFixture web)
{
    private static List<VersionedStep> DemoInitiativeEvents =>
        [.. DemoStory.Steps.Where(s => s.AggregateId == DemoIds.Initiative).Select((s, i) => new VersionedStep(i + 1, s))];

    [Fact]
    public async Task Initiative_progress_holds_every_phase_change_and_observation_up_to_the_version_asked_for()
    {
        var queries = web.Api.Services.GetRequiredService<InitiativeQueries>();
        var demo = DemoInitiativeEvents;

        var whole = await queries.ProgressAsync(DemoIds.Initiative, demo.Count, CancellationToken.None);

        var launched = demo.Select(s => s.Step.Event).OfType<InitiativeLaunched>().Single();
        var expected = new List<(int, Phase, DateTimeOffset)> { (1, Phase.Planning, launched.OccurredAt) };
        var cycle = 1;
        foreach (var advanced in demo.Select(s => s.Step.Event).OfType<PhaseAdvanced>())
        {
            cycle += advanced.Phase == Phase.Planning ? 1 : 0;
            expected.Add((cycle, advanced.Phase, advanced.OccurredAt));
        }
        Assert.Equal(expected, whole.Phases.Select(p => (p.Cycle, p.Phase, p.At)));
        Assert.Equal(
            demo.Select(s => s.Step.Event).OfType<MeasureObserved>().GroupBy(o => o.MeasureId).ToDictionary(g => g.Key, g => g.OrderBy(o => o.OccurredAt).ToList()),
            whole.Observations.ToDictionary(o => o.Key, o => o.Value.ToList()));

        var lastObservation = demo.Last(s => s.Step.Event is MeasureObserved);
        var before = await queries.ProgressAsync(DemoIds.Initiative, lastObservation.Version - 1, CancellationToken.None);
        var measure = ((MeasureObserved)lastObservation.Step.Event).MeasureId;
        Assert.Equal(whole.Observations[measure].Count - 1, before.Observations.GetValueOrDefault(measure)?.Count ?? 0);
    }

    [Fact]
    public async Task A_school_as_of_a_date_has_the_state_and_the_months_indicators_of_then()
    {
        var queries = web.Api.Services.GetRequiredService<SchoolReplayQueries>();
        var registered = DemoStory.Steps.First(s => s.AggregateId == DemoIds.MapleGrove && s.Event is SchoolRegistered).OccurredAt;
        var stageAssessed = DemoStory.Steps.First(s => s.AggregateId == DemoIds.MapleGrove && s.Event is LeadershipStageAssessed).OccurredAt;

        var beforeRegistration = await queries.SchoolAsOfAsync(DemoIds.MapleGrove, registered.AddDays(-1), CancellationToken.None);
        var atFirstAssessment = await queries.SchoolAsOfAsync(DemoIds.MapleGrove, stageAssessed, CancellationToken.None);

        Assert.Null(beforeRegistration!.State);
        Assert.Equal(stageAssessed, atFirstAssessment!.State!.StageAssessedAt);
        Assert.Equal(Months.Of(stageAssessed), atFirstAssessment.Indicators.Month);
        Assert.Null(await queries.SchoolAsOfAsync("no-such-school", stageAssessed, CancellationToken.None));
    }

    private sealed record VersionedStep(long Version, DemoStep Step);
}
