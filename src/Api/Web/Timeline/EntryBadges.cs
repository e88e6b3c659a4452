using System.Text.Json;
using LearningOrg.Domain.Schools;
using LearningOrg.ReadModels;

namespace LearningOrg.Api.Web.Timeline;

/// <summary>
/// A badge on a timeline entry. The text says everything (colour only repeats it); <paramref name="Prefix"/> is read
/// out before it by screen readers, e.g. "Decision mode:".
/// </summary>
/// <param name="Css">Extra classes: the family (mode, role, level, stage, outcome) and the value.</param>
/// <param name="Level">For breaking-ranks levels: drawn with the level's swatch.</param>
public sealed record EntryBadge(string Text, string Css, string? Prefix = null, BreakingRanksLevel? Level = null);

/// <summary>The badges a timeline entry shows: decision modes, roles filled and vacated, breaking-ranks levels and outcomes, stages.</summary>
public static class EntryBadges
{
    public static IReadOnlyList<EntryBadge> For(TimelineEntry entry) => entry.Kind switch
    {
        "DecisionRecorded" when Enum<DecisionMode>(entry.Data, "mode") is { } mode =>
            [new(TimelineDisplay.Mode(mode), $"badge--mode badge--mode-{TimelineDisplay.Slug(mode.ToString())}", "Decision mode:")],
        "RoleAssigned" or "RoleTaken" => [new("Role filled", "badge--role badge--role-filled")],
        "RoleVacated" or "RoleLeft" => [new("Role vacated", "badge--role badge--role-vacated")],
        "TeacherLeaderRoleDefined" => [new("Role defined", "badge--role badge--role-defined")],
        "TeacherLeaderRoleRetired" => [new("Role retired", "badge--role badge--role-retired")],
        "BreakingRanksEpisodeOpened" or "BreakingRanksEpisodeEscalated" when Enum<BreakingRanksLevel>(entry.Data, "level") is { } level =>
            [new(TimelineDisplay.Level(level), "badge--level", "Breaking-ranks level:", level)],
        "BreakingRanksEpisodeResolved" when Enum<EpisodeOutcome>(entry.Data, "outcome") is { } outcome =>
            [new(TimelineDisplay.Outcome(outcome), "badge--outcome", "Outcome:")],
        "LeadershipStageAssessed" when Enum<LeadershipStage>(entry.Data, "stage") is { } stage =>
            [new(stage.ToString(), "badge--stage", "Stage:")],
        _ => [],
    };

    private static T? Enum<T>(JsonElement data, string property)
        where T : struct, Enum =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && System.Enum.TryParse<T>(value.GetString(), ignoreCase: false, out var parsed)
            ? parsed
            : null;
}
