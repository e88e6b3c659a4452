using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Initiatives;

/// <summary>Who runs a teacher-leadership initiative.</summary>
public enum Sponsor
{
    [Display(Name = "The state")] State,
    [Display(Name = "The district")] District,
    [Display(Name = "The school")] School,
}

/// <summary>The toolkits' phases, taken in this order.</summary>
public enum Phase
{
    [Display(Name = "Planning")] Planning,
    [Display(Name = "Design")] Design,
    [Display(Name = "Implementation")] Implementation,
    [Display(Name = "Assessment")] Assessment,
}

public enum MeasureHorizon
{
    [Display(Name = "Short term")] ShortTerm,
    [Display(Name = "Long term")] LongTerm,
}

/// <summary>An event in an initiative's stream.</summary>
[GenerateSerializer]
public abstract record InitiativeEvent : DomainEvent;

/// <summary>A state, district or school teacher-leadership initiative begins, in its Planning phase.</summary>
[GenerateSerializer, Alias("InitiativeLaunched.v1")]
[Meaning("A state, district or school teacher-leadership initiative began, in its Planning phase.")]
[Command(CommandAttribute.Creation, "Launch an initiative with its purpose and priorities")]
public sealed record InitiativeLaunched(
    [property: Id(0)] string Name,
    [property: Id(1)] Sponsor Sponsor,
    [property: Id(2)] string Purpose,
    [property: Id(3)] ImmutableArray<string> Priorities) : InitiativeEvent;

[GenerateSerializer, Alias("StakeholderEngaged.v1")]
[Meaning("A stakeholder was engaged in the initiative.")]
[Command("stakeholders", "Record a stakeholder engaged and their role")]
public sealed record StakeholderEngaged(
    [property: Id(0)] string Stakeholder,
    [property: Id(1)] string Role) : InitiativeEvent;

/// <summary>What the initiative can build on, and what stands in its way.</summary>
[GenerateSerializer, Alias("ContextAssessed.v1")]
[Meaning("What the initiative can build on, and what stands in its way. A later assessment replaces an earlier one.")]
[Command("context-assessments", "Record the context: resources, data systems, funding, collaboration, trust barriers")]
public sealed record ContextAssessed(
    [property: Id(0)] ImmutableArray<string> Resources,
    [property: Id(1)] ImmutableArray<string> DataSystems,
    [property: Id(2)] ImmutableArray<string> FundingSources,
    [property: Id(3)] ImmutableArray<string> ExistingCollaboration,
    [property: Id(4)] ImmutableArray<string> TrustBarriers) : InitiativeEvent;

/// <summary>A measure of success, defined before implementation, with its baseline and target.</summary>
[GenerateSerializer, Alias("MeasureDefined.v1")]
[Meaning("A measure of success, with its baseline and target, defined before implementation.")]
[Command("measures", "Define a measure of success with baseline and target")]
public sealed record MeasureDefined(
    [property: Id(0)] string MeasureId,
    [property: Id(1)] string Name,
    [property: Id(2)] MeasureHorizon Horizon,
    [property: Id(3)] string Unit,
    [property: Id(4)] decimal Baseline,
    [property: Id(5)] decimal Target) : InitiativeEvent;

/// <summary>
/// A value of a measure, observed across the initiative or, with <see cref="SchoolId"/>, at one enrolled school. An
/// observation stored before schools could be named reads as one across the initiative.
/// </summary>
[GenerateSerializer, Alias("MeasureObserved.v1")]
[Meaning("A value of a measure was observed: at one enrolled school when schoolId is given, across the initiative when it is null.")]
[Command("measure-observations", "Record an observed value of a defined measure, at one enrolled school or across the initiative")]
public sealed record MeasureObserved(
    [property: Id(0)] string MeasureId,
    [property: Id(1)] decimal Value,
    [property: Id(2)] string Source,
    [property: Id(3), Touches(AggregateKind.School)] string? SchoolId = null) : InitiativeEvent;

/// <summary>
/// Which features of a role the system decides ("tight") and which each school decides ("loose"). Tight and loose are
/// notes in words; the tight items a school's role can be checked against are fields of their own (a minimum of hours,
/// a selection process, a supervisor), empty when the system does not fix them. The framework applies to the roles of
/// enrolled schools with its title, or of its type when <see cref="RoleTypeId"/> is given. Frameworks stored before
/// the checked items read with none.
/// </summary>
[GenerateSerializer, Alias("RoleFrameworkSet.v1")]
[Meaning("Which features of a role the system decides (tight) and which each school decides (loose); the checked tight items (minimum hours a week, selection process, supervisor) are flagged where an enrolled school's role of this title or type breaks them.")]
[Command("role-frameworks", "Set which features of a role are tight (system) and loose (school), and the tight items checked in enrolled schools")]
public sealed record RoleFrameworkSet(
    [property: Id(0)] string RoleTitle,
    [property: Id(1)] ImmutableArray<string> Tight,
    [property: Id(2)] ImmutableArray<string> Loose,
    [property: Id(3), RoleTypeReference] string? RoleTypeId = null,
    [property: Id(4)] decimal? MinimumHoursPerWeek = null,
    [property: Id(5)] SelectionProcess? RequiredSelection = null,
    [property: Id(6)] RoleSupervisor? RequiredSupervisor = null) : InitiativeEvent;

/// <summary>
/// The district running the initiative adds a role type of its own to the built-in catalog, for the roles of its
/// schools. The initiative owns it because an initiative is where a district sets how its schools' roles are framed
/// (<see cref="RoleFrameworkSet"/>); roles refer to it as <c>{initiativeId}/{typeId}</c>.
/// </summary>
[GenerateSerializer, Alias("RoleTypeAdded.v1")]
[Meaning("The district running the initiative added a role type of its own, with its group and whether it is teacher leadership or an administrative appointment; roles refer to it as initiative-id/type-id.")]
[Command("role-types", "Add a role type of the district's own to the catalog")]
public sealed record RoleTypeAdded(
    [property: Id(0)] string TypeId,
    [property: Id(1)] string Name,
    [property: Id(2)] RoleTypeGroup Group,
    [property: Id(3)] RoleKind RoleKind,
    [property: Id(4)] string Description) : InitiativeEvent;

[GenerateSerializer, Alias("SchoolEnrolled.v1")]
[Meaning("A school enrolled in the initiative.")]
[Command("enrolments", "Enrol a school")]
public sealed record SchoolEnrolled([property: Id(0), Touches(AggregateKind.School)] string SchoolId) : InitiativeEvent;

[GenerateSerializer, Alias("SchoolWithdrawn.v1")]
[Meaning("A school withdrew from the initiative.")]
[Command("withdrawals", "Withdraw an enrolled school")]
public sealed record SchoolWithdrawn([property: Id(0), Touches(AggregateKind.School)] string SchoolId, [property: Id(1)] string Reason) : InitiativeEvent;

/// <summary>The initiative entered its next phase; Planning after Assessment begins its next cycle.</summary>
[GenerateSerializer, Alias("PhaseAdvanced.v1")]
[Meaning("The initiative entered its next phase; Planning after Assessment begins the next cycle.")]
[Command("phases", "Advance to the next phase (Implementation needs a defined measure; after Assessment, Planning begins the next cycle)")]
public sealed record PhaseAdvanced([property: Id(0)] Phase Phase) : InitiativeEvent;

[GenerateSerializer, Alias("InterventionStarted.v1")]
[Meaning("An intervention began in an enrolled school.")]
[Command("interventions", "Start an intervention in an enrolled school")]
public sealed record InterventionStarted(
    [property: Id(0)] string InterventionId,
    [property: Id(1), Touches(AggregateKind.School)] string SchoolId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Hypothesis) : InitiativeEvent;

[GenerateSerializer, Alias("InterventionCompleted.v1")]
[Meaning("An intervention ended, with its outcome.")]
[Command("intervention-completions", "Complete an intervention with its outcome and evidence")]
public sealed record InterventionCompleted(
    [property: Id(0)] string InterventionId,
    [property: Id(1)] string Outcome,
    [property: Id(2)] string Evidence) : InitiativeEvent;

/// <summary>
/// An answer to one of the toolkits' key questions, with its evidence, given in the phase and cycle the initiative is
/// in when it is recorded. A later answer to the same question adds to the earlier ones.
/// </summary>
[GenerateSerializer, Alias("KeyQuestionAnswered.v1")]
[Meaning("One of the toolkits' key questions was answered, with evidence, in the initiative's current phase and cycle.")]
[Command("key-question-answers", "Answer one of the toolkits' key questions, with the evidence for the answer")]
public sealed record KeyQuestionAnswered(
    [property: Id(0)] KeyQuestion Question,
    [property: Id(1)] string Answer,
    [property: Id(2)] string Evidence) : InitiativeEvent;
