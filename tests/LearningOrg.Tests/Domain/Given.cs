using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Tests.Domain;

/// <summary>
/// A fixed calendar and the assertions every rule test shares. Histories start on <see cref="Day"/>(0) and "now"
/// lies well after them, so only the tests about time need to think about dates.
/// </summary>
internal static class Given
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The moment every decision is taken at.</summary>
    public static readonly DateTimeOffset Now = Start.AddDays(500);

    public static DateTimeOffset Day(int n) => Start.AddDays(n);

    /// <summary>The same event, happening at <paramref name="at"/>.</summary>
    public static TEvent At<TEvent>(this TEvent @event, DateTimeOffset at)
        where TEvent : DomainEvent =>
        (TEvent)((DomainEvent)@event with { OccurredAt = at });

    public static TEvent On<TEvent>(this TEvent @event, int day)
        where TEvent : DomainEvent =>
        @event.At(Day(day));

    /// <summary>A text of exactly <paramref name="length"/> characters.</summary>
    public static string Text(int length) => new('x', length);

    public static void IsAccepted<TEvent>(Decision<TEvent> decision, TEvent proposed)
        where TEvent : DomainEvent
    {
        Assert.Null(decision.Violation);
        Assert.True(decision.IsAccepted);
        Assert.Same(proposed, Assert.Single(decision.Events));
    }

    public static RuleViolation IsRejected<TEvent>(Decision<TEvent> decision, ViolationKind kind, string code, string? field)
        where TEvent : DomainEvent
    {
        Assert.False(decision.IsAccepted);
        Assert.Empty(decision.Events);
        var violation = Assert.IsType<RuleViolation>(decision.Violation);
        Assert.Equal((kind, code, field), (violation.Kind, violation.Code, violation.Field));
        return violation;
    }

    public static RuleViolation IsInvalid<TEvent>(Decision<TEvent> decision, string field)
        where TEvent : DomainEvent =>
        IsRejected(decision, ViolationKind.Invalid, "invalid-field", field);
}

/// <summary>School events as a school's history would record them, with ordinary content.</summary>
internal static class SchoolStory
{
    public static SchoolState Fold(params SchoolEvent[] events) =>
        Aggregate.Fold<School, SchoolState, SchoolEvent>(null, events)
        ?? throw new InvalidOperationException("A story needs at least its registration.");

    public static Decision<SchoolEvent> Decide(SchoolState? state, SchoolEvent proposed) => School.Decide(state, proposed, Given.Now);

    public static SchoolRegistered Registered(int day = 0) => new SchoolRegistered("Lincoln Elementary", "North District", 40).On(day);

    public static TeacherJoinedStaff Joined(string teacherId, int day) => new TeacherJoinedStaff(teacherId).On(day);

    public static TeacherLeftStaff Left(string teacherId, int day) => new TeacherLeftStaff(teacherId).On(day);

    public static TeacherLeaderRoleDefined RoleDefined(string roleId, int day, int seats = 1) =>
        new TeacherLeaderRoleDefined(roleId, "Instructional coach", "Coaching", ["Coach new teachers"], ["Meet each week"], 4m, seats, DecidedAt.School).On(day);

    public static TeacherLeaderRoleRetired RoleRetired(string roleId, int day) => new TeacherLeaderRoleRetired(roleId, "No longer needed").On(day);

    public static RoleAssigned Assigned(string roleId, string teacherId, int day) => new RoleAssigned(roleId, teacherId).On(day);

    public static RoleVacated Vacated(string roleId, string teacherId, int day) => new RoleVacated(roleId, teacherId, "Term ended").On(day);

    public static DecisionRecorded Decision(string decisionId, int day, params string[] participants) =>
        new DecisionRecorded(decisionId, "Adopt peer observation", "Instruction", DecisionMode.Shared, [.. participants], true, "Teachers asked for it").On(day);

    public static BreakingRanksEpisodeOpened EpisodeOpened(string episodeId, string teacherId, BreakingRanksLevel level, int day) =>
        new BreakingRanksEpisodeOpened(episodeId, teacherId, BreakingRanksAct.SpokeUp, "Proposed sharing lesson plans at the staff meeting", level).On(day);

    public static BreakingRanksEpisodeEscalated Escalated(string episodeId, BreakingRanksLevel level, int day) =>
        new BreakingRanksEpisodeEscalated(episodeId, level, "Colleagues complained to the principal").On(day);

    public static BreakingRanksEpisodeDeescalated Deescalated(string episodeId, BreakingRanksLevel level, int day) =>
        new BreakingRanksEpisodeDeescalated(episodeId, level, "A mediated meeting calmed things").On(day);

    public static BreakingRanksReactionRecorded ColleagueReacted(string episodeId, string teacherId, int day) =>
        new BreakingRanksReactionRecorded(episodeId, ReactorKind.Colleague, teacherId, null, ReactionIntensity.Irritation, "Complained in the staff room").On(day);

    public static BreakingRanksReactionRecorded Reacted(string episodeId, ReactorKind reactedBy, int day, string? team = null) =>
        new BreakingRanksReactionRecorded(episodeId, reactedBy, null, team, ReactionIntensity.OpenOpposition, "").On(day);

    public static BreakingRanksSupportGiven Supported(string episodeId, SupportKind kind, int day, string note = "Backed her at the staff meeting") =>
        new BreakingRanksSupportGiven(episodeId, kind, note).On(day);

    public static BreakingRanksEpisodeResolved Resolved(string episodeId, EpisodeOutcome outcome, int day) =>
        new BreakingRanksEpisodeResolved(episodeId, outcome, "Agreed at the next meeting").On(day);

    public static SchoolConditionAssessed ConditionAssessed(string condition, int rating, int day) =>
        new SchoolConditionAssessed(condition, rating, "Protect planning time").On(day);

    public static ImmutableArray<string> Ids(params string[] ids) => [.. ids];
}
