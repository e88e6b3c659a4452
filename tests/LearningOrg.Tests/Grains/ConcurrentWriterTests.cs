using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Grains;

/// <summary>A grain appends only on top of the version it decided against; another writer first makes it re-read.</summary>
public sealed class ConcurrentWriterTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_grain_whose_stream_another_writer_extended_rereads_the_tail_and_appends_after_it()
    {
        await fixture.Grains.RegisteredSchool("shared-stream");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("shared-stream");
        Assert.Equal(1, (await school.GetState())!.Version);

        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append("school/shared-stream", new StaffCountChanged(50) { OccurredAt = Given.Past.AddDays(3) });
            await session.SaveChangesAsync();
        }
        var outcome = await Given.Accepted(school.Record(Given.Command(),
            new LeadershipStageAssessed(LeadershipStage.Emerging, "Two teachers lead grade teams", "Principal") { OccurredAt = Given.Past.AddDays(4) }));

        Assert.Equal(3, outcome.Version);
        var stream = await fixture.Store.StreamAsync("school/shared-stream");
        Assert.Equal([1L, 2L, 3L], stream.Select(e => e.Version));
        Assert.IsType<SchoolRegistered>(stream[0].Data);
        Assert.Equal(50, Assert.IsType<StaffCountChanged>(stream[1].Data).StaffCount);
        Assert.Equal(LeadershipStage.Emerging, Assert.IsType<LeadershipStageAssessed>(stream[2].Data).Stage);
        var view = await school.GetState();
        Assert.Equal(3, view!.Version);
        Assert.Equal(50, view.State.StaffCount);
        Assert.Equal(LeadershipStage.Emerging, view.State.Stage);
    }

    [Fact]
    public async Task A_rule_is_decided_against_what_another_writer_recorded_not_against_the_stale_state()
    {
        await fixture.Grains.RegisteredSchool("decided-twice");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("decided-twice");
        Assert.NotNull(await school.GetState());
        var role = Given.Role("grade-lead", seats: 1);

        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append("school/decided-twice", role);
            await session.SaveChangesAsync();
        }
        var outcome = await school.Record(Given.Command(), role);

        Assert.Equal("role-exists", outcome.Violation?.Code);
        Assert.Equal(2, (await fixture.Store.StreamAsync("school/decided-twice")).Count);
        Assert.True((await school.GetState())!.State.Roles.ContainsKey("grade-lead"));
    }

    [Fact]
    public async Task A_command_expecting_an_older_version_is_refused_as_stale_and_writes_nothing()
    {
        await fixture.Grains.RegisteredSchool("if-match");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("if-match");
        await Given.Accepted(school.Record(Given.Command(), new StaffCountChanged(41) { OccurredAt = Given.Past.AddDays(1) }));

        var stale = await school.Record(Given.Command(expectedVersion: 1), new StaffCountChanged(60) { OccurredAt = Given.Past.AddDays(2) });

        Assert.False(stale.IsAccepted);
        Assert.Equal(ViolationKind.StaleVersion, stale.Violation!.Kind);
        Assert.Equal(2, stale.Version);
        Assert.Equal(2, (await fixture.Store.StreamAsync("school/if-match")).Count);
        Assert.Equal(41, (await school.GetState())!.State.StaffCount);

        var current = await Given.Accepted(school.Record(Given.Command(expectedVersion: 2), new StaffCountChanged(60) { OccurredAt = Given.Past.AddDays(2) }));
        Assert.Equal(3, current.Version);
    }

    [Fact]
    public async Task A_command_expecting_the_version_the_grain_had_before_another_writer_is_refused_as_stale()
    {
        await fixture.Grains.RegisteredSchool("if-match-behind");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("if-match-behind");
        Assert.Equal(1, (await school.GetState())!.Version);
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append("school/if-match-behind", new StaffCountChanged(70) { OccurredAt = Given.Past.AddDays(1) });
            await session.SaveChangesAsync();
        }

        var stale = await school.Record(Given.Command(expectedVersion: 1), new StaffCountChanged(80) { OccurredAt = Given.Past.AddDays(2) });

        Assert.Equal(ViolationKind.StaleVersion, stale.Violation?.Kind);
        Assert.Equal(2, (await fixture.Store.StreamAsync("school/if-match-behind")).Count);
        var view = await school.GetState();
        Assert.Equal(2, view!.Version);
        Assert.Equal(70, view.State.StaffCount);
    }
}
