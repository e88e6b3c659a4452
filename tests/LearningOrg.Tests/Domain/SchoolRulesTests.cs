using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using static LearningOrg.Tests.Domain.Given;
using static LearningOrg.Tests.Domain.SchoolStory;

namespace LearningOrg.Tests.Domain;

public sealed class SchoolRulesTests
{
    private static readonly SchoolState WithStaff = Fold(Registered(), Joined("ana", 1), Joined("ben", 1));

    private static readonly SchoolState WithRole = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), RoleDefined("coach", 2));

    // Lifecycle

    [Fact]
    public void A_school_stream_begins_only_with_its_registration()
    {
        IsRejected(Decide(null, Joined("ana", 1)), ViolationKind.NotFound, "not-found", null);
    }

    [Fact]
    public void A_registration_starts_an_empty_stream()
    {
        var registration = Registered();
        IsAccepted(Decide(null, registration), registration);
    }

    [Fact]
    public void A_school_is_registered_only_once()
    {
        IsRejected(Decide(Fold(Registered()), Registered(3)), ViolationKind.Conflict, "already-exists", null);
    }

    // Time

    [Fact]
    public void An_event_beyond_the_clock_skew_in_the_future_is_invalid()
    {
        IsInvalid(Decide(WithStaff, new StaffCountChanged(41).At(Now + Limits.ClockSkew + TimeSpan.FromSeconds(1))), "occurredAt");
    }

    [Fact]
    public void An_event_one_minute_in_the_future_is_accepted()
    {
        var change = new StaffCountChanged(41).At(Now.AddMinutes(1));
        IsAccepted(Decide(WithStaff, change), change);
    }

    [Fact]
    public void An_event_exactly_at_the_clock_skew_is_accepted()
    {
        var change = new StaffCountChanged(41).At(Now + Limits.ClockSkew);
        IsAccepted(Decide(WithStaff, change), change);
    }

    [Fact]
    public void A_registration_in_the_future_is_invalid()
    {
        IsInvalid(Decide(null, Registered().At(Now.AddDays(1))), "occurredAt");
    }

    [Fact]
    public void An_event_before_the_school_was_registered_conflicts_with_its_history()
    {
        var school = Fold(Registered(10));
        IsRejected(Decide(school, Joined("ana", 9)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void An_event_dated_before_1900_is_invalid()
    {
        IsInvalid(Decide(null, Registered().At(new DateTimeOffset(1899, 12, 31, 0, 0, 0, TimeSpan.Zero))), "occurredAt");
    }

    // Staff

    [Fact]
    public void A_teacher_on_the_staff_cannot_join_it_again()
    {
        IsRejected(Decide(WithStaff, Joined("ana", 5)), ViolationKind.Conflict, "already-on-staff", "teacherId");
    }

    [Fact]
    public void A_teacher_who_left_may_rejoin()
    {
        var school = Fold(Registered(), Joined("ana", 1), Left("ana", 10));
        var rejoin = Joined("ana", 20);
        IsAccepted(Decide(school, rejoin), rejoin);
    }

    [Fact]
    public void A_teacher_cannot_rejoin_before_they_left()
    {
        var school = Fold(Registered(), Joined("ana", 1), Left("ana", 10));
        IsRejected(Decide(school, Joined("ana", 5)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_teacher_may_rejoin_at_the_moment_they_left()
    {
        var school = Fold(Registered(), Joined("ana", 1), Left("ana", 10));
        var rejoin = Joined("ana", 10);
        IsAccepted(Decide(school, rejoin), rejoin);
    }

    [Fact]
    public void A_teacher_not_on_the_staff_cannot_leave_it()
    {
        IsRejected(Decide(WithStaff, Left("cleo", 5)), ViolationKind.Conflict, "not-on-staff", "teacherId");
    }

    [Fact]
    public void A_teacher_who_already_left_cannot_leave_again()
    {
        var school = Fold(Registered(), Joined("ana", 1), Left("ana", 10));
        IsRejected(Decide(school, Left("ana", 12)), ViolationKind.Conflict, "not-on-staff", "teacherId");
    }

    [Fact]
    public void A_teacher_cannot_leave_before_joining()
    {
        var school = Fold(Registered(), Joined("ana", 10));
        IsRejected(Decide(school, Left("ana", 5)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_teacher_holding_a_role_cannot_leave_the_staff()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Assigned("coach", "ana", 3));
        IsRejected(Decide(school, Left("ana", 10)), ViolationKind.Conflict, "holds-role", "teacherId");
    }

    [Fact]
    public void A_teacher_whose_role_was_vacated_may_leave_the_staff()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Assigned("coach", "ana", 3), Vacated("coach", "ana", 8));
        var leaving = Left("ana", 10);
        IsAccepted(Decide(school, leaving), leaving);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(School.MaxStaff + 1)]
    public void A_staff_count_lies_between_one_and_the_maximum(int staffCount)
    {
        IsInvalid(Decide(WithStaff, new StaffCountChanged(staffCount).On(5)), "staffCount");
    }

    // Roles

    [Fact]
    public void A_role_is_assigned_only_once_it_is_defined()
    {
        IsRejected(Decide(WithStaff, Assigned("coach", "ana", 5)), ViolationKind.NotFound, "role-not-found", "roleId");
    }

    [Fact]
    public void A_retired_role_cannot_be_assigned()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), RoleRetired("coach", 3));
        IsRejected(Decide(school, Assigned("coach", "ana", 5)), ViolationKind.Conflict, "role-retired", "roleId");
    }

    [Fact]
    public void A_role_is_assigned_only_while_a_seat_is_free()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), RoleDefined("coach", 2, seats: 1), Assigned("coach", "ana", 3));
        IsRejected(Decide(school, Assigned("coach", "ben", 5)), ViolationKind.Conflict, "no-free-seat", "roleId");
    }

    [Fact]
    public void A_role_with_two_seats_takes_a_second_holder()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), RoleDefined("coach", 2, seats: 2), Assigned("coach", "ana", 3));
        var second = Assigned("coach", "ben", 5);
        IsAccepted(Decide(school, second), second);
    }

    [Fact]
    public void A_vacated_seat_can_be_assigned_again()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), RoleDefined("coach", 2), Assigned("coach", "ana", 3), Vacated("coach", "ana", 4));
        var next = Assigned("coach", "ben", 5);
        IsAccepted(Decide(school, next), next);
    }

    [Fact]
    public void A_role_goes_only_to_a_teacher_on_the_staff()
    {
        IsRejected(Decide(WithRole, Assigned("coach", "cleo", 5)), ViolationKind.Conflict, "not-on-staff", "teacherId");
    }

    [Fact]
    public void A_role_cannot_go_to_a_teacher_who_joined_after_the_assignment_date()
    {
        var school = Fold(Registered(), RoleDefined("coach", 2), Joined("ana", 20));
        IsRejected(Decide(school, Assigned("coach", "ana", 10)), ViolationKind.Conflict, "not-on-staff", "teacherId");
    }

    [Fact]
    public void A_role_cannot_go_to_a_teacher_who_left_before_the_assignment_date()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Left("ana", 10));
        IsRejected(Decide(school, Assigned("coach", "ana", 20)), ViolationKind.Conflict, "not-on-staff", "teacherId");
    }

    [Fact]
    public void A_role_goes_to_a_teacher_on_the_staff_on_the_assignment_date()
    {
        var assignment = Assigned("coach", "ana", 5);
        IsAccepted(Decide(WithRole, assignment), assignment);
    }

    [Fact]
    public void A_teacher_cannot_be_assigned_a_role_they_already_hold()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2, seats: 3), Assigned("coach", "ana", 3));
        IsRejected(Decide(school, Assigned("coach", "ana", 5)), ViolationKind.Conflict, "already-holds-role", "teacherId");
    }

    [Fact]
    public void A_role_cannot_be_assigned_before_it_was_defined()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 10));
        IsRejected(Decide(school, Assigned("coach", "ana", 5)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_role_id_is_defined_only_once()
    {
        IsRejected(Decide(WithRole, RoleDefined("coach", 5)), ViolationKind.Conflict, "role-exists", "roleId");
    }

    [Fact]
    public void Vacating_a_role_requires_holding_it()
    {
        IsRejected(Decide(WithRole, Vacated("coach", "ana", 5)), ViolationKind.Conflict, "does-not-hold-role", "teacherId");
    }

    [Fact]
    public void Vacating_an_undefined_role_is_not_found()
    {
        IsRejected(Decide(WithStaff, Vacated("coach", "ana", 5)), ViolationKind.NotFound, "role-not-found", "roleId");
    }

    [Fact]
    public void A_role_cannot_be_vacated_before_it_was_assigned()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Assigned("coach", "ana", 10));
        IsRejected(Decide(school, Vacated("coach", "ana", 5)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_held_role_cannot_be_retired()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Assigned("coach", "ana", 3));
        IsRejected(Decide(school, RoleRetired("coach", 10)), ViolationKind.Conflict, "role-held", "roleId");
    }

    [Fact]
    public void A_role_nobody_holds_can_be_retired()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Assigned("coach", "ana", 3), Vacated("coach", "ana", 8));
        var retirement = RoleRetired("coach", 10);
        IsAccepted(Decide(school, retirement), retirement);
    }

    [Fact]
    public void A_role_is_retired_only_once()
    {
        var school = Fold(Registered(), RoleDefined("coach", 2), RoleRetired("coach", 3));
        IsRejected(Decide(school, RoleRetired("coach", 5)), ViolationKind.Conflict, "role-retired", "roleId");
    }

    [Fact]
    public void Retiring_an_undefined_role_is_not_found()
    {
        IsRejected(Decide(WithStaff, RoleRetired("coach", 5)), ViolationKind.NotFound, "role-not-found", "roleId");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(School.MaxSeats + 1)]
    public void A_role_has_between_one_and_the_maximum_seats(int seats)
    {
        IsInvalid(Decide(WithStaff, RoleDefined("coach", 5, seats)), "seats");
    }

    [Fact]
    public void A_role_with_the_maximum_seats_is_accepted()
    {
        var definition = RoleDefined("coach", 5, School.MaxSeats);
        IsAccepted(Decide(WithStaff, definition), definition);
    }

    [Fact]
    public void A_role_asks_for_no_more_than_the_maximum_hours_a_week()
    {
        IsInvalid(Decide(WithStaff, RoleDefined("coach", 5) with { HoursPerWeek = School.MaxHoursPerWeek + 0.5m }), "hoursPerWeek");
    }

    [Fact]
    public void A_role_decided_neither_by_the_system_nor_the_school_is_invalid()
    {
        IsInvalid(Decide(WithStaff, RoleDefined("coach", 5) with { DecidedAt = (DecidedAt)7 }), "decidedAt");
    }

    [Fact]
    public void A_role_lists_at_most_the_maximum_commitments()
    {
        var commitments = Enumerable.Range(0, Limits.ListItems + 1).Select(i => $"Commitment {i}").ToArray();
        IsInvalid(Decide(WithStaff, RoleDefined("coach", 5) with { Commitments = [.. commitments] }), "commitments");
    }

    [Fact]
    public void A_role_needs_a_list_of_expectations_even_an_empty_one()
    {
        IsInvalid(Decide(WithStaff, RoleDefined("coach", 5) with { Expectations = default }), "expectations");
        var empty = RoleDefined("coach", 5) with { Expectations = [] };
        IsAccepted(Decide(WithStaff, empty), empty);
    }

    // Breaking-ranks episodes

    [Theory]
    [InlineData(BreakingRanksLevel.AttractingAttention, BreakingRanksLevel.SpeakingUp)]
    [InlineData(BreakingRanksLevel.AttractingAttention, BreakingRanksLevel.AttractingAttention)]
    [InlineData(BreakingRanksLevel.Resistance, BreakingRanksLevel.DesignedIntervention)]
    public void An_episode_escalates_only_to_a_higher_level(BreakingRanksLevel opened, BreakingRanksLevel proposed)
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", opened, 5));
        IsRejected(Decide(school, Escalated("e1", proposed, 6)), ViolationKind.Conflict, "not-an-escalation", "level");
    }

    [Theory]
    [InlineData(BreakingRanksLevel.SpeakingUp, BreakingRanksLevel.AttractingAttention)]
    [InlineData(BreakingRanksLevel.SpeakingUp, BreakingRanksLevel.Resistance)]
    public void An_episode_escalates_to_any_higher_level(BreakingRanksLevel opened, BreakingRanksLevel proposed)
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", opened, 5));
        var escalation = Escalated("e1", proposed, 6);
        IsAccepted(Decide(school, escalation), escalation);
    }

    [Fact]
    public void An_escalation_is_compared_with_the_level_already_reached()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5),
            Escalated("e1", BreakingRanksLevel.DesignedIntervention, 6));
        IsRejected(Decide(school, Escalated("e1", BreakingRanksLevel.AttractingAttention, 7)), ViolationKind.Conflict, "not-an-escalation", "level");
    }

    [Fact]
    public void A_resolved_episode_cannot_be_escalated()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5),
            Resolved("e1", EpisodeOutcome.Negotiated, 6));
        IsRejected(Decide(school, Escalated("e1", BreakingRanksLevel.Resistance, 7)), ViolationKind.Conflict, "episode-resolved", "episodeId");
    }

    [Fact]
    public void A_resolved_episode_cannot_be_resolved_again()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5),
            Resolved("e1", EpisodeOutcome.Negotiated, 6));
        IsRejected(Decide(school, Resolved("e1", EpisodeOutcome.Accepted, 7)), ViolationKind.Conflict, "episode-resolved", "episodeId");
    }

    [Fact]
    public void An_unknown_episode_cannot_be_escalated()
    {
        IsRejected(Decide(WithStaff, Escalated("e1", BreakingRanksLevel.Resistance, 7)), ViolationKind.NotFound, "episode-not-found", "episodeId");
    }

    [Fact]
    public void An_unknown_episode_cannot_be_resolved()
    {
        IsRejected(Decide(WithStaff, Resolved("e1", EpisodeOutcome.Withdrawn, 7)), ViolationKind.NotFound, "episode-not-found", "episodeId");
    }

    [Fact]
    public void An_episode_event_cannot_predate_the_episode_s_last_event()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5),
            Escalated("e1", BreakingRanksLevel.AttractingAttention, 10));
        IsRejected(Decide(school, Resolved("e1", EpisodeOutcome.Accepted, 8)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void An_episode_is_opened_only_by_a_teacher_on_the_staff()
    {
        IsRejected(Decide(WithStaff, EpisodeOpened("e1", "cleo", BreakingRanksLevel.SpeakingUp, 5)), ViolationKind.Conflict, "not-on-staff", "teacherId");
    }

    [Fact]
    public void An_episode_is_opened_only_by_a_teacher_on_the_staff_at_its_date()
    {
        var school = Fold(Registered(), Joined("ana", 10));
        IsRejected(Decide(school, EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5)), ViolationKind.Conflict, "not-on-staff", "teacherId");
    }

    [Fact]
    public void An_episode_id_is_opened_only_once()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5));
        IsRejected(Decide(school, EpisodeOpened("e1", "ben", BreakingRanksLevel.SpeakingUp, 6)), ViolationKind.Conflict, "episode-exists", "episodeId");
    }

    [Fact]
    public void An_episode_at_an_undefined_level_is_invalid()
    {
        IsInvalid(Decide(WithStaff, EpisodeOpened("e1", "ana", (BreakingRanksLevel)9, 5)), "level");
    }

    [Fact]
    public void An_episode_calms_to_a_lower_level_and_the_state_follows_its_course()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5),
            Escalated("e1", BreakingRanksLevel.Resistance, 6));
        var calmer = Deescalated("e1", BreakingRanksLevel.AttractingAttention, 7);

        IsAccepted(Decide(school, calmer), calmer);
        var after = Aggregate.Fold<School, SchoolState, SchoolEvent>(school, [calmer])!.Episodes["e1"];
        Assert.Equal((BreakingRanksLevel.AttractingAttention, BreakingRanksLevel.SpeakingUp, Day(7)), (after.Level, after.OpeningLevel, after.LastEventAt));
        // Having calmed, it can escalate again.
        var again = Escalated("e1", BreakingRanksLevel.DesignedIntervention, 8);
        IsAccepted(Decide(Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5),
            Escalated("e1", BreakingRanksLevel.Resistance, 6), calmer), again), again);
    }

    [Theory]
    [InlineData(BreakingRanksLevel.Resistance)]
    [InlineData(BreakingRanksLevel.DesignedIntervention)]
    public void A_de_escalation_must_reach_a_lower_level(BreakingRanksLevel proposed)
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5),
            Escalated("e1", BreakingRanksLevel.DesignedIntervention, 6));
        IsRejected(Decide(school, Deescalated("e1", proposed, 7)), ViolationKind.Conflict, "not-a-deescalation", "level");
    }

    [Fact]
    public void An_episode_does_not_calm_below_the_level_it_opened_at()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.AttractingAttention, 5),
            Escalated("e1", BreakingRanksLevel.Resistance, 6));
        IsRejected(Decide(school, Deescalated("e1", BreakingRanksLevel.SpeakingUp, 7)), ViolationKind.Conflict, "below-opening-level", "level");
    }

    [Fact]
    public void A_resolved_episode_takes_no_reaction_support_or_de_escalation()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5),
            Escalated("e1", BreakingRanksLevel.Resistance, 6), Resolved("e1", EpisodeOutcome.Negotiated, 7));
        IsRejected(Decide(school, ColleagueReacted("e1", "ben", 8)), ViolationKind.Conflict, "episode-resolved", "episodeId");
        IsRejected(Decide(school, Supported("e1", SupportKind.Coaching, 8)), ViolationKind.Conflict, "episode-resolved", "episodeId");
        IsRejected(Decide(school, Deescalated("e1", BreakingRanksLevel.SpeakingUp, 8)), ViolationKind.Conflict, "episode-resolved", "episodeId");
    }

    [Fact]
    public void A_colleague_who_reacts_is_on_the_staff_that_day_and_is_not_the_teacher_leader()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 9), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5));
        IsRejected(Decide(school, ColleagueReacted("e1", "cleo", 6)), ViolationKind.Conflict, "not-on-staff", "teacherId");
        IsRejected(Decide(school, ColleagueReacted("e1", "ben", 6)), ViolationKind.Conflict, "not-on-staff", "teacherId");
        IsInvalid(Decide(school, ColleagueReacted("e1", "ana", 10)), "teacherId");
        var reaction = ColleagueReacted("e1", "ben", 10);
        IsAccepted(Decide(school, reaction), reaction);
    }

    [Fact]
    public void A_reaction_names_a_colleague_by_id_a_team_by_its_name_and_anyone_else_by_kind_alone()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5));
        IsInvalid(Decide(school, ColleagueReacted("e1", "ben", 6) with { TeacherId = null }), "teacherId");
        IsInvalid(Decide(school, Reacted("e1", ReactorKind.Team, 6)), "team");
        IsInvalid(Decide(school, Reacted("e1", ReactorKind.Principal, 6) with { TeacherId = "ben" }), "teacherId");
        IsInvalid(Decide(school, Reacted("e1", ReactorKind.Parents, 6, team: "Grade 6 team")), "team");
        IsInvalid(Decide(school, Reacted("e1", (ReactorKind)99, 6)), "reactedBy");
        IsInvalid(Decide(school, Reacted("e1", ReactorKind.Principal, 6) with { Intensity = (ReactionIntensity)99 }), "intensity");
        var team = Reacted("e1", ReactorKind.Team, 6, team: "Grade 6 team");
        IsAccepted(Decide(school, team), team);
        var principal = Reacted("e1", ReactorKind.Principal, 6);
        IsAccepted(Decide(school, principal), principal);
    }

    [Fact]
    public void A_support_of_another_kind_says_what_it_was()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5));
        IsInvalid(Decide(school, Supported("e1", SupportKind.Other, 6, note: " ")), "note");
        IsInvalid(Decide(school, Supported("e1", (SupportKind)99, 6)), "kind");
        var coaching = Supported("e1", SupportKind.Coaching, 6, note: "");
        IsAccepted(Decide(school, coaching), coaching);
    }

    [Fact]
    public void An_unknown_episode_takes_no_reaction()
    {
        IsRejected(Decide(WithStaff, Reacted("e1", ReactorKind.Principal, 7)), ViolationKind.NotFound, "episode-not-found", "episodeId");
    }

    [Fact]
    public void An_episode_with_an_undefined_act_is_invalid()
    {
        IsInvalid(Decide(WithStaff, EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5) with { Act = (BreakingRanksAct)99 }), "act");
    }

    [Fact]
    public void An_episode_with_an_undefined_outcome_is_invalid()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5));
        IsInvalid(Decide(school, Resolved("e1", (EpisodeOutcome)(-1), 6)), "outcome");
    }

    // Decisions

    [Fact]
    public void Decision_participants_are_on_the_staff_at_the_decision_date()
    {
        var decision = Decision("d1", 5, "ana", "ben");
        IsAccepted(Decide(WithStaff, decision), decision);
    }

    [Fact]
    public void A_decision_cannot_list_a_teacher_who_never_joined_the_staff()
    {
        IsRejected(Decide(WithStaff, Decision("d1", 5, "ana", "cleo")), ViolationKind.Conflict, "not-on-staff", "participants");
    }

    [Fact]
    public void A_decision_cannot_list_a_teacher_who_joined_after_it()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 30));
        IsRejected(Decide(school, Decision("d1", 10, "ana", "ben")), ViolationKind.Conflict, "not-on-staff", "participants");
    }

    [Fact]
    public void A_decision_cannot_list_a_teacher_who_left_before_it()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), Left("ben", 8));
        IsRejected(Decide(school, Decision("d1", 10, "ana", "ben")), ViolationKind.Conflict, "not-on-staff", "participants");
    }

    [Fact]
    public void A_back_dated_decision_may_list_a_teacher_who_has_since_left()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), Left("ben", 20));
        var decision = Decision("d1", 10, "ana", "ben");
        IsAccepted(Decide(school, decision), decision);
    }

    [Fact]
    public void A_decision_id_is_recorded_only_once()
    {
        var school = Fold(Registered(), Joined("ana", 1), Decision("d1", 5, "ana"));
        IsRejected(Decide(school, Decision("d1", 6, "ana")), ViolationKind.Conflict, "decision-exists", "decisionId");
    }

    [Fact]
    public void A_decision_lists_each_participant_once()
    {
        IsInvalid(Decide(WithStaff, Decision("d1", 5, "ana", "ben", "ana")), "participants");
    }

    [Fact]
    public void A_decision_needs_a_participant_list_even_an_empty_one()
    {
        IsInvalid(Decide(WithStaff, Decision("d1", 5) with { Participants = default }), "participants");
        var alone = Decision("d1", 5);
        IsAccepted(Decide(WithStaff, alone), alone);
    }

    [Fact]
    public void A_decision_lists_at_most_the_maximum_participants()
    {
        var many = Enumerable.Range(0, Limits.Participants + 1).Select(i => $"t{i}").ToArray();
        IsInvalid(Decide(WithStaff, Decision("d1", 5, many)), "participants");
    }

    [Fact]
    public void A_decision_taken_in_an_undefined_mode_is_invalid()
    {
        IsInvalid(Decide(WithStaff, Decision("d1", 5, "ana") with { Mode = (DecisionMode)42 }), "mode");
    }

    [Fact]
    public void A_decision_may_leave_its_rationale_blank()
    {
        var decision = Decision("d1", 5, "ana") with { Rationale = "" };
        IsAccepted(Decide(WithStaff, decision), decision);
    }

    // Other school events

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-3)]
    public void A_condition_is_rated_from_one_to_four(int rating)
    {
        IsInvalid(Decide(WithStaff, ConditionAssessed("time-to-collaborate", rating, 5)), "rating");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_condition_rated_at_either_end_of_the_scale_is_accepted(int rating)
    {
        var assessment = ConditionAssessed("time-to-collaborate", rating, 5);
        IsAccepted(Decide(WithStaff, assessment), assessment);
    }

    [Fact]
    public void A_leadership_stage_must_be_defined()
    {
        IsInvalid(Decide(WithStaff, new LeadershipStageAssessed((LeadershipStage)(-1), "Observed meetings", "Principal").On(5)), "stage");
    }

    [Fact]
    public void A_principal_move_about_a_teacher_concerns_a_teacher_on_the_staff()
    {
        IsRejected(Decide(WithStaff, new PrincipalMoveRecorded("Gave release time", "cleo", "").On(5)), ViolationKind.Conflict, "not-on-staff", "teacherId");
    }

    [Fact]
    public void A_principal_move_need_not_concern_a_teacher()
    {
        var move = new PrincipalMoveRecorded("Protected planning time", null, "").On(5);
        IsAccepted(Decide(WithStaff, move), move);
    }

    [Fact]
    public void A_leadership_discussion_includes_only_teachers_on_the_staff()
    {
        var discussion = new LeadershipDiscussionHeld("Who leads the data team?", ["ana", "cleo"], ["Meet monthly"]).On(5);
        IsRejected(Decide(WithStaff, discussion), ViolationKind.Conflict, "not-on-staff", "participants");
    }

    [Fact]
    public void A_leadership_discussion_s_agreements_are_not_blank()
    {
        var discussion = new LeadershipDiscussionHeld("Who leads the data team?", ["ana"], ["Meet monthly", " "]).On(5);
        IsInvalid(Decide(WithStaff, discussion), "agreements");
    }

    // Text limits

    [Fact]
    public void A_name_at_the_limit_is_accepted()
    {
        var registration = Registered() with { Name = Text(Limits.Name) };
        IsAccepted(Decide(null, registration), registration);
    }

    [Fact]
    public void A_name_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(null, Registered() with { Name = Text(Limits.Name + 1) }), "name");
    }

    [Fact]
    public void A_district_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(null, Registered() with { District = Text(Limits.Name + 1) }), "district");
    }

    [Fact]
    public void A_role_title_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(WithStaff, RoleDefined("coach", 5) with { Title = Text(Limits.Name + 1) }), "title");
    }

    [Fact]
    public void A_decision_title_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(WithStaff, Decision("d1", 5, "ana") with { Title = Text(Limits.Name + 1) }), "title");
    }

    [Fact]
    public void An_episode_description_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(WithStaff, EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5) with { Description = Text(Limits.LongText + 1) }), "description");
    }

    [Fact]
    public void An_escalation_note_over_the_limit_is_rejected()
    {
        var school = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5));
        IsInvalid(Decide(school, Escalated("e1", BreakingRanksLevel.Resistance, 6) with { Note = Text(Limits.Note + 1) }), "note");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void A_blank_name_is_rejected(string blank)
    {
        IsInvalid(Decide(null, Registered() with { Name = blank }), "name");
    }

    [Fact]
    public void A_missing_name_is_rejected()
    {
        IsInvalid(Decide(null, Registered() with { Name = null! }), "name");
    }

    [Fact]
    public void A_blank_episode_description_is_rejected()
    {
        IsInvalid(Decide(WithStaff, EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5) with { Description = " " }), "description");
    }

    [Theory]
    [InlineData("Lincoln\u0007")]
    [InlineData("\u0000Lincoln")]
    [InlineData("Lin\u001bcoln")]
    [InlineData("Lincoln\u007f")]
    public void A_name_with_control_characters_is_rejected(string name)
    {
        IsInvalid(Decide(null, Registered() with { Name = name }), "name");
    }

    [Fact]
    public void Line_breaks_and_tabs_are_allowed_in_text()
    {
        var assessment = new LeadershipStageAssessed(LeadershipStage.Emerging, "Two teams meet weekly.\r\n\tA third is forming.", "Principal").On(5);
        IsAccepted(Decide(WithStaff, assessment), assessment);
    }

    // Identifiers

    [Theory]
    [InlineData("Bad Id")]
    [InlineData("UPPER")]
    [InlineData("Ana")]
    [InlineData("a--")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("-")]
    [InlineData("")]
    [InlineData("a_b")]
    [InlineData("a.b")]
    [InlineData("ana\n")]
    [InlineData("\nana")]
    [InlineData("écrit")]
    [InlineData("{6f9619ff-8b86-d011-b42d-00cf4fc964ff}")]
    [InlineData("6F9619FF-8B86-D011-B42D-00CF4FC964FF")]
    public void A_malformed_identifier_is_rejected(string teacherId)
    {
        IsInvalid(Decide(WithStaff, Joined(teacherId, 5)), "teacherId");
    }

    [Fact]
    public void A_missing_identifier_is_rejected()
    {
        IsInvalid(Decide(WithStaff, Joined(null!, 5)), "teacherId");
    }

    [Fact]
    public void A_slug_of_65_characters_is_rejected()
    {
        IsInvalid(Decide(WithStaff, Joined(new string('a', Limits.IdLength + 1), 5)), "teacherId");
    }

    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("ana-lopez")]
    [InlineData("a--b")]
    [InlineData("2024-cohort")]
    [InlineData("6f9619ff-8b86-d011-b42d-00cf4fc964ff")]
    public void A_slug_or_a_guid_is_a_valid_identifier(string teacherId)
    {
        var joining = Joined(teacherId, 5);
        IsAccepted(Decide(WithStaff, joining), joining);
    }

    [Fact]
    public void A_slug_of_64_characters_is_accepted()
    {
        var joining = Joined(new string('a', Limits.IdLength), 5);
        IsAccepted(Decide(WithStaff, joining), joining);
    }

    [Fact]
    public void A_role_id_must_be_an_identifier()
    {
        IsInvalid(Decide(WithStaff, RoleDefined("Head Coach", 5)), "roleId");
    }

    [Fact]
    public void A_decision_participant_must_be_an_identifier()
    {
        IsInvalid(Decide(WithStaff, Decision("d1", 5, "ana", "Ben")), "participants");
    }

    // Folds

    [Fact]
    public void Registration_sets_the_school_s_name_staff_count_and_registration_date()
    {
        var school = Fold(Registered(3));
        Assert.Equal(("Lincoln Elementary", "North District", 40, Day(3)), (school.Name, school.District, school.StaffCount, school.RegisteredAt));
        Assert.Empty(school.StaffHistory);
        Assert.Empty(school.Roles);
    }

    [Fact]
    public void A_staff_count_change_replaces_the_count()
    {
        Assert.Equal(55, Fold(Registered(), new StaffCountChanged(55).On(1)).StaffCount);
    }

    [Fact]
    public void After_a_role_is_assigned_it_records_its_holder_and_since_when()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2, seats: 2), Assigned("coach", "ana", 3));
        var role = school.Roles["coach"];
        Assert.Equal(Day(3), Assert.Contains("ana", role.Holders));
        Assert.Equal(1, role.FreeSeats);
        Assert.Equal(["coach"], school.RolesHeldBy("ana"));
    }

    [Fact]
    public void After_a_role_is_assigned_then_vacated_it_has_no_holders()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Assigned("coach", "ana", 3), Vacated("coach", "ana", 4));
        Assert.Empty(school.Roles["coach"].Holders);
        Assert.Equal(1, school.Roles["coach"].FreeSeats);
        Assert.Empty(school.RolesHeldBy("ana"));
    }

    [Fact]
    public void Retiring_a_role_records_when()
    {
        var school = Fold(Registered(), RoleDefined("coach", 2), RoleRetired("coach", 4));
        Assert.Equal(Day(4), school.Roles["coach"].RetiredAt);
    }

    [Fact]
    public void Leaving_the_staff_closes_the_tenure()
    {
        var school = Fold(Registered(), Joined("ana", 10), Left("ana", 20));
        Assert.False(school.WasOnStaffAt("ana", Day(9)));
        Assert.True(school.WasOnStaffAt("ana", Day(10)));
        Assert.True(school.WasOnStaffAt("ana", Day(15)));
        Assert.False(school.WasOnStaffAt("ana", Day(20)));
        Assert.False(school.WasOnStaffAt("ana", Day(25)));
        Assert.False(school.IsOnStaff("ana"));
        Assert.Empty(school.StaffNow());
    }

    [Fact]
    public void Rejoining_opens_a_second_tenure_and_leaves_the_gap_off_the_staff()
    {
        var school = Fold(Registered(), Joined("ana", 10), Left("ana", 20), Joined("ana", 30));
        Assert.Equal<Tenure>([new Tenure(Day(10), Day(20)), new Tenure(Day(30))], school.StaffHistory["ana"]);
        Assert.False(school.WasOnStaffAt("ana", Day(25)));
        Assert.True(school.WasOnStaffAt("ana", Day(35)));
        Assert.True(school.IsOnStaff("ana"));
    }

    [Fact]
    public void Staff_now_lists_only_teachers_whose_tenure_is_open()
    {
        var school = Fold(Registered(), Joined("ana", 1), Joined("ben", 1), Joined("cleo", 2), Left("ben", 5));
        Assert.Equal(["ana", "cleo"], school.StaffNow().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_escalation_raises_the_episode_s_level_and_a_resolution_records_its_outcome()
    {
        var opened = Fold(Registered(), Joined("ana", 1), EpisodeOpened("e1", "ana", BreakingRanksLevel.SpeakingUp, 5));
        var escalated = Aggregate.Fold<School, SchoolState, SchoolEvent>(opened, [Escalated("e1", BreakingRanksLevel.Resistance, 6)])!;
        var resolved = Aggregate.Fold<School, SchoolState, SchoolEvent>(escalated, [Resolved("e1", EpisodeOutcome.Negotiated, 9)])!;

        Assert.Equal(new EpisodeState("ana", Day(5), BreakingRanksLevel.SpeakingUp, Day(5)), opened.Episodes["e1"]);
        Assert.Equal(new EpisodeState("ana", Day(5), BreakingRanksLevel.Resistance, Day(6)), escalated.Episodes["e1"]);
        Assert.Equal(new EpisodeState("ana", Day(5), BreakingRanksLevel.Resistance, Day(9), EpisodeOutcome.Negotiated), resolved.Episodes["e1"]);
        Assert.True(resolved.Episodes["e1"].IsResolved);
    }

    [Fact]
    public void A_decision_is_remembered_with_its_mode()
    {
        var school = Fold(Registered(), Joined("ana", 1), Decision("d1", 5, "ana") with { Mode = DecisionMode.TeacherLed });
        Assert.Equal(DecisionMode.TeacherLed, school.Decisions["d1"]);
    }

    [Fact]
    public void A_stage_assessment_sets_the_stage_and_its_date()
    {
        var school = Fold(Registered(), new LeadershipStageAssessed(LeadershipStage.Developing, "Evidence", "Principal").On(7));
        Assert.Equal((LeadershipStage.Developing, Day(7)), (school.Stage, school.StageAssessedAt));
    }

    [Fact]
    public void A_later_condition_assessment_replaces_the_earlier_rating()
    {
        var school = Fold(Registered(), ConditionAssessed("trust", 2, 5), ConditionAssessed("trust", 4, 9), ConditionAssessed("time", 1, 9));
        Assert.Equal(new ConditionRating(4, "Protect planning time", Day(9)), school.Conditions["trust"]);
        Assert.Equal(2, school.Conditions.Count);
    }

    [Fact]
    public void Principal_moves_and_leadership_discussions_are_counted()
    {
        var school = Fold(Registered(), Joined("ana", 1),
            new PrincipalMoveRecorded("Gave release time", "ana", "").On(2),
            new PrincipalMoveRecorded("Protected planning time", null, "").On(3),
            new LeadershipDiscussionHeld("Data team", ["ana"], []).On(4));
        Assert.Equal((2, 1), (school.PrincipalMoves, school.LeadershipDiscussions));
    }

    [Fact]
    public void A_school_s_stream_cannot_be_folded_from_another_event()
    {
        Assert.Throws<InvalidOperationException>(() => School.Create(Joined("ana", 1)));
    }

    // Valid time: a value entered late does not replace one that happened after it

    [Fact]
    public void An_older_staff_count_entered_late_does_not_replace_a_newer_one()
    {
        var school = SchoolStory.Fold(Registered(), new StaffCountChanged(45).On(300), new StaffCountChanged(38).On(100));

        Assert.Equal(45, school.StaffCount);
    }

    [Fact]
    public void An_older_stage_assessment_entered_late_does_not_replace_a_newer_one()
    {
        var school = SchoolStory.Fold(Registered(),
            new LeadershipStageAssessed(LeadershipStage.Developing, "PLCs lead", "Principal").On(300),
            new LeadershipStageAssessed(LeadershipStage.Emerging, "First coach", "Principal").On(100));

        Assert.Equal(LeadershipStage.Developing, school.Stage);
        Assert.Equal(Day(300), school.StageAssessedAt);
    }

    [Fact]
    public void An_older_condition_rating_entered_late_does_not_replace_a_newer_one()
    {
        var school = SchoolStory.Fold(Registered(),
            new SchoolConditionAssessed("trust", 4, "Keep it").On(300),
            new SchoolConditionAssessed("trust", 1, "Rebuild").On(100));

        Assert.Equal(4, school.Conditions["trust"].Rating);
    }

    [Fact]
    public void A_role_is_not_assigned_back_dated_to_a_teacher_who_has_left_since()
    {
        var school = SchoolStory.Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), Left("ana", 50));

        var violation = IsRejected(Decide(school, Assigned("coach", "ana", 10)), ViolationKind.Conflict, "not-on-staff", "teacherId");
        Assert.Contains("left the staff", violation.Message, StringComparison.Ordinal);
    }

    // Follow-ups

    [Fact]
    public void A_role_change_sends_the_teacher_their_side_of_it()
    {
        var assigned = Assigned("coach", "ana", 3);
        var taken = Assert.Single(School.FollowUpsOf("lincoln", Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), assigned), assigned));
        Assert.Equal(new FollowUp(FollowUp.Teacher, "ana", new RoleTaken("lincoln", "coach", "Instructional coach").On(3)), taken);
        Assert.Empty(School.FollowUpsOf("lincoln", WithStaff, Left("ana", 4)));
    }

    [Fact]
    public void A_staff_follow_up_the_school_already_shows_needs_nothing_recorded()
    {
        Assert.Empty(School.ReceiveFollowUp(WithStaff, Joined("ana", 3)));
        Assert.Empty(School.ReceiveFollowUp(Fold(Registered(), Joined("ana", 1), Left("ana", 2)), Left("ana", 3)));
        var joined = Joined("cy", 3);
        Assert.Equal<SchoolEvent>([joined], School.ReceiveFollowUp(WithStaff, joined));
    }

    [Fact]
    public void A_teacher_who_moved_away_while_holding_roles_gives_them_up_before_leaving_the_staff()
    {
        var school = Fold(Registered(), Joined("ana", 1), RoleDefined("coach", 2), RoleDefined("mentor", 2), Assigned("mentor", "ana", 3), Assigned("coach", "ana", 8));
        var departure = Left("ana", 5);

        var recorded = School.ReceiveFollowUp(school, departure);

        Assert.Equal<SchoolEvent>(
            [new RoleVacated("coach", "ana", School.MovedAwayReason).On(8), new RoleVacated("mentor", "ana", School.MovedAwayReason).On(5), departure],
            recorded);
        var after = school;
        foreach (var e in recorded)
        {
            IsAccepted(Decide(after, e), e);
            after = School.Apply(after, e);
        }
        Assert.Empty(after.RolesHeldBy("ana"));
        Assert.False(after.IsOnStaff("ana"));
    }
}
