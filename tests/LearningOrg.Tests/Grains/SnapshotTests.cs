using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Orleans.Core.Internal;

namespace LearningOrg.Tests.Grains;

/// <summary>Activation loads the latest snapshot and folds the tail after it; that must be the fold of the whole stream.</summary>
public sealed class SnapshotTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private const string SchoolId = "long-history";
    private const string StreamKey = "school/long-history";

    [Fact]
    public async Task A_snapshot_plus_its_tail_equals_the_full_replay_and_the_live_grain()
    {
        var recorded = await RecordLongHistory();
        Assert.True(recorded > 250, $"only {recorded} events were recorded");

        var school = fixture.Grains.GetGrain<ISchoolGrain>(SchoolId);
        var live = (await school.GetState())!;
        var events = await fixture.Store.EventsAsync<SchoolEvent>(StreamKey);
        Assert.Equal(recorded, events.Count);
        Assert.Equal(recorded, live.Version);

        await using var session = fixture.Store.QuerySession();
        var snapshot = await session.LoadAsync<Snapshot<SchoolState>>(StreamKey);
        Assert.NotNull(snapshot);
        Assert.Equal(200, snapshot.Version);
        Assert.Equal(Snapshot<SchoolState>.CurrentFormat, snapshot.Format);
        var foldTo200 = Aggregate.Fold<School, SchoolState, SchoolEvent>(null, events.Take(200));
        Assert.Equal(Given.CanonicalJson(foldTo200), Given.CanonicalJson(snapshot.State));

        var (loaded, loadedVersion) = await new EventJournal(fixture.Store)
            .LoadAsync<School, SchoolState, SchoolEvent>(StreamKey, null, 0, CancellationToken.None);
        var fullReplay = Aggregate.Fold<School, SchoolState, SchoolEvent>(null, events);

        Assert.Equal(recorded, loadedVersion);
        Assert.Equal(Given.CanonicalJson(fullReplay), Given.CanonicalJson(loaded));
        Assert.Equal(Given.CanonicalJson(fullReplay), Given.CanonicalJson(live.State));

        // A new activation starts from the snapshot too, and carries on from the same state.
        await school.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var reactivated = (await school.GetState())!;
        Assert.Equal(recorded, reactivated.Version);
        Assert.Equal(Given.CanonicalJson(fullReplay), Given.CanonicalJson(reactivated.State));
        var next = await Given.Accepted(school.Record(Given.Command(), new StaffCountChanged(77) { OccurredAt = Given.Past.AddDays(400) }));
        Assert.Equal(recorded + 1, next.Version);
    }

    [Fact]
    public async Task A_snapshot_of_an_older_format_is_ignored_and_the_stream_replayed_in_full()
    {
        await fixture.Grains.RegisteredSchool("old-format");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("old-format");
        await Given.Accepted(school.Record(Given.Command(), new StaffCountChanged(23) { OccurredAt = Given.Past.AddDays(1) }));
        var bogus = Aggregate.Fold<School, SchoolState, SchoolEvent>(null, [Given.School("Not this school", staff: 999)])!;
        await using (var write = fixture.Store.LightweightSession())
        {
            write.Store(new Snapshot<SchoolState>("school/old-format", 2, Snapshot<SchoolState>.CurrentFormat - 1, bogus));
            await write.SaveChangesAsync();
        }

        var (loaded, version) = await new EventJournal(fixture.Store)
            .LoadAsync<School, SchoolState, SchoolEvent>("school/old-format", null, 0, CancellationToken.None);

        Assert.Equal(2, version);
        Assert.Equal("School old-format", loaded!.Name);
        Assert.Equal(23, loaded.StaffCount);
    }

    [Fact]
    public async Task A_snapshot_in_its_states_current_format_is_trusted_on_load()
    {
        await fixture.Grains.RegisteredSchool("current-format");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("current-format");
        await Given.Accepted(school.Record(Given.Command(), new StaffCountChanged(23) { OccurredAt = Given.Past.AddDays(1) }));
        var planted = Aggregate.Fold<School, SchoolState, SchoolEvent>(null, [Given.School("Planted state", staff: 999)])!;
        await using (var write = fixture.Store.LightweightSession())
        {
            write.Store(new Snapshot<SchoolState>("school/current-format", 2, Snapshot<SchoolState>.CurrentFormat, planted));
            await write.SaveChangesAsync();
        }

        var (loaded, version) = await new EventJournal(fixture.Store)
            .LoadAsync<School, SchoolState, SchoolEvent>("school/current-format", null, 0, CancellationToken.None);

        Assert.Equal(2, version);
        Assert.Equal("Planted state", loaded!.Name);
        Assert.Equal(999, loaded.StaffCount);
    }

    /// <summary>
    /// A school's few years: teachers joining and moving on, roles, conditions, a breaking-ranks episode, and many
    /// decisions, discussions and staff counts. Returns the number of events on the school's stream.
    /// </summary>
    private async Task<int> RecordLongHistory()
    {
        var grains = fixture.Grains;
        var school = grains.GetGrain<ISchoolGrain>(SchoolId);
        var day = Given.Past;
        DateTimeOffset Next() => day = day.AddDays(1);
        var count = 0;
        async Task School(SchoolEvent e)
        {
            await Given.Accepted(grains.RecordAsync(SchoolId, Given.Command(), e with { OccurredAt = Next() }));
            count++;
        }

        await Given.Accepted(school.Record(Given.Command(), Given.School("Long history", staff: 38, at: day)));
        count++;
        await grains.RegisteredSchool("next-door", day);
        string[] teachers = ["amara", "bo", "chen", "dita"];
        foreach (var teacher in teachers)
        {
            await grains.RegisteredTeacher(teacher, SchoolId, Next());
            count++;
        }
        await School(Given.Role("math-coach", "Mathematics coach", seats: 2));
        await School(Given.Role("mentor", "New-teacher mentor", seats: 1));
        await School(new RoleAssigned("math-coach", "amara"));
        await School(new RoleAssigned("mentor", "bo"));
        await School(new SchoolConditionAssessed("Time for collaboration", 2, "Common planning period"));
        await School(new SchoolConditionAssessed("Shared Vision", 3, ""));
        await School(new BreakingRanksEpisodeOpened("ep-1", "chen", BreakingRanksAct.SpokeUp, "Proposed peer observation", BreakingRanksLevel.SpeakingUp));
        await School(new BreakingRanksEpisodeEscalated("ep-1", BreakingRanksLevel.DesignedIntervention, "Rumours in the staffroom"));
        await School(new BreakingRanksEpisodeResolved("ep-1", EpisodeOutcome.Negotiated, "Peer observation, voluntary"));

        for (var i = 0; i < 240; i++)
        {
            await School((i % 6) switch
            {
                0 => new StaffCountChanged(35 + (i % 17)),
                1 => new DecisionRecorded($"decision-{i}", $"Decision {i}", "Timetable", (DecisionMode)(i % 5), ["amara", "chen"], i % 4 == 1, "Because"),
                2 => new PrincipalMoveRecorded("Protected time", i % 4 == 2 ? "bo" : null, $"Move {i}"),
                3 => new LeadershipDiscussionHeld($"Topic {i}", ["amara", "bo", "dita"], [$"Agreement {i}"]),
                4 => new SchoolConditionAssessed(i % 4 == 0 ? "Time for collaboration" : $"Condition {i % 5}", 1 + (i % 4), "Revisit"),
                _ => new LeadershipStageAssessed((LeadershipStage)(i % 4), $"Evidence {i}", "District coach"),
            });
        }

        await School(new RoleVacated("mentor", "bo", "Moving to the school next door"));
        await Given.Accepted(grains.RecordAsync("bo", Given.Command(), new TeacherMovedSchool(SchoolId, "next-door") { OccurredAt = Next() }));
        count++;
        await School(new RoleAssigned("mentor", "dita"));
        await School(new StaffCountChanged(39));
        return count;
    }
}
