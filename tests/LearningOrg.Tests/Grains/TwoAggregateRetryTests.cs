using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.Persistence;
using LearningOrg.Tests.Infrastructure;
using Marten;

namespace LearningOrg.Tests.Grains;

/// <summary>
/// An operation that writes two aggregates can fail between the writes; a retry with the same command id completes it,
/// each write recorded exactly once.
/// </summary>
public sealed class TwoAggregateRetryTests(FaultInjectingClusterFixture fixture) : IClassFixture<FaultInjectingClusterFixture>
{
    [Fact]
    public async Task A_registration_that_failed_before_the_school_heard_of_it_is_completed_by_a_retry_with_the_same_id()
    {
        await fixture.Grains.RegisteredSchool("half-staffed");
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>("half-joined");
        var id = Given.NewCommandId();
        var registration = Given.Teacher("Half joined", "half-staffed");
        var tripped = fixture.Faults.Tripped;
        fixture.Faults.FailOnce<ISchoolGrain, TeacherJoinedStaff>();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => teacher.Record(Given.Command(id), registration));

        Assert.Contains(InjectedFault.Message, failure.Message, StringComparison.Ordinal);
        Assert.Equal(tripped + 1, fixture.Faults.Tripped);
        Assert.IsType<TeacherRegistered>(Assert.Single(await fixture.Store.StreamAsync("teacher/half-joined")).Data);
        Assert.DoesNotContain(await fixture.Store.EventsAsync<SchoolEvent>("school/half-staffed"), e => e is TeacherJoinedStaff);
        Assert.False((await fixture.Grains.GetGrain<ISchoolGrain>("half-staffed").GetState())!.State.IsOnStaff("half-joined"));

        var retry = await Given.Accepted(teacher.Record(Given.Command(id), registration));

        Assert.True(retry.Replayed);
        Assert.Equal(1, retry.Version);
        Assert.IsType<TeacherRegistered>(Assert.Single(await fixture.Store.StreamAsync("teacher/half-joined")).Data);
        var joined = Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-staffed")).OfType<TeacherJoinedStaff>());
        Assert.Equal("half-joined", joined.TeacherId);
        Assert.Equal(registration.OccurredAt, joined.OccurredAt);
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("half-staffed").GetState())!.State.IsOnStaff("half-joined"));
        await using var session = fixture.Store.QuerySession();
        Assert.NotNull(await session.LoadAsync<ProcessedCommand>($"{id}/join"));

        var again = await Given.Accepted(teacher.Record(Given.Command(id), registration));
        Assert.True(again.Replayed);
        Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-staffed")).OfType<TeacherJoinedStaff>());
    }

    [Fact]
    public async Task A_registration_without_occurred_at_completed_by_a_retry_joins_the_staff_when_the_teacher_registered()
    {
        await fixture.Grains.RegisteredSchool("half-staffed-now");
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>("joined-now");
        var id = Given.NewCommandId();
        var registration = Given.Teacher("Joined now", "half-staffed-now") with { OccurredAt = default };
        fixture.Faults.FailOnce<ISchoolGrain, TeacherJoinedStaff>();

        await Assert.ThrowsAnyAsync<Exception>(() => teacher.Record(Given.Command(id), registration));
        var retry = await Given.Accepted(teacher.Record(Given.Command(id), registration));

        var registered = Assert.Single(await fixture.Store.EventsAsync<TeacherEvent>("teacher/joined-now"));
        var joined = Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-staffed-now")).OfType<TeacherJoinedStaff>());
        Assert.Equal(registered.OccurredAt, retry.OccurredAt);
        Assert.Equal(registered.OccurredAt, joined.OccurredAt);
    }

    [Fact]
    public async Task A_role_assignment_that_failed_before_the_teacher_heard_of_it_is_completed_by_a_retry_with_the_same_id()
    {
        await fixture.Grains.RegisteredSchool("half-assigned");
        await fixture.Grains.RegisteredTeacher("half-leader", "half-assigned");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("half-assigned");
        await Given.Accepted(school.Record(Given.Command(), Given.Role("data-coach", "Data coach")));
        var id = Given.NewCommandId();
        var assignment = new RoleAssigned("data-coach", "half-leader") { OccurredAt = Given.Past.AddDays(7) };
        var tripped = fixture.Faults.Tripped;
        fixture.Faults.FailOnce<ITeacherGrain, RoleTaken>();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => school.Record(Given.Command(id), assignment));

        Assert.Contains(InjectedFault.Message, failure.Message, StringComparison.Ordinal);
        Assert.Equal(tripped + 1, fixture.Faults.Tripped);
        Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-assigned")).OfType<RoleAssigned>());
        Assert.DoesNotContain(await fixture.Store.EventsAsync<TeacherEvent>("teacher/half-leader"), e => e is RoleTaken);
        Assert.Empty((await fixture.Grains.GetGrain<ITeacherGrain>("half-leader").GetState())!.State.Roles);

        var retry = await Given.Accepted(school.Record(Given.Command(id), assignment));

        Assert.True(retry.Replayed);
        var assigned = Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-assigned")).OfType<RoleAssigned>());
        var taken = Assert.Single((await fixture.Store.EventsAsync<TeacherEvent>("teacher/half-leader")).OfType<RoleTaken>());
        Assert.Equal(("half-assigned", "data-coach", "Data coach"), (taken.SchoolId, taken.RoleId, taken.Title));
        Assert.Equal(assigned.OccurredAt, taken.OccurredAt);
        var held = Assert.Single((await fixture.Grains.GetGrain<ITeacherGrain>("half-leader").GetState())!.State.Roles.Values);
        Assert.Equal("data-coach", held.RoleId);
        Assert.Contains("half-leader", (await school.GetState())!.State.Roles["data-coach"].Holders.Keys);
    }
}
