using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;
using Marten;

namespace LearningOrg.Tests.Grains;

/// <summary>
/// An operation that writes two aggregates can stop between the writes: the first is committed with its follow-up in
/// the outbox, and the follow-up is not yet recorded. A retry with the same command id, or the silo's sweep, records
/// it, each write exactly once.
/// </summary>
public sealed class TwoAggregateRetryTests(FaultInjectingClusterFixture fixture) : IClassFixture<FaultInjectingClusterFixture>
{
    [Fact]
    public async Task A_registration_that_failed_before_the_school_heard_of_it_is_completed_by_a_retry_with_the_same_id()
    {
        await fixture.Grains.RegisteredSchool("half-staffed");
        var id = Given.NewCommandId();
        var registration = Given.Teacher("Half joined", "half-staffed");

        await FailsBetweenTheWrites("half-staffed", () => fixture.Grains.RecordAsync("half-joined", Given.Command(id), registration));

        Assert.IsType<TeacherRegistered>(Assert.Single(await fixture.Store.StreamAsync("teacher/half-joined")).Data);
        Assert.DoesNotContain(await fixture.Store.EventsAsync<SchoolEvent>("school/half-staffed"), e => e is TeacherJoinedStaff);
        Assert.False((await fixture.Grains.GetGrain<ISchoolGrain>("half-staffed").GetState())!.State.IsOnStaff("half-joined"));
        Assert.Equal("school/half-staffed", (await fixture.Store.WaitingFollowUpAsync($"{id}/join"))?.Target);

        var retry = await Given.Accepted(fixture.Grains.RecordAsync("half-joined", Given.Command(id), registration));

        Assert.True(retry.Replayed);
        Assert.Equal(1, retry.Version);
        Assert.IsType<TeacherRegistered>(Assert.Single(await fixture.Store.StreamAsync("teacher/half-joined")).Data);
        var joined = Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-staffed")).OfType<TeacherJoinedStaff>());
        Assert.Equal("half-joined", joined.TeacherId);
        Assert.Equal(registration.OccurredAt, joined.OccurredAt);
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("half-staffed").GetState())!.State.IsOnStaff("half-joined"));
        await using var session = fixture.Store.QuerySession();
        Assert.NotNull(await session.LoadAsync<ProcessedCommand>($"{id}/join"));
        Assert.Null(await fixture.Store.WaitingFollowUpAsync($"{id}/join"));

        var again = await Given.Accepted(fixture.Grains.RecordAsync("half-joined", Given.Command(id), registration));
        Assert.True(again.Replayed);
        Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-staffed")).OfType<TeacherJoinedStaff>());
    }

    [Fact]
    public async Task A_registration_without_occurred_at_completed_by_a_retry_joins_the_staff_when_the_teacher_registered()
    {
        await fixture.Grains.RegisteredSchool("half-staffed-now");
        var id = Given.NewCommandId();
        var registration = Given.Teacher("Joined now", "half-staffed-now") with { OccurredAt = default };

        await FailsBetweenTheWrites("half-staffed-now", () => fixture.Grains.RecordAsync("joined-now", Given.Command(id), registration));
        var retry = await Given.Accepted(fixture.Grains.RecordAsync("joined-now", Given.Command(id), registration));

        var registered = Assert.Single(await fixture.Store.EventsAsync<TeacherEvent>("teacher/joined-now"));
        var joined = Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-staffed-now")).OfType<TeacherJoinedStaff>());
        Assert.Equal(registered.OccurredAt, retry.OccurredAt);
        Assert.Equal(registered.OccurredAt, joined.OccurredAt);
    }

    [Fact]
    public async Task A_role_assignment_that_failed_before_the_teacher_heard_of_it_is_completed_by_a_retry_with_the_same_id()
    {
        await fixture.Grains.StaffedSchool("half-assigned", "half-leader", "data-coach", "Data coach");
        var id = Given.NewCommandId();
        var assignment = new RoleAssigned("data-coach", "half-leader") { OccurredAt = Given.Past.AddDays(7) };

        await FailsBetweenTheWrites("half-leader", () => fixture.Grains.RecordAsync("half-assigned", Given.Command(id), assignment));

        Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-assigned")).OfType<RoleAssigned>());
        Assert.DoesNotContain(await fixture.Store.EventsAsync<TeacherEvent>("teacher/half-leader"), e => e is RoleTaken);
        Assert.Empty((await fixture.Grains.GetGrain<ITeacherGrain>("half-leader").GetState())!.State.Roles);

        var retry = await Given.Accepted(fixture.Grains.RecordAsync("half-assigned", Given.Command(id), assignment));

        Assert.True(retry.Replayed);
        var assigned = Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/half-assigned")).OfType<RoleAssigned>());
        var taken = Assert.Single((await fixture.Store.EventsAsync<TeacherEvent>("teacher/half-leader")).OfType<RoleTaken>());
        Assert.Equal(("half-assigned", "data-coach", "Data coach"), (taken.SchoolId, taken.RoleId, taken.Title));
        Assert.Equal(assigned.OccurredAt, taken.OccurredAt);
        var held = Assert.Single((await fixture.Grains.GetGrain<ITeacherGrain>("half-leader").GetState())!.State.Roles.Values);
        Assert.Equal("data-coach", held.RoleId);
        Assert.Contains("half-leader", (await fixture.Grains.GetGrain<ISchoolGrain>("half-assigned").GetState())!.State.Roles["data-coach"].Holders.Keys);
    }

    [Fact]
    public async Task A_move_whose_follow_ups_failed_and_nobody_retried_is_completed_by_the_sweep_exactly_once()
    {
        await fixture.Grains.RegisteredSchool("swept-from");
        await fixture.Grains.RegisteredSchool("swept-to");
        await fixture.Grains.RegisteredTeacher("swept", "swept-from");
        var id = Given.NewCommandId();
        var move = new TeacherMovedSchool("swept-from", "swept-to") { OccurredAt = Given.Past.AddDays(30) };

        // The departure is asked for first and fails; the arrival is never asked for.
        await FailsBetweenTheWrites("swept-from", () => fixture.Grains.RecordAsync("swept", Given.Command(id), move));

        Assert.Equal("swept-to", (await fixture.Grains.GetGrain<ITeacherGrain>("swept").GetState())!.State.SchoolId);
        Assert.NotNull(await fixture.Store.WaitingFollowUpAsync($"{id}/leave"));
        Assert.NotNull(await fixture.Store.WaitingFollowUpAsync($"{id}/join"));
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("swept-from").GetState())!.State.IsOnStaff("swept"));

        Assert.True(await fixture.SweepFollowUpsAsync() >= 2);
        await fixture.SweepFollowUpsAsync();

        Assert.Null(await fixture.Store.WaitingFollowUpAsync($"{id}/leave"));
        Assert.Null(await fixture.Store.WaitingFollowUpAsync($"{id}/join"));
        Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/swept-from")).OfType<TeacherLeftStaff>());
        Assert.Single((await fixture.Store.EventsAsync<SchoolEvent>("school/swept-to")).OfType<TeacherJoinedStaff>());
        Assert.False((await fixture.Grains.GetGrain<ISchoolGrain>("swept-from").GetState())!.State.IsOnStaff("swept"));
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("swept-to").GetState())!.State.IsOnStaff("swept"));
    }

    [Fact]
    public async Task Follow_ups_of_a_command_whose_caller_stopped_right_after_the_first_write_are_recorded_once_by_the_sweep()
    {
        await fixture.Grains.StaffedSchool("abandoned-school", "abandoned", "coach", "Coach");
        var id = Given.NewCommandId();

        // The grain alone, as a caller that stopped once the grain had answered: nobody asks the teacher to record it.
        var outcome = await Given.Accepted(fixture.Grains.GetGrain<ISchoolGrain>("abandoned-school")
            .Record(Given.Command(id), new RoleAssigned("coach", "abandoned") { OccurredAt = Given.Past.AddDays(9) }));

        Assert.Equal("teacher/abandoned", Assert.Single(outcome.FollowUpTargets));
        Assert.NotNull(await fixture.Store.WaitingFollowUpAsync($"{id}/teacher"));
        Assert.Empty((await fixture.Grains.GetGrain<ITeacherGrain>("abandoned").GetState())!.State.Roles);

        await fixture.SweepFollowUpsAsync();
        await fixture.SweepFollowUpsAsync();
        await fixture.Grains.RecordFollowUpsAsync(["teacher/abandoned"]);

        Assert.Null(await fixture.Store.WaitingFollowUpAsync($"{id}/teacher"));
        Assert.Single((await fixture.Store.EventsAsync<TeacherEvent>("teacher/abandoned")).OfType<RoleTaken>());
        Assert.Equal("coach", Assert.Single((await fixture.Grains.GetGrain<ITeacherGrain>("abandoned").GetState())!.State.Roles.Values).RoleId);
    }

    [Fact]
    public async Task Two_moves_whose_follow_ups_all_waited_are_recorded_in_the_order_of_the_moves()
    {
        await fixture.Grains.RegisteredSchool("order-a");
        await fixture.Grains.RegisteredSchool("order-b");
        await fixture.Grains.RegisteredTeacher("in-order", "order-a");
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>("in-order");

        // Both moves answered by the teacher alone: each school has a departure and an arrival waiting, which would
        // refuse each other if recorded the wrong way round.
        await Given.Accepted(teacher.Record(Given.Command(), new TeacherMovedSchool("order-a", "order-b") { OccurredAt = Given.Past.AddDays(20) }));
        await Given.Accepted(teacher.Record(Given.Command(), new TeacherMovedSchool("order-b", "order-a") { OccurredAt = Given.Past.AddDays(40) }));
        await fixture.SweepFollowUpsAsync();

        var a = await fixture.Store.EventsAsync<SchoolEvent>("school/order-a");
        var b = await fixture.Store.EventsAsync<SchoolEvent>("school/order-b");
        Assert.Equal(["TeacherJoinedStaff", "TeacherLeftStaff", "TeacherJoinedStaff"], a.Skip(1).Select(e => e.GetType().Name));
        Assert.Equal(["TeacherJoinedStaff", "TeacherLeftStaff"], b.Skip(1).Select(e => e.GetType().Name));
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("order-a").GetState())!.State.IsOnStaff("in-order"));
        Assert.False((await fixture.Grains.GetGrain<ISchoolGrain>("order-b").GetState())!.State.IsOnStaff("in-order"));
    }

    [Fact]
    public async Task A_move_dated_before_an_arrival_the_school_has_not_heard_of_yet_is_refused_by_the_teacher()
    {
        await fixture.Grains.RegisteredSchool("early-a");
        await fixture.Grains.RegisteredSchool("early-b");
        await fixture.Grains.RegisteredSchool("early-c");
        await fixture.Grains.RegisteredTeacher("early", "early-a");
        var teacher = fixture.Grains.GetGrain<ITeacherGrain>("early");
        await Given.Accepted(teacher.Record(Given.Command(), new TeacherMovedSchool("early-a", "early-b") { OccurredAt = Given.Past.AddDays(100) }));

        var early = await fixture.Grains.RecordAsync("early", Given.Command(), new TeacherMovedSchool("early-b", "early-c") { OccurredAt = Given.Past.AddDays(50) });

        Assert.Equal(("before-history", "occurredAt"), (early.Violation?.Code, early.Violation?.Field));
        await fixture.SweepFollowUpsAsync();
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("early-b").GetState())!.State.IsOnStaff("early"));
        Assert.False((await fixture.Grains.GetGrain<ISchoolGrain>("early-c").GetState())!.State.IsOnStaff("early"));
    }

    [Fact]
    public async Task A_role_assigned_before_the_school_heard_that_its_teacher_moved_away_is_vacated_on_both_streams()
    {
        await fixture.Grains.StaffedSchool("left-behind", "moved-on", "coach", "Coach");
        await fixture.Grains.RegisteredSchool("moved-to");
        var moveId = Given.NewCommandId();

        // The move is recorded on the teacher; the school has not heard of it when it assigns the role.
        await Given.Accepted(fixture.Grains.GetGrain<ITeacherGrain>("moved-on")
            .Record(Given.Command(moveId), new TeacherMovedSchool("left-behind", "moved-to") { OccurredAt = Given.Past.AddDays(20) }));
        await Given.Accepted(fixture.Grains.RecordAsync("left-behind", Given.Command(), new RoleAssigned("coach", "moved-on") { OccurredAt = Given.Past.AddDays(25) }));
        Assert.Single((await fixture.Grains.GetGrain<ITeacherGrain>("moved-on").GetState())!.State.Roles);

        await fixture.Grains.RecordFollowUpsAsync(["school/left-behind", "school/moved-to"]);

        var school = await fixture.Store.EventsAsync<SchoolEvent>("school/left-behind");
        var vacated = Assert.IsType<RoleVacated>(school[^2]);
        Assert.Equal(("coach", "moved-on", School.MovedAwayReason, Given.Past.AddDays(25)), (vacated.RoleId, vacated.TeacherId, vacated.Reason, vacated.OccurredAt));
        Assert.Equal(Given.Past.AddDays(20), Assert.IsType<TeacherLeftStaff>(school[^1]).OccurredAt);
        var teacher = await fixture.Store.EventsAsync<TeacherEvent>("teacher/moved-on");
        Assert.Equal(["TeacherRegistered", "TeacherMovedSchool", "RoleTaken", "RoleLeft"], teacher.Select(e => e.GetType().Name));
        var state = (await fixture.Grains.GetGrain<ITeacherGrain>("moved-on").GetState())!.State;
        Assert.Empty(state.Roles);
        Assert.Equal("moved-to", state.SchoolId);
        var left = (await fixture.Grains.GetGrain<ISchoolGrain>("left-behind").GetState())!.State;
        Assert.Empty(left.RolesHeldBy("moved-on"));
        Assert.False(left.IsOnStaff("moved-on"));
        Assert.True((await fixture.Grains.GetGrain<ISchoolGrain>("moved-to").GetState())!.State.IsOnStaff("moved-on"));
        Assert.Null(await fixture.Store.WaitingFollowUpAsync($"{moveId}/leave/0/teacher"));
        Assert.Null(await fixture.Store.WaitingFollowUpAsync($"{moveId}/leave"));
    }

    /// <summary>
    /// Sends <paramref name="command"/> with the recording of the follow-ups waiting for <paramref name="failingTarget"/>
    /// set to fail, and checks that the caller hears of the failure.
    /// </summary>
    private async Task FailsBetweenTheWrites(string failingTarget, Func<Task<CommandOutcome>> command)
    {
        var tripped = fixture.Faults.Tripped;
        fixture.Faults.FailFollowUpsOnce(failingTarget);

        var failure = await Assert.ThrowsAnyAsync<Exception>(command);

        Assert.Contains(InjectedFault.Message, failure.Message, StringComparison.Ordinal);
        Assert.Equal(tripped + 1, fixture.Faults.Tripped);
    }
}
