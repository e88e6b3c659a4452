using System.Collections.Immutable;
using LearningOrg.Domain.Common;

namespace LearningOrg.Domain.Initiatives;

/// <summary>Who runs a teacher-leadership initiative.</summary>
public enum Sponsor { State, District, School }

/// <summary>The toolkits' phases, taken in this order.</summary>
public enum Phase { Planning, Design, Implementation, Assessment }

public enum MeasureHorizon { ShortTerm, LongTerm }

/// <summary>An event in an initiative's stream.</summary>
[GenerateSerializer]
public abstract record InitiativeEvent : DomainEvent;

/// <summary>A state, district or school teacher-leadership initiative begins, in its Planning phase.</summary>
[GenerateSerializer, Alias("InitiativeLaunched.v1")]
public sealed record InitiativeLaunched(
    [property: Id(0)] string Name,
    [property: Id(1)] Sponsor Sponsor,
    [property: Id(2)] string Purpose,
    [property: Id(3)] ImmutableArray<string> Priorities) : InitiativeEvent;

[GenerateSerializer, Alias("StakeholderEngaged.v1")]
public sealed record StakeholderEngaged(
    [property: Id(0)] string Stakeholder,
    [property: Id(1)] string Role) : InitiativeEvent;

/// <summary>What the initiative can build on, and what stands in its way.</summary>
[GenerateSerializer, Alias("ContextAssessed.v1")]
public sealed record ContextAssessed(
    [property: Id(0)] ImmutableArray<string> Resources,
    [property: Id(1)] ImmutableArray<string> DataSystems,
    [property: Id(2)] ImmutableArray<string> FundingSources,
    [property: Id(3)] ImmutableArray<string> ExistingCollaboration,
    [property: Id(4)] ImmutableArray<string> TrustBarriers) : InitiativeEvent;

/// <summary>A measure of success, defined before implementation, with its baseline and target.</summary>
[GenerateSerializer, Alias("MeasureDefined.v1")]
public sealed record MeasureDefined(
    [property: Id(0)] string MeasureId,
    [property: Id(1)] string Name,
    [property: Id(2)] MeasureHorizon Horizon,
    [property: Id(3)] string Unit,
    [property: Id(4)] decimal Baseline,
    [property: Id(5)] decimal Target) : InitiativeEvent;

[GenerateSerializer, Alias("MeasureObserved.v1")]
public sealed record MeasureObserved(
    [property: Id(0)] string MeasureId,
    [property: Id(1)] decimal Value,
    [property: Id(2)] string Source) : InitiativeEvent;

/// <summary>Which features of a role the system decides ("tight") and which each school decides ("loose").</summary>
[GenerateSerializer, Alias("RoleFrameworkSet.v1")]
public sealed record RoleFrameworkSet(
    [property: Id(0)] string RoleTitle,
    [property: Id(1)] ImmutableArray<string> Tight,
    [property: Id(2)] ImmutableArray<string> Loose) : InitiativeEvent;

[GenerateSerializer, Alias("SchoolEnrolled.v1")]
public sealed record SchoolEnrolled([property: Id(0)] string SchoolId) : InitiativeEvent;

[GenerateSerializer, Alias("SchoolWithdrawn.v1")]
public sealed record SchoolWithdrawn([property: Id(0)] string SchoolId, [property: Id(1)] string Reason) : InitiativeEvent;

[GenerateSerializer, Alias("PhaseAdvanced.v1")]
public sealed record PhaseAdvanced([property: Id(0)] Phase Phase) : InitiativeEvent;

[GenerateSerializer, Alias("InterventionStarted.v1")]
public sealed record InterventionStarted(
    [property: Id(0)] string InterventionId,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Hypothesis) : InitiativeEvent;

[GenerateSerializer, Alias("InterventionCompleted.v1")]
public sealed record InterventionCompleted(
    [property: Id(0)] string InterventionId,
    [property: Id(1)] string Outcome,
    [property: Id(2)] string Evidence) : InitiativeEvent;
