using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using static LearningOrg.Tests.Domain.Given;

namespace LearningOrg.Tests.Domain;

public sealed class TeacherRulesTests
{
    private static readonly TeacherState AtLincoln = Fold(Registered());

    private static TeacherState Fold(params TeacherEvent[] events) => Aggregate.Fold<Teacher, TeacherState, TeacherEvent>(null, events)!;

    private static Decision<TeacherEvent> Decide(TeacherState? state, TeacherEvent proposed) => Teacher.Decide(state, proposed, Now);

    private static TeacherRegistered Registered(int day = 0) =>
        new TeacherRegistered("Ana López", "lincoln", ["Mathematics"], ["4", "5"], 8).On(day);

    private static TeacherMovedSchool Moved(string from, string to, int day) => new TeacherMovedSchool(from, to).On(day);

    private static RoleTaken Taken(string schoolId, string roleId, int day) => new RoleTaken(schoolId, roleId, "Instructional coach").On(day);

    private static RoleLeft Left(string schoolId, string roleId, int day) => new RoleLeft(schoolId, roleId, "Term ended").On(day);

    private static InformalLeadershipObserved Observed(LeadershipDomain domain, int day) =>
        new InformalLeadershipObserved(LeadershipAct.LookedAtStudentWork, domain, "Brought student work to the team", "Principal").On(day);

    // Lifecycle and time

    [Fact]
    public void A_teacher_stream_begins_only_with_their_registration()
    {
        IsRejected(Decide(null, new CollaborationJoined("Math PLC").On(1)), ViolationKind.NotFound, "not-found", null);
    }

    [Fact]
    public void A_registration_starts_an_empty_stream()
    {
        var registration = Registered();
        IsAccepted(Decide(null, registration), registration);
    }

    [Fact]
    public void A_teacher_is_registered_only_once()
    {
        IsRejected(Decide(AtLincoln, Registered(2)), ViolationKind.Conflict, "already-exists", null);
    }

    [Fact]
    public void An_event_beyond_the_clock_skew_in_the_future_is_invalid()
    {
        IsInvalid(Decide(AtLincoln, new CollaborationJoined("Math PLC").At(Now.AddMinutes(6))), "occurredAt");
    }

    [Fact]
    public void An_event_one_minute_in_the_future_is_accepted()
    {
        var joined = new CollaborationJoined("Math PLC").At(Now.AddMinutes(1));
        IsAccepted(Decide(AtLincoln, joined), joined);
    }

    [Fact]
    public void An_event_before_the_teacher_was_registered_conflicts_with_their_history()
    {
        IsRejected(Decide(Fold(Registered(10)), new CollaborationJoined("Math PLC").On(9)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    // Moves

    [Fact]
    public void A_teacher_moves_from_the_school_they_are_at()
    {
        var move = Moved("lincoln", "roosevelt", 5);
        IsAccepted(Decide(AtLincoln, move), move);
    }

    [Fact]
    public void A_teacher_cannot_move_from_a_school_they_are_not_at()
    {
        IsRejected(Decide(AtLincoln, Moved("roosevelt", "garfield", 5)), ViolationKind.Conflict, "not-at-school", "fromSchoolId");
    }

    [Fact]
    public void A_teacher_cannot_move_from_the_school_they_already_left()
    {
        var teacher = Fold(Registered(), Moved("lincoln", "roosevelt", 5));
        IsRejected(Decide(teacher, Moved("lincoln", "garfield", 9)), ViolationKind.Conflict, "not-at-school", "fromSchoolId");
    }

    [Fact]
    public void A_teacher_cannot_move_to_the_school_they_are_at()
    {
        IsInvalid(Decide(AtLincoln, Moved("lincoln", "lincoln", 5)), "toSchoolId");
    }

    [Fact]
    public void A_teacher_cannot_leave_a_school_before_the_day_they_arrived_there()
    {
        var teacher = Fold(Registered(), Moved("lincoln", "roosevelt", 10));
        IsRejected(Decide(teacher, Moved("roosevelt", "garfield", 5)), ViolationKind.Conflict, "before-history", "occurredAt");
        var onArrival = Moved("roosevelt", "garfield", 10);
        IsAccepted(Decide(teacher, onArrival), onArrival);
    }

    [Fact]
    public void A_registration_and_a_move_send_the_schools_their_staff_changes()
    {
        var registration = Registered(2);
        Assert.Equal<FollowUp>([new(FollowUp.Join, "lincoln", new TeacherJoinedStaff("ana").On(2))], Teacher.FollowUpsOf("ana", AtLincoln, registration));
        var move = Moved("lincoln", "roosevelt", 9);
        Assert.Equal<FollowUp>(
            [new(FollowUp.Leave, "lincoln", new TeacherLeftStaff("ana").On(9)), new(FollowUp.Join, "roosevelt", new TeacherJoinedStaff("ana").On(9))],
            Teacher.FollowUpsOf("ana", Fold(Registered(), move), move));
        Assert.Empty(Teacher.FollowUpsOf("ana", AtLincoln, Observed(LeadershipDomain.Research, 3)));
    }

    [Fact]
    public void A_role_follow_up_the_teacher_already_shows_needs_nothing_recorded()
    {
        var holding = Fold(Registered(), Taken("lincoln", "coach", 3));
        Assert.Empty(Teacher.ReceiveFollowUp(holding, Taken("lincoln", "coach", 3)));
        Assert.Empty(Teacher.ReceiveFollowUp(AtLincoln, Left("lincoln", "coach", 4)));
        var left = Left("lincoln", "coach", 4);
        Assert.Equal<TeacherEvent>([left], Teacher.ReceiveFollowUp(holding, left));
    }

    [Fact]
    public void A_teacher_holding_a_role_cannot_move()
    {
        var teacher = Fold(Registered(), Taken("lincoln", "coach", 3));
        IsRejected(Decide(teacher, Moved("lincoln", "roosevelt", 5)), ViolationKind.Conflict, "holds-role", null);
    }

    [Fact]
    public void A_teacher_who_left_their_role_may_move()
    {
        var teacher = Fold(Registered(), Taken("lincoln", "coach", 3), Left("lincoln", "coach", 4));
        var move = Moved("lincoln", "roosevelt", 5);
        IsAccepted(Decide(teacher, move), move);
    }

    [Fact]
    public void A_move_must_name_schools_by_identifier()
    {
        IsInvalid(Decide(AtLincoln, Moved("lincoln", "Roosevelt High", 5)), "toSchoolId");
    }

    // Roles

    [Fact]
    public void A_role_is_taken_only_once()
    {
        var teacher = Fold(Registered(), Taken("lincoln", "coach", 3));
        IsRejected(Decide(teacher, Taken("lincoln", "coach", 5)), ViolationKind.Conflict, "already-holds-role", "roleId");
    }

    [Fact]
    public void A_role_with_the_same_id_at_another_school_is_another_role()
    {
        var teacher = Fold(Registered(), Taken("lincoln", "coach", 3));
        var other = Taken("roosevelt", "coach", 5);
        IsAccepted(Decide(teacher, other), other);
    }

    [Fact]
    public void A_role_that_was_left_can_be_taken_again()
    {
        var teacher = Fold(Registered(), Taken("lincoln", "coach", 3), Left("lincoln", "coach", 4));
        var again = Taken("lincoln", "coach", 5);
        IsAccepted(Decide(teacher, again), again);
    }

    [Fact]
    public void A_role_is_left_only_if_held()
    {
        IsRejected(Decide(AtLincoln, Left("lincoln", "coach", 5)), ViolationKind.Conflict, "does-not-hold-role", "roleId");
    }

    [Fact]
    public void A_role_is_left_only_at_the_school_where_it_is_held()
    {
        var teacher = Fold(Registered(), Taken("lincoln", "coach", 3));
        IsRejected(Decide(teacher, Left("roosevelt", "coach", 5)), ViolationKind.Conflict, "does-not-hold-role", "roleId");
    }

    [Fact]
    public void A_role_cannot_be_left_before_it_was_taken()
    {
        var teacher = Fold(Registered(), Taken("lincoln", "coach", 10));
        IsRejected(Decide(teacher, Left("lincoln", "coach", 5)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_role_title_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(AtLincoln, Taken("lincoln", "coach", 3) with { Title = Text(Limits.Name + 1) }), "title");
    }

    [Fact]
    public void A_role_taken_must_name_its_role_by_identifier()
    {
        IsInvalid(Decide(AtLincoln, Taken("lincoln", "Coach", 3)), "roleId");
    }

    // Registration and other fields

    [Theory]
    [InlineData(-1)]
    [InlineData(Teacher.MaxYearsExperience + 1)]
    public void Years_of_experience_lie_between_zero_and_the_maximum(int years)
    {
        IsInvalid(Decide(null, Registered() with { YearsExperience = years }), "yearsExperience");
    }

    [Fact]
    public void A_registration_names_a_school_by_identifier()
    {
        IsInvalid(Decide(null, Registered() with { SchoolId = "Lincoln Elementary" }), "schoolId");
    }

    [Fact]
    public void A_subject_longer_than_a_label_is_rejected()
    {
        IsInvalid(Decide(null, Registered() with { Subjects = [Text(Limits.Label + 1)] }), "subjects");
    }

    [Fact]
    public void A_teacher_teaches_at_most_twenty_grades()
    {
        var grades = Enumerable.Range(1, 21).Select(g => $"{g}").ToArray();
        IsInvalid(Decide(null, Registered() with { Grades = [.. grades] }), "grades");
    }

    [Fact]
    public void A_blank_teacher_name_is_rejected()
    {
        IsInvalid(Decide(null, Registered() with { Name = " " }), "name");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2000.5)]
    public void Professional_learning_hours_lie_between_zero_and_the_maximum(double hours)
    {
        IsInvalid(Decide(AtLincoln, new ProfessionalLearningCompleted("Coaching institute", (decimal)hours, "").On(5)), "hours");
    }

    [Fact]
    public void An_informal_act_must_be_defined()
    {
        IsInvalid(Decide(AtLincoln, Observed(LeadershipDomain.Research, 5) with { Act = (LeadershipAct)42 }), "act");
    }

    [Fact]
    public void An_informal_act_s_domain_must_be_defined()
    {
        IsInvalid(Decide(AtLincoln, Observed((LeadershipDomain)7, 5)), "domain");
    }

    [Fact]
    public void An_informal_act_names_who_observed_it()
    {
        IsInvalid(Decide(AtLincoln, Observed(LeadershipDomain.Research, 5) with { ObservedBy = "" }), "observedBy");
    }

    [Fact]
    public void A_community_name_with_control_characters_is_rejected()
    {
        IsInvalid(Decide(AtLincoln, new CollaborationJoined("Math\u0000PLC").On(5)), "community");
    }

    // Folds

    [Fact]
    public void Registration_places_the_teacher_at_their_school()
    {
        var teacher = Fold(Registered(3));
        Assert.Equal(("Ana López", "lincoln", 8, Day(3), Day(3)), (teacher.Name, teacher.SchoolId, teacher.YearsExperience, teacher.RegisteredAt, teacher.LastEventAt));
        Assert.Empty(teacher.Roles);
    }

    [Fact]
    public void A_move_changes_the_teacher_s_school()
    {
        Assert.Equal("roosevelt", Fold(Registered(), Moved("lincoln", "roosevelt", 5)).SchoolId);
    }

    [Fact]
    public void A_role_taken_then_left_is_no_longer_held_but_still_counted()
    {
        var holding = Fold(Registered(), Taken("lincoln", "coach", 3));
        var after = Fold(Registered(), Taken("lincoln", "coach", 3), Left("lincoln", "coach", 4));
        Assert.Equal(new HeldRole("lincoln", "coach", "Instructional coach", Day(3)), holding.Roles["lincoln/coach"]);
        Assert.Empty(after.Roles);
        Assert.Equal(1, after.RolesEverTaken);
    }

    [Fact]
    public void Informal_leadership_is_counted_by_domain()
    {
        var teacher = Fold(Registered(),
            Observed(LeadershipDomain.Research, 1),
            Observed(LeadershipDomain.Instruction, 2),
            Observed(LeadershipDomain.Research, 3));
        Assert.Equal(2, teacher.InformalActsByDomain[LeadershipDomain.Research]);
        Assert.Equal(1, teacher.InformalActsByDomain[LeadershipDomain.Instruction]);
        Assert.False(teacher.InformalActsByDomain.ContainsKey(LeadershipDomain.Advocacy));
    }

    [Fact]
    public void Professional_learning_hours_add_up()
    {
        var teacher = Fold(Registered(),
            new ProfessionalLearningCompleted("Coaching institute", 12.5m, "").On(1),
            new ProfessionalLearningCompleted("Data literacy", 6m, "").On(2));
        Assert.Equal(18.5m, teacher.ProfessionalLearningHours);
    }

    [Fact]
    public void Collaborations_are_listed_in_the_order_joined()
    {
        var teacher = Fold(Registered(), new CollaborationJoined("Math PLC").On(1), new CollaborationJoined("District network").On(2));
        Assert.Equal(["Math PLC", "District network"], teacher.Collaborations.AsEnumerable());
    }

    [Fact]
    public void A_back_dated_event_does_not_move_the_last_event_date_back()
    {
        var teacher = Fold(Registered(), new CollaborationJoined("Math PLC").On(20), new CollaborationJoined("District network").On(10));
        Assert.Equal(Day(20), teacher.LastEventAt);
    }

    [Fact]
    public void A_teacher_s_stream_cannot_be_folded_from_another_event()
    {
        Assert.Throws<InvalidOperationException>(() => Teacher.Create(Taken("lincoln", "coach", 3)));
    }
}
