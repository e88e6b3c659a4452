using System.Collections.Immutable;
using LearningOrg.Domain.Common;

namespace LearningOrg.Domain.Teachers;

/// <summary>Informal acts of leadership, the ones a colleague can observe without any title being given.</summary>
public enum LeadershipAct { AskedCriticalQuestion, LookedAtStudentWork, SharedInstructionalDecision, ModeledPractice, Other }

/// <summary>The seven domains of the Teacher Leader Model Standards.</summary>
public enum LeadershipDomain
{
    CollaborativeCulture,
    Research,
    ProfessionalLearning,
    Instruction,
    AssessmentAndData,
    FamiliesAndCommunity,
    Advocacy,
}

/// <summary>An event in a teacher's stream.</summary>
[GenerateSerializer]
public abstract record TeacherEvent : DomainEvent;

/// <summary>A teacher is known to the system; recording it also puts them on the school's staff.</summary>
[GenerateSerializer, Alias("TeacherRegistered.v1")]
public sealed record TeacherRegistered(
    [property: Id(0), PersonalName] string Name,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] ImmutableArray<string> Subjects,
    [property: Id(3)] ImmutableArray<string> Grades,
    [property: Id(4)] int YearsExperience) : TeacherEvent;

/// <summary>A move from one school's staff to another's; recording it updates both schools.</summary>
[GenerateSerializer, Alias("TeacherMovedSchool.v1")]
public sealed record TeacherMovedSchool(
    [property: Id(0)] string FromSchoolId,
    [property: Id(1)] string ToSchoolId) : TeacherEvent;

/// <summary>The teacher's side of a school's <c>RoleAssigned</c>; recorded by the school's grain, never directly.</summary>
[GenerateSerializer, Alias("RoleTaken.v1"), FollowUpOnly("RoleAssigned")]
public sealed record RoleTaken(
    [property: Id(0)] string SchoolId,
    [property: Id(1)] string RoleId,
    [property: Id(2)] string Title) : TeacherEvent;

/// <summary>The teacher's side of a school's <c>RoleVacated</c>; recorded by the school's grain, never directly.</summary>
[GenerateSerializer, Alias("RoleLeft.v1"), FollowUpOnly("RoleVacated")]
public sealed record RoleLeft(
    [property: Id(0)] string SchoolId,
    [property: Id(1)] string RoleId,
    [property: Id(2)] string Reason) : TeacherEvent;

[GenerateSerializer, Alias("ProfessionalLearningCompleted.v1")]
public sealed record ProfessionalLearningCompleted(
    [property: Id(0)] string Program,
    [property: Id(1)] decimal Hours,
    [property: Id(2)] string Focus) : TeacherEvent;

[GenerateSerializer, Alias("InformalLeadershipObserved.v1")]
public sealed record InformalLeadershipObserved(
    [property: Id(0)] LeadershipAct Act,
    [property: Id(1)] LeadershipDomain Domain,
    [property: Id(2)] string Note,
    [property: Id(3), PersonalName] string ObservedBy) : TeacherEvent;

/// <summary>The teacher joined a team, professional learning community or network.</summary>
[GenerateSerializer, Alias("CollaborationJoined.v1")]
public sealed record CollaborationJoined([property: Id(0)] string Community) : TeacherEvent;
