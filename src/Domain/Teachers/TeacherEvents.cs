using System.Collections.Immutable;
using System.ComponentModel.DataAnnotations;
using LearningOrg.Domain.Common;

namespace LearningOrg.Domain.Teachers;

/// <summary>Informal acts of leadership, the ones a colleague can observe without any title being given.</summary>
public enum LeadershipAct
{
    [Display(Name = "Asked a critical question")] AskedCriticalQuestion,
    [Display(Name = "Looked at student work with colleagues")] LookedAtStudentWork,
    [Display(Name = "Shared an instructional decision")] SharedInstructionalDecision,
    [Display(Name = "Modelled a practice")] ModeledPractice,
    [Display(Name = "Something else")] Other,
}

/// <summary>The seven domains of the Teacher Leader Model Standards.</summary>
public enum LeadershipDomain
{
    [Display(Name = "Collaborative culture")] CollaborativeCulture,
    [Display(Name = "Research")] Research,
    [Display(Name = "Professional learning")] ProfessionalLearning,
    [Display(Name = "Instruction")] Instruction,
    [Display(Name = "Assessment and data")] AssessmentAndData,
    [Display(Name = "Families and community")] FamiliesAndCommunity,
    [Display(Name = "Advocacy")] Advocacy,
}

/// <summary>An event in a teacher's stream.</summary>
[GenerateSerializer]
public abstract record TeacherEvent : DomainEvent;

/// <summary>A teacher is known to the system; recording it also puts them on the school's staff.</summary>
[GenerateSerializer, Alias("TeacherRegistered.v1")]
[Meaning("A teacher is known to the system; the school's stream records TeacherJoinedStaff.")]
[Command(CommandAttribute.Creation, "Register a teacher (also puts them on their school's staff)")]
public sealed record TeacherRegistered(
    [property: Id(0), PersonalName] string Name,
    [property: Id(1), Touches(AggregateKind.School)] string SchoolId,
    [property: Id(2)] ImmutableArray<string> Subjects,
    [property: Id(3)] ImmutableArray<string> Grades,
    [property: Id(4)] int YearsExperience) : TeacherEvent;

/// <summary>A move from one school's staff to another's; recording it updates both schools.</summary>
[GenerateSerializer, Alias("TeacherMovedSchool.v1")]
[Meaning("A teacher moved from one school's staff to another's (both schools' streams record it).")]
[Command("moves", "Record a move to another school (updates both schools' staff)")]
public sealed record TeacherMovedSchool(
    [property: Id(0), Touches(AggregateKind.School)] string FromSchoolId,
    [property: Id(1), Touches(AggregateKind.School)] string ToSchoolId) : TeacherEvent;

/// <summary>The teacher's side of a school's <c>RoleAssigned</c>; recorded by the school's grain, never directly.</summary>
[GenerateSerializer, Alias("RoleTaken.v1"), FollowUpOnly("RoleAssigned")]
[Meaning("The teacher's side of RoleAssigned, written by the system.")]
public sealed record RoleTaken(
    [property: Id(0)] string SchoolId,
    [property: Id(1)] string RoleId,
    [property: Id(2)] string Title) : TeacherEvent;

/// <summary>The teacher's side of a school's <c>RoleVacated</c>; recorded by the school's grain, never directly.</summary>
[GenerateSerializer, Alias("RoleLeft.v1"), FollowUpOnly("RoleVacated")]
[Meaning("The teacher's side of RoleVacated, written by the system.")]
public sealed record RoleLeft(
    [property: Id(0)] string SchoolId,
    [property: Id(1)] string RoleId,
    [property: Id(2)] string Reason) : TeacherEvent;

[GenerateSerializer, Alias("ProfessionalLearningCompleted.v1")]
[Meaning("The teacher completed professional learning.")]
[Command("professional-learning", "Record completed professional learning")]
public sealed record ProfessionalLearningCompleted(
    [property: Id(0)] string Program,
    [property: Id(1)] decimal Hours,
    [property: Id(2)] string Focus) : TeacherEvent;

[GenerateSerializer, Alias("InformalLeadershipObserved.v1")]
[Meaning("A colleague or the principal observed an informal act of leadership, one without a title.")]
[Command("informal-leadership", "Record an observed informal act of leadership")]
public sealed record InformalLeadershipObserved(
    [property: Id(0)] LeadershipAct Act,
    [property: Id(1)] LeadershipDomain Domain,
    [property: Id(2)] string Note,
    [property: Id(3), PersonalName] string ObservedBy) : TeacherEvent;

/// <summary>The teacher joined a team, professional learning community or network.</summary>
[GenerateSerializer, Alias("CollaborationJoined.v1")]
[Meaning("The teacher joined a team, professional learning community or network.")]
[Command("collaborations", "Record that the teacher joined a team, PLC or network")]
public sealed record CollaborationJoined([property: Id(0)] string Community) : TeacherEvent;
