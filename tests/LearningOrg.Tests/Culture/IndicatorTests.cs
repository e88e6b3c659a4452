using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using static LearningOrg.Domain.Schools.DecisionMode;

namespace LearningOrg.Tests.Culture;

/// <summary>Each indicator on a hand-made history, against values computed by hand.</summary>
public sealed class IndicatorTests
{
    private static readonly DateTimeOffset Then = new(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset DaysBefore(double days) => Then.AddDays(-days);

    // Leadership density

    [Fact]
    public void Density_is_teacher_leaders_over_staff_count()
    {
        var history = History.School(staffCount: 20)
            .Role("coach", 1, DaysBefore(100)).Role("facilitator", 3, DaysBefore(100))
            .Assign("coach", "t1", DaysBefore(90)).Assign("facilitator", "t2", DaysBefore(90));

        var point = history.At(Then);

        Assert.Equal(20, point.StaffCount);
        Assert.Equal(2, point.FilledSeats);
        Assert.Equal(2, point.TeacherLeaders);
        Assert.Equal(0.1, point.LeadershipDensity);
    }

    [Fact]
    public void Density_follows_vacancies_and_the_latest_staff_count()
    {
        var history = History.School(staffCount: 20)
            .Role("facilitator", 3, DaysBefore(100))
            .Assign("facilitator", "t1", DaysBefore(90)).Assign("facilitator", "t2", DaysBefore(90)).Assign("facilitator", "t3", DaysBefore(90))
            .Vacate("facilitator", "t2", DaysBefore(10))
            .Add(new StaffCountChanged(25), DaysBefore(5));

        Assert.Equal(0.15, history.At(DaysBefore(20)).LeadershipDensity);
        Assert.Equal(0.1, history.At(DaysBefore(7)).LeadershipDensity);
        Assert.Equal(0.08, history.At(Then).LeadershipDensity);
    }

    [Fact]
    public void A_staff_count_entered_late_but_older_does_not_replace_a_newer_one()
    {
        var history = History.School(staffCount: 20)
            .Add(new StaffCountChanged(40), DaysBefore(10))
            .Add(new StaffCountChanged(30), DaysBefore(20));

        Assert.Equal(40, history.At(Then).StaffCount);
        Assert.Equal(30, history.At(DaysBefore(15)).StaffCount);
    }

    [Fact]
    public void Before_the_registration_there_is_no_staff_count_and_no_density()
    {
        var point = History.School().At(History.Registered.AddDays(-1));

        Assert.Null(point.StaffCount);
        Assert.Null(point.LeadershipDensity);
        Assert.Equal(LeadershipStage.Flat, point.DerivedStage);
    }

    // Shared decision share

    [Fact]
    public void Share_counts_the_decisions_of_the_trailing_180_days_and_excludes_one_181_days_old()
    {
        var history = History.School()
            .Decision("old-shared", Shared, DaysBefore(181), "t1")
            .Decision("alone", PrincipalAlone, DaysBefore(179))
            .Decision("led", TeacherLed, DaysBefore(10), "t1", "t2");

        var point = history.At(Then);

        Assert.Equal(2, point.Decisions180Days);
        Assert.Equal(1, point.SharedDecisions180Days);
        Assert.Equal(0.5, point.SharedDecisionShare);
    }

    [Fact]
    public void Shared_teacher_led_and_staff_consensus_count_as_shared_and_the_principal_modes_do_not()
    {
        var history = History.School()
            .Decision("a", Shared, DaysBefore(5), "t1")
            .Decision("b", TeacherLed, DaysBefore(5), "t1")
            .Decision("c", StaffConsensus, DaysBefore(5), "t1")
            .Decision("d", PrincipalConsulted, DaysBefore(5), "t1")
            .Decision("e", PrincipalAlone, DaysBefore(5));

        var point = history.At(Then);

        Assert.Equal(5, point.Decisions180Days);
        Assert.Equal(3, point.SharedDecisions180Days);
        Assert.Equal(0.6, point.SharedDecisionShare);
    }

    [Fact]
    public void Without_decisions_in_the_windows_share_and_centralization_are_null()
    {
        var history = History.School().Decision("long-ago", Shared, DaysBefore(181), "t1", "t2");

        var point = history.At(Then);

        Assert.Equal(0, point.Decisions180Days);
        Assert.Null(point.SharedDecisionShare);
        Assert.Equal(0, point.AttributedDecisions180Days);
        Assert.Null(point.DecisionCentralization);
    }

    [Fact]
    public void A_decision_after_the_evaluation_instant_does_not_count()
    {
        var history = History.School().Decision("later", Shared, Then.AddTicks(1), "t1");

        Assert.Equal(0, history.At(Then).Decisions180Days);
    }

    // Active teacher leaders

    [Fact]
    public void A_teachers_informal_act_in_the_trailing_180_days_counts_as_active()
    {
        var history = History.School()
            .InformalAct("t1", DaysBefore(30))
            .InformalAct("t2", DaysBefore(181));

        Assert.Equal(1, history.At(Then).ActiveTeacherLeaders);
    }

    [Fact]
    public void Role_holders_count_as_active_while_they_hold_the_role_and_for_180_days_after()
    {
        var history = History.School(staffCount: 30)
            .Role("mentor", 5, DaysBefore(400))
            .Assign("mentor", "holding", DaysBefore(300))
            .Assign("mentor", "left-recently", DaysBefore(300))
            .Assign("mentor", "left-long-ago", DaysBefore(300))
            .Vacate("mentor", "left-recently", DaysBefore(170))
            .Vacate("mentor", "left-long-ago", DaysBefore(190));

        var point = history.At(Then);

        Assert.Equal(1, point.FilledSeats);
        Assert.Equal(2, point.ActiveTeacherLeaders);
        Assert.Equal(0.0667, point.ActiveTeacherLeaderRate);
    }

    [Fact]
    public void A_teacher_with_a_role_and_informal_acts_counts_once()
    {
        var history = History.School()
            .Role("coach", 1, DaysBefore(50))
            .Assign("coach", "t1", DaysBefore(40))
            .InformalAct("t1", DaysBefore(20))
            .InformalAct("t1", DaysBefore(10))
            .InformalAct("t2", DaysBefore(10));

        Assert.Equal(2, history.At(Then).ActiveTeacherLeaders);
    }

    [Fact]
    public void Other_teacher_events_do_not_make_a_teacher_active()
    {
        var history = History.School()
            .Teacher("t1", new ProfessionalLearningCompleted("Institute", 20, ""), DaysBefore(10))
            .Teacher("t2", new CollaborationJoined("PLC"), DaysBefore(10))
            .Teacher("t3", new RoleTaken("test-school", "coach", "Coach"), DaysBefore(10));

        Assert.Equal(0, history.At(Then).ActiveTeacherLeaders);
    }

    // Breaking ranks

    private static readonly DateOnly March = new(2024, 3, 1);

    private static DateTimeOffset InMarch(int day) => new(2024, 3, day, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Episodes_are_counted_per_month_opened_still_open_and_resolved()
    {
        var history = History.School()
            .Opened("before-and-resolved", InMarch(1).AddDays(-40))
            .Opened("before-still-open", InMarch(1).AddDays(-20))
            .Opened("in-march-open", InMarch(5))
            .Opened("in-march-resolved", InMarch(6))
            .Resolved("before-and-resolved", InMarch(10))
            .Resolved("in-march-resolved", InMarch(20))
            .Opened("in-april", InMarch(1).AddMonths(1).AddDays(2));

        var march = Assert.Single(history.Trajectory().Monthly(March, March)).BreakingRanks;

        Assert.Equal(2, march.Opened);
        Assert.Equal(2, march.Open);
        Assert.Equal(2, march.Resolved);
    }

    [Fact]
    public void The_highest_level_is_among_episodes_open_at_any_time_of_the_month()
    {
        var history = History.School()
            .Opened("resolved-in-march", InMarch(1).AddDays(-30), BreakingRanksLevel.SpeakingUp)
            .Escalated("resolved-in-march", BreakingRanksLevel.DesignedIntervention, InMarch(1).AddDays(-10))
            .Resolved("resolved-in-march", InMarch(3))
            .Opened("open", InMarch(10), BreakingRanksLevel.AttractingAttention)
            .Escalated("open", BreakingRanksLevel.Resistance, InMarch(1).AddMonths(1).AddDays(3))
            .Opened("resolved-in-january", InMarch(1).AddMonths(-3), BreakingRanksLevel.Resistance)
            .Resolved("resolved-in-january", InMarch(1).AddMonths(-2));

        Assert.Equal(BreakingRanksLevel.DesignedIntervention, history.Month(2024, 3).BreakingRanks.HighestLevel);
        Assert.Equal(BreakingRanksLevel.Resistance, history.Month(2024, 4).BreakingRanks.HighestLevel);
        Assert.Null(History.School().Month(2024, 3).BreakingRanks.HighestLevel);
    }

    // Stages

    [Fact]
    public void The_latest_assessed_stage_is_the_one_that_happened_last_whatever_the_entry_order()
    {
        var history = History.School()
            .Stage(LeadershipStage.Developing, DaysBefore(10))
            .Stage(LeadershipStage.Emerging, DaysBefore(100));

        Assert.Equal(LeadershipStage.Developing, history.At(Then).AssessedStage);
        Assert.Equal(DaysBefore(10), history.At(Then).StageAssessedAt);
        Assert.Equal(LeadershipStage.Emerging, history.At(DaysBefore(50)).AssessedStage);
        Assert.Null(history.At(DaysBefore(150)).AssessedStage);
    }

    [Fact]
    public void The_derived_stage_follows_the_documented_thresholds()
    {
        Assert.Equal(LeadershipStage.Shared, StageThresholds.Derive(0.20, 0.50, 0.50));
        Assert.Equal(LeadershipStage.Developing, StageThresholds.Derive(0.20, 0.50, 0.5001));
        Assert.Equal(LeadershipStage.Developing, StageThresholds.Derive(0.10, 0.40, null));
        Assert.Equal(LeadershipStage.Emerging, StageThresholds.Derive(0.0999, 0.90, 0.0));
        Assert.Equal(LeadershipStage.Emerging, StageThresholds.Derive(0.08, null, null));
        Assert.Equal(LeadershipStage.Emerging, StageThresholds.Derive(0.01, 0.25, 1.0));
        Assert.Equal(LeadershipStage.Flat, StageThresholds.Derive(0.0, 1.0, 0.0));
        Assert.Equal(LeadershipStage.Flat, StageThresholds.Derive(0.0799, 0.2499, 0.0));
        Assert.Equal(LeadershipStage.Flat, StageThresholds.Derive(null, null, null));
    }

    [Fact]
    public void A_school_with_dense_roles_shared_decisions_and_even_participation_is_derived_shared()
    {
        var history = History.School(staffCount: 10)
            .Role("facilitator", 2, DaysBefore(100))
            .Assign("facilitator", "t1", DaysBefore(90)).Assign("facilitator", "t2", DaysBefore(90))
            .Decision("a", StaffConsensus, DaysBefore(20));

        var point = history.At(Then);

        Assert.Equal((0.2, 1.0, 0.0), (point.LeadershipDensity!.Value, point.SharedDecisionShare!.Value, point.DecisionCentralization!.Value));
        Assert.Equal(LeadershipStage.Shared, point.DerivedStage);
    }

    // Months and order

    [Fact]
    public void Monthly_points_are_evaluated_at_the_last_instant_of_each_month()
    {
        var lastInstantOfFebruary = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1);
        var history = History.School(staffCount: 10)
            .Role("coach", 1, DaysBefore(100))
            .Assign("coach", "t1", lastInstantOfFebruary)
            .Vacate("coach", "t1", lastInstantOfFebruary.AddTicks(1));

        var points = history.Trajectory().Monthly(new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 1));

        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2024, 2, 1), new DateOnly(2024, 3, 1)], points.Select(p => p.Month));
        Assert.Equal(lastInstantOfFebruary, points[1].At);
        Assert.Equal([0, 1, 0], points.Select(p => p.FilledSeats));
    }

    [Fact]
    public void Events_are_taken_in_the_order_they_happened_not_the_order_given()
    {
        var ordered = History.School(staffCount: 10)
            .Role("coach", 1, DaysBefore(100))
            .Assign("coach", "t1", DaysBefore(90))
            .Vacate("coach", "t1", DaysBefore(50))
            .Assign("coach", "t2", DaysBefore(40));
        var shuffled = new CultureTrajectory(ordered.Items.Reverse());

        Assert.Equal(ordered.At(Then), shuffled.At(Months.Start(Months.Of(Then)), Then));
        Assert.Equal(1, shuffled.At(Months.Start(Months.Of(Then)), Then).FilledSeats);
    }

    [Fact]
    public void The_first_role_is_the_earliest_assignment()
    {
        var history = History.School()
            .Role("coach", 1, DaysBefore(400))
            .Assign("coach", "t1", DaysBefore(100))
            .Vacate("coach", "t1", DaysBefore(50))
            .Assign("coach", "t2", DaysBefore(300));

        Assert.Equal(DaysBefore(300), history.Trajectory().FirstRoleAssignedAt);
        Assert.Null(History.School().Trajectory().FirstRoleAssignedAt);
    }
}
