using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using static LearningOrg.Tests.Domain.Given;

namespace LearningOrg.Tests.Domain;

public sealed class InitiativeRulesTests
{
    private static readonly InitiativeState Launched = Fold(Launch());

    private static readonly InitiativeState WithLincoln = Fold(Launch(), Enrolled("lincoln", 5));

    private static InitiativeState Fold(params InitiativeEvent[] events) => Aggregate.Fold<Initiative, InitiativeState, InitiativeEvent>(null, events)!;

    private static Decision<InitiativeEvent> Decide(InitiativeState? state, InitiativeEvent proposed) => Initiative.Decide(state, proposed, Now);

    private static InitiativeLaunched Launch(int day = 0) =>
        new InitiativeLaunched("Teacher leaders for literacy", Sponsor.District, "Grow teacher leadership in reading", ["Literacy", "Retention"]).On(day);

    private static PhaseAdvanced Advanced(Phase phase, int day) => new PhaseAdvanced(phase).On(day);

    private static MeasureDefined Measure(string measureId, int day) =>
        new MeasureDefined(measureId, "Teachers leading a PLC", MeasureHorizon.ShortTerm, "teachers", 2m, 10m).On(day);

    private static MeasureObserved Observation(string measureId, decimal value, int day) => new MeasureObserved(measureId, value, "PLC rosters").On(day);

    private static SchoolEnrolled Enrolled(string schoolId, int day) => new SchoolEnrolled(schoolId).On(day);

    private static SchoolWithdrawn Withdrawn(string schoolId, int day) => new SchoolWithdrawn(schoolId, "Principal left").On(day);

    private static InterventionStarted Started(string interventionId, string schoolId, int day) =>
        new InterventionStarted(interventionId, schoolId, "Peer coaching", "Coaching raises PLC participation").On(day);

    private static InterventionCompleted Completed(string interventionId, int day) =>
        new InterventionCompleted(interventionId, "Participation doubled", "").On(day);

    private static RoleFrameworkSet Framework(string[] tight, string[] loose) =>
        new RoleFrameworkSet("Literacy coach", [.. tight], [.. loose]).On(5);

    // Lifecycle and time

    [Fact]
    public void An_initiative_stream_begins_only_with_its_launch()
    {
        IsRejected(Decide(null, Enrolled("lincoln", 1)), ViolationKind.NotFound, "not-found", null);
    }

    [Fact]
    public void A_launch_starts_an_empty_stream()
    {
        var launch = Launch();
        IsAccepted(Decide(null, launch), launch);
    }

    [Fact]
    public void An_initiative_is_launched_only_once()
    {
        IsRejected(Decide(Launched, Launch(3)), ViolationKind.Conflict, "already-exists", null);
    }

    [Fact]
    public void An_event_beyond_the_clock_skew_in_the_future_is_invalid()
    {
        IsInvalid(Decide(Launched, Enrolled("lincoln", 0).At(Now.AddHours(1))), "occurredAt");
    }

    [Fact]
    public void An_event_one_minute_in_the_future_is_accepted()
    {
        var enrolment = Enrolled("lincoln", 0).At(Now.AddMinutes(1));
        IsAccepted(Decide(Launched, enrolment), enrolment);
    }

    [Fact]
    public void An_event_before_the_launch_conflicts_with_the_initiative_s_history()
    {
        IsRejected(Decide(Fold(Launch(10)), Enrolled("lincoln", 9)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void An_initiative_has_a_defined_sponsor()
    {
        IsInvalid(Decide(null, Launch() with { Sponsor = (Sponsor)3 }), "sponsor");
    }

    [Fact]
    public void A_purpose_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(null, Launch() with { Purpose = Text(Limits.Note + 1) }), "purpose");
    }

    // Phases

    [Fact]
    public void An_initiative_starts_in_planning()
    {
        Assert.Equal(Phase.Planning, Launched.Phase);
    }

    [Fact]
    public void Planning_advances_to_design()
    {
        var advance = Advanced(Phase.Design, 5);
        IsAccepted(Decide(Launched, advance), advance);
    }

    [Theory]
    [InlineData(Phase.Implementation)]
    [InlineData(Phase.Assessment)]
    public void A_phase_cannot_be_skipped(Phase next)
    {
        var initiative = Fold(Launch(), Measure("plc-leads", 1));
        IsRejected(Decide(initiative, Advanced(next, 5)), ViolationKind.Conflict, "phase-out-of-order", "phase");
    }

    [Fact]
    public void A_phase_cannot_go_back()
    {
        var initiative = Fold(Launch(), Advanced(Phase.Design, 1));
        IsRejected(Decide(initiative, Advanced(Phase.Planning, 5)), ViolationKind.Conflict, "phase-out-of-order", "phase");
    }

    [Fact]
    public void A_phase_cannot_be_entered_twice()
    {
        var initiative = Fold(Launch(), Advanced(Phase.Design, 1));
        IsRejected(Decide(initiative, Advanced(Phase.Design, 5)), ViolationKind.Conflict, "phase-out-of-order", "phase");
    }

    [Fact]
    public void Assessment_leads_into_the_next_cycles_planning_and_nothing_else()
    {
        var initiative = Fold(Launch(), Measure("plc-leads", 1), Advanced(Phase.Design, 2), Advanced(Phase.Implementation, 3), Advanced(Phase.Assessment, 4));
        Assert.Equal(1, initiative.Cycle);
        IsRejected(Decide(initiative, Advanced(Phase.Design, 5)), ViolationKind.Conflict, "phase-out-of-order", "phase");
        IsInvalid(Decide(initiative, Advanced((Phase)4, 5)), "phase");
        var nextCycle = Advanced(Phase.Planning, 5);
        IsAccepted(Decide(initiative, nextCycle), nextCycle);

        var second = Aggregate.Fold<Initiative, InitiativeState, InitiativeEvent>(initiative, [nextCycle])!;
        Assert.Equal((2, Phase.Planning), (second.Cycle, second.Phase));
        var design = Advanced(Phase.Design, 6);
        IsAccepted(Decide(second, design), design);
    }

    // Key questions

    [Fact]
    public void A_key_question_answer_is_kept_with_the_phase_and_cycle_it_was_given_in()
    {
        var initiative = Fold(Launch(), Measure("plc-leads", 1),
            new KeyQuestionAnswered(KeyQuestion.PrioritiesAdvanced, "Early literacy", "Board priorities 2024").On(2),
            Advanced(Phase.Design, 3),
            new KeyQuestionAnswered(KeyQuestion.TightAndLoose, "Hours tight, selection loose", "").On(4),
            Advanced(Phase.Implementation, 5), Advanced(Phase.Assessment, 6), Advanced(Phase.Planning, 7),
            new KeyQuestionAnswered(KeyQuestion.PrioritiesAdvanced, "Early literacy and retention", "Year-one review").On(8));

        Assert.Equal(
            [(KeyQuestion.PrioritiesAdvanced, 1, Phase.Planning), (KeyQuestion.TightAndLoose, 1, Phase.Design), (KeyQuestion.PrioritiesAdvanced, 2, Phase.Planning)],
            initiative.Answers.Select(a => (a.Question, a.Cycle, a.Phase)));
        Assert.Equal("Early literacy and retention", initiative.Answers[^1].Answer);
    }

    [Fact]
    public void A_key_question_answer_needs_a_known_question_and_an_answer()
    {
        IsInvalid(Decide(Launched, new KeyQuestionAnswered((KeyQuestion)99, "Yes", "").On(2)), "question");
        IsInvalid(Decide(Launched, new KeyQuestionAnswered(KeyQuestion.MeasuringSuccess, " ", "").On(2)), "answer");
    }

    [Fact]
    public void Every_key_question_belongs_to_one_strategy_or_the_policy_questions()
    {
        var grouped = KeyQuestions.BySource.SelectMany(g => g.Questions).ToList();
        Assert.Equal(Enum.GetValues<KeyQuestion>().Order(), grouped.Order());
        Assert.Equal(Enum.GetValues<KeyQuestionSource>(), KeyQuestions.BySource.Select(g => g.Source));
        Assert.Equal([KeyQuestion.EmpoweringTeachers, KeyQuestion.SupportingTeachers, KeyQuestion.StructuresAndTools],
            KeyQuestions.BySource.Single(g => g.Source == KeyQuestionSource.Policy).Questions);
    }

    // Observations at a school

    [Fact]
    public void A_measure_is_observed_at_an_enrolled_school_only_while_it_is_enrolled()
    {
        var initiative = Fold(Launch(), Enrolled("lincoln", 5), Measure("plc-leads", 6));
        var atLincoln = new MeasureObserved("plc-leads", 4m, "PLC rosters", "lincoln").On(7);
        IsAccepted(Decide(initiative, atLincoln), atLincoln);
        IsRejected(Decide(initiative, new MeasureObserved("plc-leads", 4m, "PLC rosters", "adams").On(7)), ViolationKind.Conflict, "not-enrolled", "schoolId");
        IsInvalid(Decide(initiative, new MeasureObserved("plc-leads", 4m, "PLC rosters", "not an id!").On(7)), "schoolId");
    }

    [Fact]
    public void Implementation_needs_at_least_one_measure()
    {
        var initiative = Fold(Launch(), Advanced(Phase.Design, 1));
        IsRejected(Decide(initiative, Advanced(Phase.Implementation, 5)), ViolationKind.Conflict, "measures-required", "phase");
    }

    [Fact]
    public void Implementation_begins_once_a_measure_is_defined()
    {
        var initiative = Fold(Launch(), Advanced(Phase.Design, 1), Measure("plc-leads", 2));
        var advance = Advanced(Phase.Implementation, 5);
        IsAccepted(Decide(initiative, advance), advance);
    }

    [Fact]
    public void Advancing_a_phase_changes_the_initiative_s_phase()
    {
        var initiative = Fold(Launch(), Advanced(Phase.Design, 1), Measure("plc-leads", 2), Advanced(Phase.Implementation, 3));
        Assert.Equal(Phase.Implementation, initiative.Phase);
    }

    // Measures

    [Fact]
    public void Only_a_defined_measure_can_be_observed()
    {
        IsRejected(Decide(Launched, Observation("plc-leads", 4m, 5)), ViolationKind.NotFound, "measure-not-found", "measureId");
    }

    [Fact]
    public void A_measure_cannot_be_observed_before_it_was_defined()
    {
        var initiative = Fold(Launch(), Measure("plc-leads", 10));
        IsRejected(Decide(initiative, Observation("plc-leads", 4m, 5)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_defined_measure_can_be_observed()
    {
        var initiative = Fold(Launch(), Measure("plc-leads", 1));
        var observation = Observation("plc-leads", 4m, 5);
        IsAccepted(Decide(initiative, observation), observation);
    }

    [Fact]
    public void A_measure_id_is_defined_only_once()
    {
        var initiative = Fold(Launch(), Measure("plc-leads", 1));
        IsRejected(Decide(initiative, Measure("plc-leads", 5)), ViolationKind.Conflict, "measure-exists", "measureId");
    }

    [Fact]
    public void A_measure_has_a_defined_horizon()
    {
        IsInvalid(Decide(Launched, Measure("plc-leads", 1) with { Horizon = (MeasureHorizon)2 }), "horizon");
    }

    [Fact]
    public void A_measure_unit_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(Launched, Measure("plc-leads", 1) with { Unit = Text(Limits.Label + 1) }), "unit");
    }

    [Fact]
    public void Observations_are_counted_and_the_latest_value_kept()
    {
        var initiative = Fold(Launch(), Measure("plc-leads", 1), Observation("plc-leads", 4m, 2), Observation("plc-leads", 7m, 3));
        var measure = initiative.Measures["plc-leads"];
        Assert.Equal((2, 7m), (measure.Observations, measure.LatestValue));
    }

    // Schools and interventions

    [Fact]
    public void A_school_is_enrolled_only_once()
    {
        IsRejected(Decide(WithLincoln, Enrolled("lincoln", 6)), ViolationKind.Conflict, "already-enrolled", "schoolId");
    }

    [Fact]
    public void Only_an_enrolled_school_can_withdraw()
    {
        IsRejected(Decide(Launched, Withdrawn("lincoln", 6)), ViolationKind.Conflict, "not-enrolled", "schoolId");
    }

    [Fact]
    public void A_school_cannot_withdraw_before_it_enrolled()
    {
        IsRejected(Decide(WithLincoln, Withdrawn("lincoln", 4)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void An_intervention_takes_place_in_an_enrolled_school()
    {
        var start = Started("coaching", "lincoln", 6);
        IsAccepted(Decide(WithLincoln, start), start);
    }

    [Fact]
    public void An_intervention_cannot_take_place_in_a_school_that_is_not_enrolled()
    {
        IsRejected(Decide(WithLincoln, Started("coaching", "roosevelt", 6)), ViolationKind.Conflict, "not-enrolled", "schoolId");
    }

    [Fact]
    public void An_intervention_cannot_predate_the_school_s_enrolment()
    {
        IsRejected(Decide(WithLincoln, Started("coaching", "lincoln", 4)), ViolationKind.Conflict, "not-enrolled", "schoolId");
    }

    [Fact]
    public void An_intervention_cannot_take_place_in_a_school_that_withdrew()
    {
        var initiative = Fold(Launch(), Enrolled("lincoln", 5), Withdrawn("lincoln", 8));
        IsRejected(Decide(initiative, Started("coaching", "lincoln", 10)), ViolationKind.Conflict, "not-enrolled", "schoolId");
    }

    [Fact]
    public void An_intervention_id_is_started_only_once()
    {
        var initiative = Fold(Launch(), Enrolled("lincoln", 5), Started("coaching", "lincoln", 6));
        IsRejected(Decide(initiative, Started("coaching", "lincoln", 7)), ViolationKind.Conflict, "intervention-exists", "interventionId");
    }

    [Fact]
    public void An_unknown_intervention_cannot_be_completed()
    {
        IsRejected(Decide(WithLincoln, Completed("coaching", 9)), ViolationKind.NotFound, "intervention-not-found", "interventionId");
    }

    [Fact]
    public void A_completed_intervention_cannot_be_completed_again()
    {
        var initiative = Fold(Launch(), Enrolled("lincoln", 5), Started("coaching", "lincoln", 6), Completed("coaching", 8));
        IsRejected(Decide(initiative, Completed("coaching", 9)), ViolationKind.Conflict, "intervention-completed", "interventionId");
    }

    [Fact]
    public void An_intervention_cannot_end_before_it_started()
    {
        var initiative = Fold(Launch(), Enrolled("lincoln", 5), Started("coaching", "lincoln", 8));
        IsRejected(Decide(initiative, Completed("coaching", 6)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_started_intervention_can_be_completed()
    {
        var initiative = Fold(Launch(), Enrolled("lincoln", 5), Started("coaching", "lincoln", 6));
        var completion = Completed("coaching", 9);
        IsAccepted(Decide(initiative, completion), completion);
    }

    [Fact]
    public void A_hypothesis_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(WithLincoln, Started("coaching", "lincoln", 6) with { Hypothesis = Text(Limits.Note + 1) }), "hypothesis");
    }

    [Fact]
    public void Enrolment_withdrawal_and_interventions_are_folded()
    {
        var initiative = Fold(Launch(), Enrolled("lincoln", 5), Enrolled("roosevelt", 6), Started("coaching", "lincoln", 7),
            Completed("coaching", 9), Withdrawn("roosevelt", 10));
        Assert.Equal(["lincoln"], initiative.EnrolledSchools.Keys);
        Assert.Equal(Day(5), initiative.EnrolledSchools["lincoln"]);
        Assert.True(initiative.Interventions["coaching"].IsCompleted);
        Assert.Equal("Participation doubled", initiative.Interventions["coaching"].Completion!.Outcome);
    }

    // Tight and loose

    [Fact]
    public void A_feature_cannot_be_both_tight_and_loose()
    {
        IsInvalid(Decide(Launched, Framework(["Release time", "Selection"], ["Selection"])), "loose");
    }

    [Fact]
    public void Tight_and_loose_overlap_regardless_of_case()
    {
        IsInvalid(Decide(Launched, Framework(["Release time"], ["release TIME"])), "loose");
    }

    [Fact]
    public void Separate_tight_and_loose_features_are_accepted_and_kept_by_role_title()
    {
        var framework = Framework(["Release time"], ["Schedule", "Focus area"]);
        IsAccepted(Decide(Launched, framework), framework);
        var initiative = Fold(Launch(), framework);
        Assert.Equal(["Schedule", "Focus area"], initiative.RoleFrameworks["Literacy coach"].Loose.AsEnumerable());
    }

    [Fact]
    public void A_blank_tight_feature_is_rejected()
    {
        IsInvalid(Decide(Launched, Framework(["Release time", ""], [])), "tight");
    }

    // Other events

    [Fact]
    public void A_stakeholder_needs_a_role()
    {
        IsInvalid(Decide(Launched, new StakeholderEngaged("Teachers' union", " ").On(3)), "role");
    }

    [Fact]
    public void A_context_lists_at_most_the_maximum_trust_barriers()
    {
        var barriers = Enumerable.Range(0, Limits.ListItems + 1).Select(i => $"Barrier {i}").ToArray();
        var context = new ContextAssessed([], [], [], [], [.. barriers]).On(3);
        IsInvalid(Decide(Launched, context), "trustBarriers");
    }

    [Fact]
    public void A_stakeholder_engaged_again_takes_the_new_role()
    {
        var initiative = Fold(Launch(), new StakeholderEngaged("Union", "Advisor").On(1), new StakeholderEngaged("Union", "Partner").On(2));
        Assert.Equal("Partner", initiative.Stakeholders["Union"]);
    }

    [Fact]
    public void An_initiative_s_stream_cannot_be_folded_from_another_event()
    {
        Assert.Throws<InvalidOperationException>(() => Initiative.Create(Enrolled("lincoln", 1)));
    }

    [Fact]
    public void An_older_observation_entered_late_counts_but_does_not_replace_the_latest_value()
    {
        var initiative = Fold(Launch(), Measure("plc-leads", 1), Observation("plc-leads", 8m, 200), Observation("plc-leads", 3m, 100));

        var measure = initiative.Measures["plc-leads"];
        Assert.Equal(2, measure.Observations);
        Assert.Equal(8m, measure.LatestValue);
        Assert.Equal(Day(200), measure.LatestAt);
    }

    [Fact]
    public void An_older_role_framework_entered_late_does_not_replace_a_newer_one()
    {
        var initiative = Fold(Launch(), Framework(["hours"], ["title"]).On(200), Framework(["title"], ["hours"]).On(100));

        Assert.Equal<string>(["hours"], initiative.RoleFrameworks["Literacy coach"].Tight);
    }
}
