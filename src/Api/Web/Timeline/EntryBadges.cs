using System.Text.Json;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
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
    public static IReadOnlyList<EntryBadge> For(TimelineEntry entry) => Event(entry) switch
    {
        DecisionRecorded e when Enum.IsDefined(e.Mode) =>
            [new(TimelineDisplay.Mode(e.Mode), $"badge--mode badge--mode-{TimelineDisplay.Slug(e.Mode.ToString())}", "Decision mode:")],
        RoleAssigned or RoleTaken => [new("Role filled", "badge--role badge--role-filled")],
        RoleVacated or RoleLeft => [new("Role vacated", "badge--role badge--role-vacated")],
        TeacherLeaderRoleDefined => [new("Role defined", "badge--role badge--role-defined")],
        TeacherLeaderRoleRetired => [new("Role retired", "badge--role badge--role-retired")],
        BreakingRanksEpisodeOpened { Level: var level } when Enum.IsDefined(level) =>
            [new(TimelineDisplay.Level(level), "badge--level", "Breaking-ranks level:", level)],
        BreakingRanksEpisodeEscalated { Level: var level } when Enum.IsDefined(level) =>
            [new(TimelineDisplay.Level(level), "badge--level", "Breaking-ranks level:", level)],
        BreakingRanksEpisodeDeescalated { Level: var level } when Enum.IsDefined(level) =>
            [new(TimelineDisplay.Level(level), "badge--level", "Breaking-ranks level:", level)],
        BreakingRanksEpisodeResolved e when Enum.IsDefined(e.Outcome) =>
            [new(TimelineDisplay.Outcome(e.Outcome), "badge--outcome", "Outcome:")],
        LeadershipStageAssessed e when Enum.IsDefined(e.Stage) =>
            [new(e.Stage.ToString(), "badge--stage", "Stage:")],
        _ => [],
    };

    /// <summary>The entry's data read back as its event, or null when its type is unknown or its data unreadable.</summary>
    private static DomainEvent? Event(TimelineEntry entry)
    {
        if (EventCatalog.Find(entry.Type) is not { } type || entry.Data.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        try
        {
            return TimelineProjection.ReadData(entry.Data, type.ClrType);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
