using System.Collections.Immutable;
using LearningOrg.Domain.Common;

namespace LearningOrg.Domain.Teachers;

[GenerateSerializer, Immutable]
public sealed record HeldRole(
    [property: Id(0)] string SchoolId,
    [property: Id(1)] string RoleId,
    [property: Id(2)] string Title,
    [property: Id(3)] DateTimeOffset Since)
{
    public string Key => TeacherState.RoleKey(SchoolId, RoleId);
}

/// <summary>A teacher as their events have made them: a fold of their stream.</summary>
/// <param name="AtSchoolSince">When the teacher joined <paramref name="SchoolId"/>'s staff: their registration or last move.</param>
[GenerateSerializer, Immutable]
[SnapshotFormat(3)]
public sealed record TeacherState(
    [property: Id(0), PersonalName] string Name,
    [property: Id(1)] string SchoolId,
    [property: Id(2)] ImmutableArray<string> Subjects,
    [property: Id(3)] ImmutableArray<string> Grades,
    [property: Id(4)] int YearsExperience,
    [property: Id(5)] DateTimeOffset RegisteredAt,
    [property: Id(6)] ImmutableDictionary<string, HeldRole> Roles,
    [property: Id(7)] int RolesEverTaken,
    [property: Id(8)] decimal ProfessionalLearningHours,
    [property: Id(9)] ImmutableDictionary<LeadershipDomain, int> InformalActsByDomain,
    [property: Id(10)] ImmutableArray<string> Collaborations,
    [property: Id(11)] DateTimeOffset LastEventAt,
    [property: Id(12)] DateTimeOffset AtSchoolSince)
{
    public static string RoleKey(string schoolId, string roleId) => $"{schoolId}/{roleId}";
}
