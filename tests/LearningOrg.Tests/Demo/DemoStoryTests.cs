using LearningOrg.Demo;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.Demo;

/// <summary>A cluster on its own schema, seeded once with the demo story.</summary>
public sealed class SeededDemoFixture : IAsyncLifetime
{
    private Task<DemoSeedSummary>? firstSeeding;

    public ClusterFixture Cluster { get; } = new();

    /// <summary>The first seeding; awaiting it rethrows its failure in every test that needs it.</summary>
    public Task<DemoSeedSummary> FirstSeeding => firstSeeding ?? throw new InvalidOperationException("The fixture has not been initialised.");

    public async Task InitializeAsync()
    {
        await Cluster.InitializeAsync();
        firstSeeding = DemoSeeder.SeedAsync(Cluster.Grains, NullLogger.Instance, CancellationToken.None);
        await Task.WhenAny(firstSeeding);
    }

    public Task DisposeAsync() => Cluster.DisposeAsync();
}

public sealed class DemoStoryTests(SeededDemoFixture fixture) : IClassFixture<SeededDemoFixture>
{
    private static readonly DecisionMode[] SharedModes = [DecisionMode.Shared, DecisionMode.TeacherLed, DecisionMode.StaffConsensus];

    private IGrainFactory Grains => fixture.Cluster.Grains;

    [Fact]
    public async Task Seeding_records_every_step_of_the_story()
    {
        var summary = await fixture.FirstSeeding;

        Assert.Equal(DemoStory.Steps.Count, summary.Steps);
        Assert.Equal(DemoStory.Steps.Count, summary.Recorded);
        Assert.Equal(0, summary.Replayed);
        Assert.Equal(DemoStory.Steps.Count, summary.EventsAppended);
    }

    [Fact]
    public async Task Seeding_again_records_nothing_new()
    {
        await fixture.FirstSeeding;
        var before = await StreamVersions();

        var again = await DemoSeeder.SeedAsync(Grains, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(0, again.Recorded);
        Assert.Equal(DemoStory.Steps.Count, again.Replayed);
        Assert.Equal(0, again.EventsAppended);
        Assert.Equal(before, await StreamVersions());
        // Every stream the story names has events; teachers' streams also hold the follow-ups of role changes.
        Assert.All(before, s => Assert.True(s.Value >= 1, s.Key));
        Assert.True(before.Values.Sum() > DemoStory.Steps.Count, "The grains' follow-ups add events beyond the steps.");
    }

    [Fact]
    public async Task The_fast_school_goes_from_flat_to_shared_and_its_decisions_follow()
    {
        await fixture.FirstSeeding;
        var school = await Grains.GetGrain<ISchoolGrain>(DemoIds.FastSchool).GetState();
        Assert.Equal(LeadershipStage.Shared, school!.State.Stage);

        var events = await EventsOf(StreamKeys.For(StreamKeys.School, DemoIds.FastSchool));
        var stages = events.OfType<LeadershipStageAssessed>().Select(e => e.Stage).Distinct();
        Assert.Equal([LeadershipStage.Flat, LeadershipStage.Emerging, LeadershipStage.Developing, LeadershipStage.Shared], stages);

        var decisions = events.OfType<DecisionRecorded>().OrderBy(d => d.OccurredAt).ToList();
        Assert.Equal(DecisionMode.PrincipalAlone, decisions[0].Mode);
        Assert.Equal(DecisionMode.PrincipalAlone, decisions[1].Mode);
        var firstYear = decisions.Where(d => d.OccurredAt < SchoolYear(2022)).ToList();
        var lastTwoYears = decisions.Where(d => d.OccurredAt >= SchoolYear(2023)).ToList();
        Assert.True(firstYear.Count(d => !SharedModes.Contains(d.Mode)) * 2 >= firstYear.Count,
            "In 2021-22, at least half the decisions are the principal's, alone or after consulting.");
        Assert.True(lastTwoYears.Count(d => SharedModes.Contains(d.Mode)) * 4 >= lastTwoYears.Count * 3,
            "From 2023-24 on, at least three decisions in four are shared, teacher-led or by consensus.");
        Assert.DoesNotContain(lastTwoYears, d => d.Mode == DecisionMode.PrincipalConsulted);
        Assert.All(decisions.Where(d => d.Mode == DecisionMode.PrincipalAlone), d => Assert.Empty(d.Participants));
    }

    [Fact]
    public async Task The_three_schools_move_at_different_paces()
    {
        await fixture.FirstSeeding;
        var slow = await Grains.GetGrain<ISchoolGrain>(DemoIds.SlowSchool).GetState();
        var recovering = await Grains.GetGrain<ISchoolGrain>(DemoIds.RecoveringSchool).GetState();
        Assert.Equal(LeadershipStage.Developing, slow!.State.Stage);
        Assert.Equal(LeadershipStage.Developing, recovering!.State.Stage);

        // The recovering school stalls (the same stage twice) and moves on only after its principal's listening tour.
        var events = await EventsOf(StreamKeys.For(StreamKeys.School, DemoIds.RecoveringSchool));
        var stages = events.OfType<LeadershipStageAssessed>().ToList();
        Assert.Contains(stages.Zip(stages.Skip(1)), p => p.First.Stage == p.Second.Stage && p.First.Stage == LeadershipStage.Emerging);
        var tour = events.OfType<PrincipalMoveRecorded>().Single(m => m.Move == "Listening tour");
        Assert.All(stages.Where(s => s.Stage > LeadershipStage.Emerging), s => Assert.True(s.OccurredAt > tour.OccurredAt));
    }

    [Fact]
    public async Task Breaking_ranks_episodes_end_in_different_ways()
    {
        await fixture.FirstSeeding;
        var episodes = new List<EpisodeState>();
        foreach (var id in DemoIds.Schools)
        {
            episodes.AddRange((await Grains.GetGrain<ISchoolGrain>(id).GetState())!.State.Episodes.Values);
        }

        Assert.Contains(episodes, e => e.Outcome is EpisodeOutcome.Accepted or EpisodeOutcome.Negotiated or EpisodeOutcome.Withdrawn);
        Assert.Contains(episodes, e => e.Outcome is null or EpisodeOutcome.Unresolved);
        Assert.Contains(episodes, e => e.Outcome is null);
        Assert.Contains(episodes, e => e.Outcome == EpisodeOutcome.Unresolved);
        Assert.Contains(episodes, e => e.Level == BreakingRanksLevel.Resistance);
    }

    [Fact]
    public async Task The_story_records_acts_reactions_supports_and_an_episode_that_calms_down()
    {
        await fixture.FirstSeeding;
        var events = await EventsOf(StreamKeys.For(StreamKeys.School, DemoIds.MapleGrove));

        Assert.All(events.OfType<BreakingRanksEpisodeOpened>(), e => Assert.NotEqual(BreakingRanksAct.NotRecorded, e.Act));
        Assert.Contains(events.OfType<BreakingRanksReactionRecorded>(), r => r.ReactedBy == ReactorKind.Colleague && r.TeacherId is not null);
        Assert.Contains(events.OfType<BreakingRanksReactionRecorded>(), r => r.ReactedBy == ReactorKind.Team && r.Team is not null);
        Assert.NotEmpty(events.OfType<BreakingRanksSupportGiven>());
        var calmed = Assert.Single(events.OfType<BreakingRanksEpisodeDeescalated>());
        Assert.Contains(events.OfType<BreakingRanksEpisodeEscalated>(), e => e.EpisodeId == calmed.EpisodeId && e.Level > calmed.Level && e.OccurredAt <= calmed.OccurredAt);
    }

    [Fact]
    public async Task The_initiative_defines_its_measures_before_implementing_and_observes_them()
    {
        await fixture.FirstSeeding;
        var initiative = (await Grains.GetGrain<IInitiativeGrain>(DemoIds.Initiative).GetState())!.State;

        Assert.Equal(Sponsor.District, initiative.Sponsor);
        // A whole cycle ran, and its assessment led into the second cycle's planning.
        Assert.Equal((2, Phase.Planning), (initiative.Cycle, initiative.Phase));
        Assert.NotEmpty(initiative.Measures);
        Assert.All(initiative.Measures.Values, m => Assert.True(m.Observations > 0, m.Definition.MeasureId));
        Assert.Contains(initiative.Measures.Values, m => m.Definition.Horizon == MeasureHorizon.ShortTerm);
        Assert.Contains(initiative.Measures.Values, m => m.Definition.Horizon == MeasureHorizon.LongTerm);
        Assert.Equal(DemoIds.Schools.Order(), initiative.EnrolledSchools.Keys.Order());

        var events = await EventsOf(StreamKeys.For(StreamKeys.Initiative, DemoIds.Initiative));
        var implementation = events.OfType<PhaseAdvanced>().Single(p => p.Phase == Phase.Implementation);
        Assert.All(events.OfType<MeasureDefined>(), m => Assert.True(m.OccurredAt < implementation.OccurredAt, m.MeasureId));

        var network = (await Grains.GetGrain<INetworkGrain>(DemoIds.Network).GetState())!.State;
        Assert.Equal(DemoIds.Schools.Order(), network.Members.Keys.Order());
    }

    private static DateTimeOffset SchoolYear(int startingIn) => new(startingIn, 8, 1, 0, 0, 0, TimeSpan.Zero);

    private async Task<Dictionary<string, long>> StreamVersions()
    {
        await using var session = fixture.Cluster.Store.QuerySession();
        var versions = new Dictionary<string, long>();
        foreach (var key in DemoStory.Steps.Select(s => s.StreamKey).Distinct())
        {
            versions[key] = (await session.Events.FetchStreamStateAsync(key))?.Version ?? 0;
        }
        return versions;
    }

    private async Task<List<object>> EventsOf(string streamKey)
    {
        await using var session = fixture.Cluster.Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(streamKey)).Select(e => e.Data)];
    }
}

public sealed class DemoSeederFailureTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_rejected_step_stops_the_seeding_with_the_step_the_broken_rule_and_the_way_out()
    {
        // Someone else has already used the first demo command id for another command.
        var intruder = await fixture.Grains.GetGrain<ISchoolGrain>("intruder-school").Record(
            new CommandContext($"{DemoIds.CommandIdPrefix}0001", "someone-else"),
            new SchoolRegistered("Intruder School", "Elsewhere", 10) { OccurredAt = new DateTimeOffset(2020, 1, 6, 9, 0, 0, TimeSpan.Zero) });
        Assert.True(intruder.IsAccepted, intruder.Violation?.Message);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => DemoSeeder.SeedAsync(fixture.Grains, NullLogger.Instance, CancellationToken.None));

        Assert.Contains(DemoStory.Steps[0].Description, failure.Message, StringComparison.Ordinal);
        Assert.Contains("idempotency-key-reused", failure.Message, StringComparison.Ordinal);
        Assert.Contains("infra/postgres.sh reset", failure.Message, StringComparison.Ordinal);
    }
}
