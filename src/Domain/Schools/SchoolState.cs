using System.Collections.Immutable;
using LearningOrg.Domain.Common;

namespace LearningOrg.Domain.Schools;

/// <summary>A spell on a school's staff; <see cref="To"/> is null while it lasts.</summary>
[GenerateSerializer, Immutable]
public sealed record Tenure([property: Id(0)] DateTimeOffset From, [property: Id(1)] DateTimeOffset? To = null)
{
    public bool Covers(DateTimeOffset at) => From <= at && (To is null || at < To);
}

/// <summary>A teacher-leader role.</summary>
/// <param name="Definition">The job description in force: as defined, with the latest revision's fields; its occurredAt stays the definition's.</param>
[GenerateSerializer, Immutable]
public sealed record RoleState(
    [property: Id(0)] TeacherLeaderRoleDefined Definition,
    [property: Id(1), TeacherKeys] ImmutableDictionary<string, DateTimeOffset> Holders,
    [property: Id(2)] DateTimeOffset? RetiredAt = null)
{
    /// <summary>Every revision of the job description since it was defined, in order.</summary>
    [Id(3)]
    public ImmutableArray<RoleRevised> Revisions { get; init; } = [];

    public int FreeSeats => Definition.Seats - Holders.Count;

    /// <summary>When the job description last changed: its latest revision, or its definition.</summary>
    public DateTimeOffset DescribedAt => Revisions.IsDefaultOrEmpty ? Definition.OccurredAt : Revisions[^1].OccurredAt;
}

[GenerateSerializer, Immutable]
public sealed record EpisodeState(
    [property: Id(0), TeacherReference] string TeacherId,
    [property: Id(1)] DateTimeOffset OpenedAt,
    [property: Id(2)] BreakingRanksLevel Level,
    [property: Id(3)] DateTimeOffset LastEventAt,
    [property: Id(4)] EpisodeOutcome? Outcome = null,
    [property: Id(5)] BreakingRanksLevel OpeningLevel = BreakingRanksLevel.SpeakingUp)
{
    public bool IsResolved => Outcome is not null;
}

[GenerateSerializer, Immutable]
public sealed record ConditionRating(
    [property: Id(0)] int Rating,
    [property: Id(1)] string Strategy,
    [property: Id(2)] DateTimeOffset AssessedAt);

/// <summary>
/// A school as its events have made it: a fold of its stream. Values that a later assessment replaces (staff count,
/// stage, condition ratings) keep the one that happened last, whatever order the history was entered in.
/// </summary>
[GenerateSerializer, Immutable]
[SnapshotFormat(5)]
public sealed record SchoolState(
    [property: Id(0)] string Name,
    [property: Id(1)] string District,
    [property: Id(2)] int StaffCount,
    [property: Id(3)] DateTimeOffset RegisteredAt,
    [property: Id(4), TeacherKeys] ImmutableDictionary<string, ImmutableArray<Tenure>> StaffHistory,
    [property: Id(5)] ImmutableDictionary<string, RoleState> Roles,
    [property: Id(6)] ImmutableDictionary<string, DecisionMode> Decisions,
    [property: Id(7)] ImmutableDictionary<string, EpisodeState> Episodes,
    [property: Id(8)] ImmutableDictionary<string, ConditionRating> Conditions,
    [property: Id(9)] LeadershipStage? Stage,
    [property: Id(10)] DateTimeOffset? StageAssessedAt,
    [property: Id(11)] int PrincipalMoves,
    [property: Id(12)] int LeadershipDiscussions,
    [property: Id(13)] DateTimeOffset StaffCountAt)
{
    /// <summary>Teachers on the staff now.</summary>
    public IEnumerable<string> StaffNow() => StaffHistory.Where(s => s.Value[^1].To is null).Select(s => s.Key);

    public bool IsOnStaff(string teacherId) =>
        StaffHistory.TryGetValue(teacherId, out var spells) && spells[^1].To is null;

    public bool WasOnStaffAt(string teacherId, DateTimeOffset at) =>
        StaffHistory.TryGetValue(teacherId, out var spells) && spells.Any(s => s.Covers(at));

    public IEnumerable<string> RolesHeldBy(string teacherId) =>
        Roles.Where(r => r.Value.Holders.ContainsKey(teacherId)).Select(r => r.Key);
}
