using System.Text.Json;
using System.Text.Json.Serialization;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;
using static LearningOrg.Domain.Schools.DecisionMode;

namespace LearningOrg.Tests.Culture;

/// <summary>
/// Small histories on which the indicators used to give wrong answers, each checked against a value computed by
/// hand (docs/indicators.md gives the formulas). The staff count is 20, so authority is spread over 21 people.
/// </summary>
public sealed class IndicatorCounterexampleTests
{
    private static readonly DateTimeOffset Then = new(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset DaysBefore(double days) => Then.AddDays(-days);

    private static History TenAlone()
    {
        var history = History.School(staffCount: 20);
        for (var i = 0; i < 10; i++)
        {
            history.Decision($"alone-{i}", PrincipalAlone, DaysBefore(100 - i));
        }
        return history;
    }

    // Decision centralization

    [Fact]
    public void Ten_decisions_taken_alone_are_fully_centralized_and_teacher_led_decisions_lower_it_gradually()
    {
        var alone = TenAlone();
        Assert.Equal(1.0, alone.At(Then).DecisionCentralization);

        // Principal 10 of 11: (21 · 10/11 − 1) / 20 = 199/220.
        alone.Decision("led-1", TeacherLed, DaysBefore(20), "t1");
        Assert.Equal(0.9045, alone.At(Then).DecisionCentralization);

        // Principal 10 of 12: (21 · 10/12 − 1) / 20 = 0.825.
        alone.Decision("led-2", TeacherLed, DaysBefore(10), "t2");
        Assert.Equal(0.825, alone.At(Then).DecisionCentralization);
    }

    [Fact]
    public void Ten_decisions_alone_and_one_led_by_three_teachers_stay_highly_centralized()
    {
        var history = TenAlone().Decision("led", TeacherLed, DaysBefore(5), "t1", "t2", "t3");
        var consultedOnce = History.School(staffCount: 20).Decision("consulted", PrincipalConsulted, DaysBefore(5), "t1", "t2", "t3");

        Assert.Equal(0.9045, history.At(Then).DecisionCentralization);
        // Consulting is not deciding: the principal took the one decision.
        Assert.Equal(1.0, consultedOnce.At(Then).DecisionCentralization);
    }

    [Fact]
    public void A_shared_decision_that_names_no_participant_is_not_counted_as_centralized()
    {
        var point = History.School(staffCount: 20).Decision("shared", Shared, DaysBefore(5)).At(Then);

        Assert.Equal(1.0, point.SharedDecisionShare);
        Assert.Equal(0, point.AttributedDecisions180Days);
        Assert.Null(point.DecisionCentralization);
    }

    [Fact]
    public void How_often_people_decide_together_weighs_in()
    {
        // Principal and t1 share one decision (1/2 each); t2 leads one: shares 1/4, 1/4, 1/2 → (21 · 1/2 − 1) / 20.
        var once = History.School(staffCount: 20)
            .Decision("shared", Shared, DaysBefore(30), "t1")
            .Decision("led-0", TeacherLed, DaysBefore(20), "t2");
        // Four more led by t2: t2 holds 5/6 → (21 · 5/6 − 1) / 20.
        var often = History.School(staffCount: 20).Decision("shared", Shared, DaysBefore(30), "t1");
        for (var i = 0; i < 5; i++)
        {
            often.Decision($"led-{i}", TeacherLed, DaysBefore(20 - i), "t2");
        }

        Assert.Equal(0.475, once.At(Then).DecisionCentralization);
        Assert.Equal(0.825, often.At(Then).DecisionCentralization);
    }

    [Fact]
    public void Share_and_centralization_read_the_same_window()
    {
        // 120 days old: inside the one 180-day window of both.
        var point = History.School(staffCount: 20).Decision("alone", PrincipalAlone, DaysBefore(120)).At(Then);

        Assert.Equal((1, 0.0, 1, 1.0), (point.Decisions180Days, point.SharedDecisionShare!.Value, point.AttributedDecisions180Days, point.DecisionCentralization!.Value));
    }

    [Fact]
    public void A_consensus_of_the_whole_staff_spreads_authority_evenly()
    {
        var point = History.School(staffCount: 20).Decision("consensus", StaffConsensus, DaysBefore(5)).At(Then);

        Assert.Equal(0.0, point.DecisionCentralization);
    }

    // Leadership density

    [Fact]
    public void A_teacher_with_two_roles_counts_once()
    {
        var point = History.School(staffCount: 10)
            .Role("coach", 1, DaysBefore(100)).Role("mentor", 2, DaysBefore(100))
            .Assign("coach", "t1", DaysBefore(90)).Assign("mentor", "t1", DaysBefore(90))
            .At(Then);

        Assert.Equal((2, 1, 0.1), (point.FilledSeats, point.TeacherLeaders, point.LeadershipDensity!.Value));
    }

    [Fact]
    public void Density_cannot_exceed_1_when_the_declared_staff_is_smaller_than_the_recorded_one()
    {
        var history = History.School(staffCount: 2).Role("facilitator", 3, DaysBefore(100));
        foreach (var teacher in new[] { "t1", "t2", "t3" })
        {
            history.Joined(teacher, DaysBefore(95)).Assign("facilitator", teacher, DaysBefore(90));
        }

        var point = history.At(Then);

        Assert.Equal((2, 3, 1.0), (point.StaffCount!.Value, point.TeachersOnStaff, point.LeadershipDensity!.Value));
    }

    [Fact]
    public void Administrative_appointments_are_not_teacher_leadership_and_do_not_start_the_first_role_clock()
    {
        var history = History.School(staffCount: 20)
            .Role("department-head", 4, DaysBefore(400), RoleKind.Administrative)
            .Assign("department-head", "t1", DaysBefore(390)).Assign("department-head", "t2", DaysBefore(390))
            .Role("coach", 1, DaysBefore(100))
            .Assign("coach", "t3", DaysBefore(50));

        var before = history.At(DaysBefore(60));
        var point = history.At(Then);

        Assert.Equal((0, 2, 0.0, 0), (before.TeacherLeaders, before.AdministrativeAppointees, before.LeadershipDensity!.Value, before.ActiveTeacherLeaders));
        Assert.Equal((1, 1, 0.05), (point.FilledSeats, point.TeacherLeaders, point.LeadershipDensity!.Value));
        Assert.Equal(DaysBefore(50), history.Trajectory().FirstRoleAssignedAt);
    }

    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void A_role_definition_stored_without_a_kind_reads_as_teacher_leadership()
    {
        const string stored = """
            {"roleId":"coach","title":"Coach","category":"Instruction","commitments":[],"expectations":[],"hoursPerWeek":2,"seats":1,"decidedAt":"School"}
            """;

        var definition = JsonSerializer.Deserialize<TeacherLeaderRoleDefined>(stored, StoredJson);

        Assert.Equal(RoleKind.TeacherLeadership, definition!.RoleKind);
    }

    // Time to resolution

    private static readonly DateOnly March = new(2024, 3, 1);

    private static DateTimeOffset InMarch(int day) => new(2024, 3, day, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Open_episodes_are_censored_not_ignored()
    {
        // Resolved after 2 and 10 days; two still open at the month's end. S(2) = 3/4, S(10) = 3/4 · 2/3 = 1/2.
        // The median of the resolved ones alone would be 6.
        var history = History.School()
            .Opened("a", InMarch(1)).Resolved("a", InMarch(3))
            .Opened("b", InMarch(1)).Resolved("b", InMarch(11))
            .Opened("c", InMarch(1)).Opened("d", InMarch(1));

        var march = history.Month(2024, 3).BreakingRanks;

        Assert.Equal((4, 2, 10.0), (march.EpisodesInWindow, march.Open, march.MedianDaysToResolution!.Value));
    }

    [Fact]
    public void While_most_episodes_are_open_the_median_is_not_reached()
    {
        var history = History.School()
            .Opened("a", InMarch(1)).Resolved("a", InMarch(3))
            .Opened("b", InMarch(1)).Opened("c", InMarch(1));

        Assert.Null(history.Month(2024, 3).BreakingRanks.MedianDaysToResolution);
    }

    [Fact]
    public void Withdrawn_and_unresolved_episodes_are_closed_but_not_resolved()
    {
        // Withdrawn after 1 day and unresolved after 2 are censored there; the one accepted after 4 days is the only
        // resolution: S(4) = 0. The median of all three closings would be 2.
        var history = History.School()
            .Opened("withdrawn", InMarch(1)).Resolved("withdrawn", InMarch(2), EpisodeOutcome.Withdrawn)
            .Opened("unresolved", InMarch(1)).Resolved("unresolved", InMarch(3), EpisodeOutcome.Unresolved)
            .Opened("accepted", InMarch(1)).Resolved("accepted", InMarch(5), EpisodeOutcome.Accepted);

        var march = history.Month(2024, 3).BreakingRanks;

        Assert.Equal((1, 2, 0, 4.0), (march.Resolved, march.ClosedUnresolved, march.Open, march.MedianDaysToResolution!.Value));
    }

    [Fact]
    public void The_median_reads_the_episodes_of_the_trailing_year_not_the_whole_history()
    {
        var history = History.School()
            .Opened("old", InMarch(1).AddYears(-2)).Resolved("old", InMarch(1).AddYears(-2).AddDays(100));

        Assert.Equal(100.0, Assert.Single(history.Trajectory().Monthly(new DateOnly(2022, 6, 1), new DateOnly(2022, 6, 1))).BreakingRanks.MedianDaysToResolution);
        var march = Assert.Single(history.Trajectory().Monthly(March, March)).BreakingRanks;
        Assert.Equal((0, (double?)null), (march.EpisodesInWindow, march.MedianDaysToResolution));
    }

    [Fact]
    public void The_median_is_rounded_half_away_from_zero_like_the_other_figures()
    {
        // 27 hours = 1.125 days: half-to-even would give 1.12.
        var history = History.School().Opened("a", InMarch(1)).Resolved("a", InMarch(1).AddHours(27));

        Assert.Equal(1.13, history.Month(2024, 3).BreakingRanks.MedianDaysToResolution);
    }

    // Stage and rates

    [Fact]
    public void Shared_decisions_without_any_teacher_leader_do_not_make_a_school_emerging()
    {
        var point = History.School(staffCount: 20)
            .Decision("a", Shared, DaysBefore(30), "t1").Decision("b", TeacherLed, DaysBefore(20), "t2")
            .At(Then);

        Assert.Equal((1.0, 0.0), (point.SharedDecisionShare!.Value, point.LeadershipDensity!.Value));
        Assert.Equal(LeadershipStage.Flat, point.DerivedStage);
    }

    [Fact]
    public void Active_teacher_leaders_are_also_given_per_member_of_staff()
    {
        var point = History.School(staffCount: 40).InformalAct("t1", DaysBefore(10)).InformalAct("t2", DaysBefore(20)).At(Then);

        Assert.Equal((2, 0.05), (point.ActiveTeacherLeaders, point.ActiveTeacherLeaderRate!.Value));
    }
}
