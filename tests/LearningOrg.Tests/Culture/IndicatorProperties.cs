using FsCheck;
using FsCheck.Xunit;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Tests.Culture;

/// <summary>Properties of the indicators over random histories (<see cref="RandomCultureHistory"/>).</summary>
public sealed class IndicatorProperties
{
    private static string Same(string id) => id;

    private static string Renamed(string id) => "x-" + new string([.. id.Reverse()]);

    private static IReadOnlyList<CulturePoint> Monthly(IEnumerable<(string? TeacherId, DomainEvent Event)> history, int days)
    {
        var (from, to) = RandomCultureHistory.Months(days);
        return new CultureTrajectory(history).Monthly(from, to);
    }

    private static bool InUnit(double? value) => value is null || value is >= 0 and <= 1;

    [Property(MaxTest = 300)]
    public bool Ratios_lie_between_0_and_1_and_counts_and_days_are_never_negative(int[] choices)
    {
        choices ??= [];
        return Monthly(RandomCultureHistory.Build(choices, Same), choices.Length).All(p =>
            InUnit(p.LeadershipDensity) && InUnit(p.SharedDecisionShare) && InUnit(p.DecisionCentralization) && InUnit(p.ActiveTeacherLeaderRate)
            && p.TeacherLeaders <= p.FilledSeats && p.SharedDecisions180Days <= p.Decisions180Days
            && p.AttributedDecisions180Days <= p.Decisions180Days
            && p.BreakingRanks.MedianDaysToResolution is null or >= 0
            && p.BreakingRanks.Open >= 0 && p.BreakingRanks.Resolved + p.BreakingRanks.ClosedUnresolved >= 0);
    }

    [Property(MaxTest = 300)]
    public bool Renaming_every_id_changes_no_indicator(int[] choices)
    {
        choices ??= [];
        return Monthly(RandomCultureHistory.Build(choices, Same), choices.Length)
            .SequenceEqual(Monthly(RandomCultureHistory.Build(choices, Renamed), choices.Length));
    }

    [Property(MaxTest = 300)]
    public bool The_order_events_were_entered_in_changes_no_indicator(int[] choices, int seed)
    {
        choices ??= [];
        var history = RandomCultureHistory.Build(choices, Same);
        List<(string? TeacherId, DomainEvent Event)> shuffled = [.. history];
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));

        return Monthly(history, choices.Length).SequenceEqual(Monthly(shuffled, choices.Length));
    }

    [Property(MaxTest = 300)]
    public bool Giving_a_teacher_without_a_role_a_teacher_leadership_role_never_lowers_density(int[] choices)
    {
        choices ??= [];
        var history = RandomCultureHistory.Build(choices, Same);
        var at = RandomCultureHistory.Day(choices.Length + 2);
        var before = new CultureTrajectory(history).At(at, at);
        var newcomer = "newcomer";
        history.Add((null, new RoleAssigned("coach", newcomer) { OccurredAt = at }));
        var after = new CultureTrajectory(history).At(at, at);

        return after.TeacherLeaders == before.TeacherLeaders + 1
            && (before.LeadershipDensity is null || after.LeadershipDensity >= before.LeadershipDensity);
    }

    [Property(MaxTest = 300)]
    public bool An_administrative_appointment_adds_no_teacher_leader_and_never_raises_density(int[] choices)
    {
        choices ??= [];
        var history = RandomCultureHistory.Build(choices, Same);
        var at = RandomCultureHistory.Day(choices.Length + 2);
        var before = new CultureTrajectory(history).At(at, at);
        history.Add((null, new RoleAssigned("head", "appointee") { OccurredAt = at }));
        var after = new CultureTrajectory(history).At(at, at);

        // The appointee is a member of staff, so the staff may grow by one: density may fall, never rise.
        return (after.TeacherLeaders, after.FilledSeats, after.ActiveTeacherLeaders) == (before.TeacherLeaders, before.FilledSeats, before.ActiveTeacherLeaders)
            && after.AdministrativeAppointees >= 1
            && (before.LeadershipDensity is null || after.LeadershipDensity <= before.LeadershipDensity);
    }

    [Property(MaxTest = 300)]
    public bool A_shared_decision_never_lowers_the_shared_share_and_a_principal_alone_one_never_raises_it(int[] choices, bool shared)
    {
        choices ??= [];
        var history = RandomCultureHistory.Build(choices, Same);
        var at = RandomCultureHistory.Day(choices.Length + 2);
        var before = new CultureTrajectory(history).At(at, at).SharedDecisionShare;
        history.Add((null, new DecisionRecorded("added", "Added", "Area", shared ? DecisionMode.Shared : DecisionMode.PrincipalAlone, ["ana"], false, "") { OccurredAt = at }));
        var after = new CultureTrajectory(history).At(at, at).SharedDecisionShare;

        return before is null || (shared ? after >= before : after <= before);
    }

    [Property(MaxTest = 300)]
    public bool A_whole_staff_consensus_never_raises_centralization(int[] choices)
    {
        choices ??= [];
        var history = RandomCultureHistory.Build(choices, Same);
        var at = RandomCultureHistory.Day(choices.Length + 2);
        var before = new CultureTrajectory(history).At(at, at).DecisionCentralization;
        history.Add((null, new DecisionRecorded("added", "Added", "Area", DecisionMode.StaffConsensus, [], false, "") { OccurredAt = at }));
        var after = new CultureTrajectory(history).At(at, at).DecisionCentralization;

        return before is null ? after is not null : after <= before;
    }

    [Property(MaxTest = 300)]
    public bool The_derived_stage_is_never_above_Flat_without_a_teacher_leader(int[] choices)
    {
        choices ??= [];
        return Monthly(RandomCultureHistory.Build(choices, Same), choices.Length)
            .Where(p => p.TeacherLeaders == 0)
            .All(p => p.DerivedStage == LeadershipStage.Flat);
    }
}
