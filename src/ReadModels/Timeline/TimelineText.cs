using System.Globalization;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.ReadModels;

/// <summary>The short sentence and the people a timeline shows for each kind of event.</summary>
internal static class TimelineText
{
    private const int Excerpt = 120;

    /// <summary>The teachers an event names. <paramref name="streamTeacher"/> is the teacher of a teacher stream.</summary>
    public static string[] Persons(DomainEvent data, string? streamTeacher, string? episodeTeacher) => data switch
    {
        TeacherEvent => streamTeacher is null ? [] : [streamTeacher],
        TeacherJoinedStaff e => [e.TeacherId],
        TeacherLeftStaff e => [e.TeacherId],
        RoleAssigned e => [e.TeacherId],
        RoleVacated e => [e.TeacherId],
        DecisionRecorded e => Distinct(e.Participants),
        PrincipalMoveRecorded { TeacherId: { } teacher } => [teacher],
        LeadershipDiscussionHeld e => Distinct(e.Participants),
        BreakingRanksEpisodeOpened e => [e.TeacherId],
        BreakingRanksReactionRecorded { TeacherId: { } colleague } when episodeTeacher is not null => Distinct([episodeTeacher, colleague]),
        BreakingRanksReactionRecorded { TeacherId: { } colleague } => [colleague],
        IEpisodeEvent when episodeTeacher is not null => [episodeTeacher],
        _ => [],
    };

    /// <summary>
    /// One line saying what happened: every event in the catalog has one (a test checks). <paramref name="sourceId"/> is the id of the event's stream (the teacher, the
    /// initiative or the network).
    /// </summary>
    public static string Summary(DomainEvent data, string sourceId) => data switch
    {
        SchoolRegistered e => $"School '{e.Name}' registered in {e.District} with {e.StaffCount} staff",
        StaffCountChanged e => $"Staff count changed to {e.StaffCount}",
        TeacherJoinedStaff e => $"{e.TeacherId} joined the staff",
        TeacherLeftStaff e => $"{e.TeacherId} left the staff",
        LeadershipStageAssessed e => $"Leadership stage assessed as {Labels.Of(e.Stage)} by {e.AssessedBy}",
        TeacherLeaderRoleDefined e => $"Role '{e.Title}' defined ({Count(e.Seats, "seat")}, {Number(e.HoursPerWeek)} h a week, decided by the {Decider(e.DecidedAt)})",
        RoleRevised e => $"Role '{e.Title}' revised ({Count(e.Seats, "seat")}, {Number(e.HoursPerWeek)} h a week, decided by the {Decider(e.DecidedAt)})",
        TeacherLeaderRoleRetired e => $"Role {e.RoleId} retired: {Cut(e.Reason)}",
        RoleAssigned e => $"{e.TeacherId} assigned to role {e.RoleId}",
        RoleVacated e => $"{e.TeacherId} left role {e.RoleId}: {Cut(e.Reason)}",
        DecisionRecorded e => $"Decision '{e.Title}' ({Labels.Of(e.Mode)}, {Count(Length(e.Participants), "participant")})",
        SchoolConditionAssessed e => $"Condition '{e.Condition}' rated {e.Rating} of 4",
        PrincipalMoveRecorded e => $"Principal move: {e.Move}{(e.TeacherId is null ? "" : $" (with {e.TeacherId})")}",
        LeadershipDiscussionHeld e => $"Leadership discussion on '{e.Topic}' ({Count(Length(e.Participants), "participant")}, {Count(Length(e.Agreements), "agreement")})",
        BreakingRanksEpisodeOpened e => $"{e.TeacherId} broke ranks: {Label(e.Act)} ({Label(e.Level)}): {Cut(e.Description)}",
        BreakingRanksReactionRecorded e => $"Episode {e.EpisodeId}: {Reactor(e)} reacted with {Label(e.Intensity).ToLowerInvariant()}{Noted(e.Note)}",
        BreakingRanksSupportGiven e => $"Episode {e.EpisodeId}: support given, {Label(e.Kind).ToLowerInvariant()}{Noted(e.Note)}",
        BreakingRanksEpisodeEscalated e => $"Episode {e.EpisodeId} escalated to {Label(e.Level)}",
        BreakingRanksEpisodeDeescalated e => $"Episode {e.EpisodeId} calmed to {Label(e.Level)}",
        BreakingRanksEpisodeResolved e => $"Episode {e.EpisodeId} resolved: {Label(e.Outcome)}",
        TeacherRegistered e => $"{e.Name} ({sourceId}) registered at {e.SchoolId}",
        TeacherMovedSchool e => $"{sourceId} moved from {e.FromSchoolId} to {e.ToSchoolId}",
        RoleTaken e => $"{sourceId} took role '{e.Title}' at {e.SchoolId}",
        RoleLeft e => $"{sourceId} left role {e.RoleId} at {e.SchoolId}: {Cut(e.Reason)}",
        ProfessionalLearningCompleted e => $"{sourceId} completed '{e.Program}' ({Number(e.Hours)} h, {e.Focus})",
        InformalLeadershipObserved e => $"{sourceId} observed leading informally: {Labels.Of(e.Act)} in {Labels.Of(e.Domain)} (by {e.ObservedBy})",
        CollaborationJoined e => $"{sourceId} joined {e.Community}",
        InitiativeLaunched e => $"Initiative '{e.Name}' launched (sponsored by {Labels.Of(e.Sponsor).ToLowerInvariant()})",
        StakeholderEngaged e => $"Stakeholder {e.Stakeholder} engaged as {e.Role}",
        ContextAssessed e => $"Context assessed ({Count(Length(e.Resources), "resource")}, {Count(Length(e.TrustBarriers), "trust barrier")})",
        MeasureDefined e => $"Measure '{e.Name}' defined: from {Number(e.Baseline)} to {Number(e.Target)} {e.Unit}",
        MeasureObserved e => $"Measure {e.MeasureId} observed at {Number(e.Value)} ({e.Source})",
        KeyQuestionAnswered e => $"Key question answered: {Labels.Of(e.Question)}",
        RoleFrameworkSet e => $"Role framework for '{e.RoleTitle}' set ({Count(Length(e.Tight), "tight feature")}, {Count(Length(e.Loose), "loose feature")})",
        RoleTypeAdded e => $"Role type '{e.Name}' added ({Labels.Of(e.RoleKind).ToLowerInvariant()}, {Labels.Of(e.Group).ToLowerInvariant()})",
        PhaseAdvanced e => $"Initiative {sourceId} entered its {Labels.Of(e.Phase)} phase",
        SchoolEnrolled => $"Enrolled in initiative {sourceId}",
        SchoolWithdrawn e => $"Withdrew from initiative {sourceId}: {Cut(e.Reason)}",
        InterventionStarted e => $"Intervention {e.InterventionId} ({e.Kind}) started by initiative {sourceId}",
        InterventionCompleted e => $"Intervention {e.InterventionId} completed: {Cut(e.Outcome)}",
        NetworkFormed e => $"Network '{e.Name}' formed",
        SchoolJoinedNetwork => $"Joined network {sourceId}",
        SchoolLeftNetwork => $"Left network {sourceId}",
        _ => throw new ArgumentOutOfRangeException(nameof(data), data.GetType().Name, "The timeline has no line for this event; add one here."),
    };

    private static string[] Distinct(System.Collections.Immutable.ImmutableArray<string> ids) =>
        ids.IsDefault ? [] : [.. ids.Distinct(StringComparer.Ordinal)];

    private static string Label(Enum value) => Labels.Of(value.GetType(), value.ToString());

    private static string Noted(string? note) => string.IsNullOrWhiteSpace(note) ? "" : $": {Cut(note)}";

    private static string Reactor(BreakingRanksReactionRecorded e) => e.ReactedBy switch
    {
        ReactorKind.Colleague => e.TeacherId ?? Label(e.ReactedBy),
        ReactorKind.Team => e.Team ?? Label(e.ReactedBy),
        _ => Label(e.ReactedBy),
    };

    private static int Length(System.Collections.Immutable.ImmutableArray<string> items) => items.IsDefault ? 0 : items.Length;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Decider(DecidedAt decidedAt) => decidedAt == DecidedAt.System ? "system" : "school";

    private static string Cut(string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ").Trim();
        return line.Length <= Excerpt ? line : line[..(Excerpt - 1)].TrimEnd() + "…";
    }
}
