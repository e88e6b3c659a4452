using LearningOrg.Domain.Schools;

namespace LearningOrg.ReadModels;

/// <summary>
/// A breaking-ranks episode from its opening to its resolution, with every escalation in between. Id
/// "{schoolId}/{episodeId}". How long it has been open depends on the reader's clock and is computed when read.
/// </summary>
/// <param name="OpeningLevel">The school's first reaction.</param>
/// <param name="HighestLevel">The highest level the episode reached.</param>
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
    string? ResolutionNote)
{
    public static string IdFor(string schoolId, string episodeId) => $"{schoolId}/{episodeId}";

    /// <summary>Whole days from opening to resolution, or to <paramref name="now"/> while open.</summary>
    public int DaysOpen(DateTimeOffset now) => Math.Max(0, (int)Math.Floor(((ResolvedAt ?? now) - OpenedAt).TotalDays));
}

public sealed record EpisodeEscalation(DateTimeOffset At, BreakingRanksLevel Level, string Note);
