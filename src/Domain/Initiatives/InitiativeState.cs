using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;

namespace LearningOrg.Domain.Initiatives;

/// <summary>A measure with how often it was observed and its latest value across the initiative (not at one school).</summary>
[GenerateSerializer, Immutable]
public sealed record MeasureState(
    [property: Id(0)] MeasureDefined Definition,
    [property: Id(1)] int Observations,
    [property: Id(2)] decimal? LatestValue,
    [property: Id(3)] DateTimeOffset? LatestAt);

[GenerateSerializer, Immutable]
public sealed record InterventionState(
    [property: Id(0)] InterventionStarted Start,
    [property: Id(1)] InterventionCompleted? Completion)
{
    public bool IsCompleted => Completion is not null;
}

/// <summary>A role's framework: the notes, and the tight items its schools' roles are checked against.</summary>
[GenerateSerializer, Immutable]
public sealed record RoleFramework(
    [property: Id(0)] ImmutableArray<string> Tight,
    [property: Id(1)] ImmutableArray<string> Loose,
    [property: Id(2)] DateTimeOffset SetAt)
{
    [Id(3)]
    public string? RoleTypeId { get; init; }

    [Id(4)]
    public decimal? MinimumHoursPerWeek { get; init; }

    [Id(5)]
    public SelectionProcess? RequiredSelection { get; init; }

    [Id(6)]
    public RoleSupervisor? RequiredSupervisor { get; init; }
}

/// <summary>An answer to a key question, in the cycle and phase it was given in.</summary>
[GenerateSerializer, Immutable]
public sealed record QuestionAnswer(
    [property: Id(0)] KeyQuestion Question,
    [property: Id(1)] int Cycle,
    [property: Id(2)] Phase Phase,
    [property: Id(3)] string Answer,
    [property: Id(4)] string Evidence,
    [property: Id(5)] DateTimeOffset AnsweredAt);

/// <summary>
/// An initiative as its events have made it: a fold of its stream. Replaced values (the context, a measure's latest
/// value, a role's framework) keep the one that happened last, whatever order the history was entered in.
/// </summary>
[GenerateSerializer, Immutable]
[SnapshotFormat(5)]
public sealed record InitiativeState(
    [property: Id(0)] string Name,
    [property: Id(1)] Sponsor Sponsor,
    [property: Id(2)] string Purpose,
    [property: Id(3)] ImmutableArray<string> Priorities,
    [property: Id(4)] DateTimeOffset LaunchedAt,
    [property: Id(5)] Phase Phase,
    [property: Id(6)] ImmutableDictionary<string, string> Stakeholders,
    [property: Id(7)] ContextAssessed? Context,
    [property: Id(8)] ImmutableDictionary<string, MeasureState> Measures,
    [property: Id(9)] ImmutableDictionary<string, RoleFramework> RoleFrameworks,
    [property: Id(10)] ImmutableDictionary<string, DateTimeOffset> EnrolledSchools,
    [property: Id(11)] ImmutableDictionary<string, InterventionState> Interventions)
{
    /// <summary>Which run through the phases the initiative is in: the first, or one begun by Planning after Assessment.</summary>
    [Id(12)]
    public int Cycle { get; init; } = 1;

    /// <summary>Every answer to a key question, in the order given.</summary>
    [Id(13)]
    public ImmutableArray<QuestionAnswer> Answers { get; init; } = [];

    /// <summary>The phase that follows the current one: after Assessment, the next cycle's Planning.</summary>
    public Phase NextPhase => Phase == Phase.Assessment ? Phase.Planning : Phase + 1;

    /// <summary>The role types the initiative's district added, by type id.</summary>
    [Id(14)]
    public ImmutableDictionary<string, RoleType> RoleTypes { get; init; } = ImmutableDictionary<string, RoleType>.Empty;
}
