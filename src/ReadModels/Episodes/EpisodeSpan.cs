using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;

namespace LearningOrg.ReadModels;

/// <summary>
/// A breaking-ranks episode from its opening to its resolution, with every change of its course, reaction and support in between. Id
/// "{schoolId}/{episodeId}". How long it has been open depends on the reader's clock and is computed when read.
/// </summary>
/// <param name="OpeningLevel">Where on the spectrum the episode's course started.</param>
/// <param name="Escalations">Every change of the course, up (an escalation) or down (a de-escalation), in order.</param>
/// <param name="HighestLevel">The highest level the episode reached.</param>
/// <param name="Act">What the teacher leader did.</param>
/// <param name="Level">Where the course is now.</param>
public sealed record EpisodeSpan(
    string Id,
    string SchoolId,
    string EpisodeId,
    string TeacherId,
    string Description,
    DateTimeOffset OpenedAt,
    BreakingRanksLevel OpeningLevel,
    EpisodeEscalation[] Escalations,
    BreakingRanksLevel HighestLevel,
    DateTimeOffset? ResolvedAt,
    EpisodeOutcome? Outcome,
    string? ResolutionNote,
    BreakingRanksAct Act,
    BreakingRanksLevel Level,
    EpisodeReaction[] Reactions,
    EpisodeSupport[] Supports)
{
    public static string IdFor(string schoolId, string episodeId) => $"{schoolId}/{episodeId}";

    /// <summary>Whole days from opening to resolution, or to <paramref name="now"/> while open.</summary>
    public int DaysOpen(DateTimeOffset now) => Math.Max(0, (int)Math.Floor(((ResolvedAt ?? now) - OpenedAt).TotalDays));
}

/// <summary>A change of an episode's course to <paramref name="Level"/>, higher or lower than before.</summary>
public sealed record EpisodeEscalation(DateTimeOffset At, BreakingRanksLevel Level, string Note);

/// <summary>A reaction to the teacher leader's step: who, by kind and reference, and how strongly.</summary>
public sealed record EpisodeReaction(
    DateTimeOffset At,
    ReactorKind ReactedBy,
    [property: TeacherReference] string? TeacherId,
    string? Team,
    ReactionIntensity Intensity,
    string Note);

public sealed record EpisodeSupport(DateTimeOffset At, SupportKind Kind, string Note);
