using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;

namespace LearningOrg.Domain.Schools;

/// <summary>How far a school has come from a flat hierarchy towards shared leadership.</summary>
public enum LeadershipStage
{
    [Display(Name = "Flat")] Flat,
    [Display(Name = "Emerging")] Emerging,
    [Display(Name = "Developing")] Developing,
    [Display(Name = "Shared")] Shared,
}

/// <summary>Who decided a feature of a teacher-leader role: the district ("tight") or the school ("loose").</summary>
public enum DecidedAt
{
    [Display(Name = "The district or system (tight)")] System,
    [Display(Name = "The school (loose)")] School,
}

/// <summary>Who took a decision, from the principal alone to the whole staff.</summary>
public enum DecisionMode
{
    [Display(Name = "Principal alone")] PrincipalAlone,
    [Display(Name = "Principal consulted")] PrincipalConsulted,
    [Display(Name = "Shared")] Shared,
    [Display(Name = "Teacher-led")] TeacherLed,
    [Display(Name = "Staff consensus")] StaffConsensus,
}

/// <summary>What a role's definition and each of its revisions say of it: the whole job description.</summary>
public interface IJobDescription
{
    string Title { get; }
    string Category { get; }
    ImmutableArray<string> Commitments { get; }
    ImmutableArray<string> Expectations { get; }
    decimal HoursPerWeek { get; }
    int Seats { get; }
    DecidedAt DecidedAt { get; }
    string? RoleTypeId { get; }
    string? Purpose { get; }
    string? Qualifications { get; }
    RoleSupervisor? SupervisedBy { get; }
    string? Support { get; }
    SelectionProcess? Selection { get; }
    string? Term { get; }
    string? Compensation { get; }
}

/// <summary>An event in a school's stream.</summary>
[GenerateSerializer]
public abstract record SchoolEvent : DomainEvent;

[GenerateSerializer, Alias("SchoolRegistered.v1")]
[Meaning("A school is known to the system; its stream begins.")]
[Command(CommandAttribute.Creation, "Register a school")]
public sealed record SchoolRegistered(
    [property: Id(0)] string Name,
    [property: Id(1)] string District,
    [property: Id(2)] int StaffCount) : SchoolEvent;

[GenerateSerializer, Alias("StaffCountChanged.v1")]
[Meaning("The number of staff changed. A value entered late does not replace a more recent one.")]
[Command("staff-count", "Record a change in the number of staff")]
public sealed record StaffCountChanged([property: Id(0)] int StaffCount) : SchoolEvent;

/// <summary>The school's side of a teacher's registration or arrival; recorded by the teacher's grain, never directly.</summary>
[GenerateSerializer, Alias("TeacherJoinedStaff.v1"), FollowUpOnly("TeacherRegistered", "TeacherMovedSchool")]
[Meaning("A teacher joined the staff. Written by the system when a teacher registers or moves here.")]
public sealed record TeacherJoinedStaff([property: Id(0), TeacherReference] string TeacherId) : SchoolEvent;

/// <summary>
/// A teacher left the staff: recorded by the school (leaving the profession, say), or as the school's side of the
/// teacher's move.
/// </summary>
[GenerateSerializer, Alias("TeacherLeftStaff.v1")]
[Meaning("A teacher left the staff: recorded by the school (leaving the profession) or by the system when a teacher moves.")]
[Command("staff-departures", "Record that a teacher left the staff (teachers join by registering, and move with /api/teachers/{id}/moves)")]
public sealed record TeacherLeftStaff([property: Id(0), TeacherReference] string TeacherId) : SchoolEvent;

[GenerateSerializer, Alias("LeadershipStageAssessed.v1")]
[Meaning("The school's leadership stage was assessed.")]
[Command("stage-assessments", "Record an assessment of the school's leadership stage")]
public sealed record LeadershipStageAssessed(
    [property: Id(0)] LeadershipStage Stage,
    [property: Id(1)] string Evidence,
    [property: Id(2), PersonalName] string AssessedBy) : SchoolEvent;

/// <summary>
/// A teacher-leader role's job description: what the role commits to and what is expected of it.
/// <see cref="DecidedAt"/> records whether the district fixed it ("tight") or the school chose it ("loose").
/// <see cref="RoleKind"/> tells teacher leadership from an administrative appointment; a definition stored without it
/// reads as teacher leadership, which is what every role defined here meant until the kind could be recorded. When a
/// <see cref="RoleTypeId"/> is given the kind is the type's: the role records it as its type says, and a kind sent that
/// contradicts the type is refused. The fields after the kind complete the job description; definitions stored before
/// them read with each empty ("not recorded").
/// </summary>
[GenerateSerializer, Alias("TeacherLeaderRoleDefined.v1")]
[Meaning("A teacher-leader role was defined: its type, commitments, expectations, time and seats, and the rest of its job description (purpose, qualifications, supervision, support, selection, term, compensation).")]
[Command("roles", "Define a teacher-leader role: its type, commitments, expectations, hours, seats, who decided it and its job description")]
public sealed record TeacherLeaderRoleDefined(
    [property: Id(0)] string RoleId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Category,
    [property: Id(3)] ImmutableArray<string> Commitments,
    [property: Id(4)] ImmutableArray<string> Expectations,
    [property: Id(5)] decimal HoursPerWeek,
    [property: Id(6)] int Seats,
    [property: Id(7)] DecidedAt DecidedAt,
    [property: Id(8)] RoleKind RoleKind = RoleKind.TeacherLeadership,
    [property: Id(9), RoleTypeReference] string? RoleTypeId = null,
    [property: Id(10)] string? Purpose = null,
    [property: Id(11)] string? Qualifications = null,
    [property: Id(12)] RoleSupervisor? SupervisedBy = null,
    [property: Id(13), PersonalName] string? Support = null,
    [property: Id(14)] SelectionProcess? Selection = null,
    [property: Id(15)] string? Term = null,
    [property: Id(16)] string? Compensation = null) : SchoolEvent, IJobDescription;

/// <summary>
/// A new revision of a teacher-leader role's job description, whole: what it says replaces what the role said until
/// then, and the role keeps every revision. A revision may change the role's type, but not its kind: a teacher-leader
/// role does not become an administrative appointment by revision (define a new role instead).
/// </summary>
[GenerateSerializer, Alias("RoleRevised.v1")]
[Meaning("A teacher-leader role's job description was revised; the role keeps each revision, and its holders.")]
[Command("role-revisions", "Revise a teacher-leader role's job description: a new revision replaces its commitments, expectations, hours, seats and who decided it")]
public sealed record RoleRevised(
    [property: Id(0)] string RoleId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Category,
    [property: Id(3)] ImmutableArray<string> Commitments,
    [property: Id(4)] ImmutableArray<string> Expectations,
    [property: Id(5)] decimal HoursPerWeek,
    [property: Id(6)] int Seats,
    [property: Id(7)] DecidedAt DecidedAt,
    [property: Id(8), RoleTypeReference] string? RoleTypeId = null,
    [property: Id(9)] string? Purpose = null,
    [property: Id(10)] string? Qualifications = null,
    [property: Id(11)] RoleSupervisor? SupervisedBy = null,
    [property: Id(12), PersonalName] string? Support = null,
    [property: Id(13)] SelectionProcess? Selection = null,
    [property: Id(14)] string? Term = null,
    [property: Id(15)] string? Compensation = null) : SchoolEvent, IJobDescription;

[GenerateSerializer, Alias("TeacherLeaderRoleRetired.v1")]
[Meaning("A role was retired; it can no longer be assigned.")]
[Command("role-retirements", "Retire a teacher-leader role")]
public sealed record TeacherLeaderRoleRetired(
    [property: Id(0)] string RoleId,
    [property: Id(1)] string Reason) : SchoolEvent;

[GenerateSerializer, Alias("RoleAssigned.v1")]
[Meaning("A teacher on the staff took a seat of a role (the teacher's stream records RoleTaken).")]
[Command("role-assignments", "Assign a teacher on the staff to a role with a free seat (also recorded on the teacher)")]
public sealed record RoleAssigned(
    [property: Id(0)] string RoleId,
    [property: Id(1), TeacherReference, Touches(AggregateKind.Teacher)] string TeacherId) : SchoolEvent;

[GenerateSerializer, Alias("RoleVacated.v1")]
[Meaning("A teacher left a role (the teacher's stream records RoleLeft). The system records one when the holder had moved to another school before the school heard of the move.")]
[Command("role-vacancies", "Record that a teacher left a role (also recorded on the teacher)")]
public sealed record RoleVacated(
    [property: Id(0)] string RoleId,
    [property: Id(1), TeacherReference, Touches(AggregateKind.Teacher)] string TeacherId,
    [property: Id(2)] string Reason) : SchoolEvent;

[GenerateSerializer, Alias("DecisionRecorded.v1")]
[Meaning("A decision, who took part in it and how it was taken.")]
[Command("decisions", "Record a decision, who took it and how")]
public sealed record DecisionRecorded(
    [property: Id(0)] string DecisionId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Area,
    [property: Id(3)] DecisionMode Mode,
    [property: Id(4), TeacherReference] ImmutableArray<string> Participants,
    [property: Id(5)] bool EquityFocus,
    [property: Id(6)] string Rationale) : SchoolEvent;

/// <summary>A rating (1 to 4) of one of the school conditions that support teacher leadership.</summary>
[GenerateSerializer, Alias("SchoolConditionAssessed.v1")]
[Meaning("A school condition for teacher leadership was rated.")]
[Command("condition-assessments", "Rate (1-4) a school condition for teacher leadership")]
public sealed record SchoolConditionAssessed(
    [property: Id(0)] string Condition,
    [property: Id(1)] int Rating,
    [property: Id(2)] string Strategy) : SchoolEvent;

/// <summary>What the principal did to support teacher leaders.</summary>
[GenerateSerializer, Alias("PrincipalMoveRecorded.v1")]
[Meaning("Something the principal did to support teacher leaders.")]
[Command("principal-moves", "Record what the principal did to support teacher leaders")]
public sealed record PrincipalMoveRecorded(
    [property: Id(0)] string Move,
    [property: Id(1), TeacherReference] string? TeacherId,
    [property: Id(2)] string Note) : SchoolEvent;

[GenerateSerializer, Alias("LeadershipDiscussionHeld.v1")]
[Meaning("A discussion about leadership, who took part and what was agreed.")]
[Command("leadership-discussions", "Record a discussion about leadership and its agreements")]
public sealed record LeadershipDiscussionHeld(
    [property: Id(0)] string Topic,
    [property: Id(1), TeacherReference] ImmutableArray<string> Participants,
    [property: Id(2)] ImmutableArray<string> Agreements) : SchoolEvent;
