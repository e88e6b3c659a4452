using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Grains;

/// <summary>Streams begin with their creation event, once; nothing may name an aggregate that does not exist.</summary>
public sealed class LifecycleTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_command_on_a_school_never_registered_is_not_found_and_writes_nothing()
    {
        var outcome = await fixture.Grains.GetGrain<ISchoolGrain>("ghost-school").Record(Given.Command(), new StaffCountChanged(12));

        Assert.False(outcome.IsAccepted);
        Assert.Equal(ViolationKind.NotFound, outcome.Violation!.Kind);
        Assert.Equal("not-found", outcome.Violation.Code);
        Assert.Equal(0, outcome.Version);
        Assert.Empty(await fixture.Store.StreamAsync("school/ghost-school"));
        Assert.Null(await fixture.Grains.GetGrain<ISchoolGrain>("ghost-school").GetState());
    }

    [Fact]
    public async Task Registering_a_school_a_second_time_is_a_conflict_and_keeps_the_first_registration()
    {
        await fixture.Grains.RegisteredSchool("twice");

        var second = await fixture.Grains.GetGrain<ISchoolGrain>("twice").Record(Given.Command(), Given.School("Another name", staff: 90));

        Assert.False(second.IsAccepted);
        Assert.Equal(ViolationKind.Conflict, second.Violation!.Kind);
        Assert.Equal("already-exists", second.Violation.Code);
        Assert.Single(await fixture.Store.StreamAsync("school/twice"));
        var view = await fixture.Grains.GetGrain<ISchoolGrain>("twice").GetState();
        Assert.Equal("School twice", view!.State.Name);
        Assert.Equal(1, view.Version);
    }

    [Fact]
    public async Task A_teacher_registering_at_a_missing_school_is_not_found_and_no_teacher_stream_is_started()
    {
        var outcome = await fixture.Grains.GetGrain<ITeacherGrain>("orphan").Record(Given.Command(), Given.Teacher("Orphan", "no-such-school"));

        Assert.False(outcome.IsAccepted);
        Assert.Equal(ViolationKind.NotFound, outcome.Violation!.Kind);
        Assert.Equal("school-not-found", outcome.Violation.Code);
        Assert.Equal("schoolId", outcome.Violation.Field);
        Assert.Empty(await fixture.Store.StreamAsync("teacher/orphan"));
        Assert.Empty(await fixture.Store.StreamAsync("school/no-such-school"));
        Assert.Null(await fixture.Grains.GetGrain<ITeacherGrain>("orphan").GetState());
    }

    [Fact]
    public async Task A_teacher_moving_to_a_missing_school_is_not_found_and_stays_where_they_were()
    {
        await fixture.Grains.RegisteredSchool("stay-put");
        await fixture.Grains.RegisteredTeacher("settled", "stay-put");

        var outcome = await fixture.Grains.GetGrain<ITeacherGrain>("settled")
            .Record(Given.Command(), new TeacherMovedSchool("stay-put", "nowhere") { OccurredAt = Given.Past.AddDays(30) });

        Assert.False(outcome.IsAccepted);
        Assert.Equal(ViolationKind.NotFound, outcome.Violation!.Kind);
        Assert.Equal("school-not-found", outcome.Violation.Code);
        Assert.Equal("toSchoolId", outcome.Violation.Field);
        Assert.Single(await fixture.Store.StreamAsync("teacher/settled"));
        Assert.Equal(2, (await fixture.Store.StreamAsync("school/stay-put")).Count);
        Assert.Equal("stay-put", (await fixture.Grains.GetGrain<ITeacherGrain>("settled").GetState())!.State.SchoolId);
    }

    [Fact]
    public async Task Enrolling_a_missing_school_in_an_initiative_is_not_found_and_writes_nothing()
    {
        var initiative = fixture.Grains.GetGrain<IInitiativeGrain>("coaching-pilot");
        await Given.Accepted(initiative.Record(Given.Command(),
            new InitiativeLaunched("Coaching pilot", Sponsor.District, "Grow teacher leaders", ["Coaching"]) { OccurredAt = Given.Past }));

        var outcome = await initiative.Record(Given.Command(), new SchoolEnrolled("missing-school") { OccurredAt = Given.Past.AddDays(10) });

        Assert.False(outcome.IsAccepted);
        Assert.Equal(ViolationKind.NotFound, outcome.Violation!.Kind);
        Assert.Equal("school-not-found", outcome.Violation.Code);
        Assert.Single(await fixture.Store.StreamAsync("initiative/coaching-pilot"));
        Assert.Empty((await initiative.GetState())!.State.EnrolledSchools);
    }

    [Fact]
    public async Task Joining_a_missing_school_to_a_network_is_not_found_and_writes_nothing()
    {
        var network = fixture.Grains.GetGrain<INetworkGrain>("river-valley");
        await Given.Accepted(network.Record(Given.Command(), new NetworkFormed("River valley", "Compare coaching measures") { OccurredAt = Given.Past }));

        var outcome = await network.Record(Given.Command(), new SchoolJoinedNetwork("missing-school") { OccurredAt = Given.Past.AddDays(10) });

        Assert.False(outcome.IsAccepted);
        Assert.Equal(ViolationKind.NotFound, outcome.Violation!.Kind);
        Assert.Equal("school-not-found", outcome.Violation.Code);
        Assert.Single(await fixture.Store.StreamAsync("network/river-valley"));
        Assert.Empty((await network.GetState())!.State.Members);
    }

    [Fact]
    public async Task Enrolling_and_joining_an_existing_school_are_recorded()
    {
        await fixture.Grains.RegisteredSchool("real-school");
        var initiative = fixture.Grains.GetGrain<IInitiativeGrain>("real-pilot");
        await Given.Accepted(initiative.Record(Given.Command(),
            new InitiativeLaunched("Real pilot", Sponsor.State, "Grow teacher leaders", []) { OccurredAt = Given.Past }));
        var network = fixture.Grains.GetGrain<INetworkGrain>("real-network");
        await Given.Accepted(network.Record(Given.Command(), new NetworkFormed("Real network", "Compare") { OccurredAt = Given.Past }));

        await Given.Accepted(initiative.Record(Given.Command(), new SchoolEnrolled("real-school") { OccurredAt = Given.Past.AddDays(3) }));
        await Given.Accepted(network.Record(Given.Command(), new SchoolJoinedNetwork("real-school") { OccurredAt = Given.Past.AddDays(3) }));

        Assert.True((await initiative.GetState())!.State.EnrolledSchools.ContainsKey("real-school"));
        Assert.True((await network.GetState())!.State.Members.ContainsKey("real-school"));
    }
}
