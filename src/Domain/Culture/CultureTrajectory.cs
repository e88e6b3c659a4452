using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Domain.Culture;

/// <summary>
/// A school's culture indicators over time, computed from its history alone: the school's own events (teacher id
/// null) and the events of its teachers while they were on its staff (teacher id set). The history is put in the
/// order things happened: by occurredAt, then in the order given. The formulas are in docs/indicators.md.
/// </summary>
public sealed class CultureTrajectory
{
    /// <summary>The window of the shared decision share and of active teacher leaders.</summary>
    public static readonly TimeSpan RecentWindow = TimeSpan.FromDays(90);

    /// <summary>The window of decision centralization.</summary>
    public static readonly TimeSpan CentralizationWindow = TimeSpan.FromDays(180);

    private static readonly DecisionMode[] SharedModes = [DecisionMode.Shared, DecisionMode.TeacherLed, DecisionMode.StaffConsensus];

    private readonly ImmutableArray<(string? TeacherId, DomainEvent Event)> history;

    public CultureTrajectory(IEnumerable<(string? TeacherId, DomainEvent Event)> history)
    {
        // OrderBy is stable: events of the same instant keep the order they were given in.
        this.history = [.. history.OrderBy(h => h.Event.OccurredAt)];
        RegisteredAt = this.history.Select(h => h.Event).OfType<SchoolRegistered>().FirstOrDefault()?.OccurredAt;
        FirstRoleAssignedAt = this.history.Select(h => h.Event).OfType<RoleAssigned>().FirstOrDefault()?.OccurredAt;
        LastEventAt = this.history.IsEmpty ? null : this.history[^1].Event.OccurredAt;
    }

    /// <summary>When the school was registered; null when the history holds no registration.</summary>
    public DateTimeOffset? RegisteredAt { get; }

    /// <summary>When the school's first teacher-leader seat was filled; null when none ever was.</summary>
    public DateTimeOffset? FirstRoleAssignedAt { get; }

    /// <summary>When the latest event of the history happened.</summary>
    public DateTimeOffset? LastEventAt { get; }

    /// <summary>The indicators at the end of each month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IReadOnlyList<CulturePoint> Monthly(DateOnly from, DateOnly to) =>
        [.. Months.Range(from, to).Select(month => At(Months.Start(month), Months.End(month)))];

    /// <summary>
    /// The indicators at <paramref name="at"/>, with the breaking-ranks counts of the period from
    /// <paramref name="periodStart"/> to <paramref name="at"/>.
    /// </summary>
    public CulturePoint At(DateTimeOffset periodStart, DateTimeOffset at)
    {
        int? staffCount = null;
        var holders = new Dictionary<(string Role, string Teacher), DateTimeOffset>();
        var heldSpells = new List<(string Teacher, DateTimeOffset From, DateTimeOffset? To)>();
        var decisions = new List<DecisionRecorded>();
        var informalActs = new List<(string Teacher, DateTimeOffset At)>();
        var episodes = new Dictionary<string, Episode>(StringComparer.Ordinal);
        LeadershipStageAssessed? stage = null;

        foreach (var (teacherId, @event) in history)
        {
            if (@event.OccurredAt > at)
            {
                break;
            }
            switch (@event)
            {
                case SchoolRegistered e:
                    staffCount = e.StaffCount;
                    break;
                case StaffCountChanged e:
                    staffCount = e.StaffCount;
                    break;
                case RoleAssigned e:
                    holders[(e.RoleId, e.TeacherId)] = e.OccurredAt;
                    break;
                case RoleVacated e when holders.Remove((e.RoleId, e.TeacherId), out var since):
                    heldSpells.Add((e.TeacherId, since, e.OccurredAt));
                    break;
                case DecisionRecorded e:
                    decisions.Add(e);
                    break;
                case InformalLeadershipObserved e when teacherId is not null:
                    informalActs.Add((teacherId, e.OccurredAt));
                    break;
                case BreakingRanksEpisodeOpened e:
                    episodes[e.EpisodeId] = new Episode(e.OccurredAt, e.Level, null);
                    break;
                case BreakingRanksEpisodeEscalated e when episodes.TryGetValue(e.EpisodeId, out var episode):
                    episodes[e.EpisodeId] = episode with { Level = e.Level > episode.Level ? e.Level : episode.Level };
                    break;
                case BreakingRanksEpisodeResolved e when episodes.TryGetValue(e.EpisodeId, out var episode):
                    episodes[e.EpisodeId] = episode with { ResolvedAt = e.OccurredAt };
                    break;
                case LeadershipStageAssessed e:
                    stage = e;
                    break;
                default:
                    break;
            }
        }
        heldSpells.AddRange(holders.Select(h => (h.Key.Teacher, h.Value, (DateTimeOffset?)null)));

        var filledSeats = holders.Count;
        var density = staffCount is > 0 ? Round((double)filledSeats / staffCount.Value) : (double?)null;

        var recentFrom = at - RecentWindow;
        var recent = decisions.Where(d => d.OccurredAt > recentFrom).ToList();
        var sharedRecent = recent.Count(d => SharedModes.Contains(d.Mode));
        var share = recent.Count == 0 ? (double?)null : Round((double)sharedRecent / recent.Count);

        var centralizationWindow = decisions.Where(d => d.OccurredAt > at - CentralizationWindow).ToList();
        var graph = CoParticipation.Of(centralizationWindow);
        var centralization = graph.Centralization() is { } c ? Round(c) : (double?)null;

        var active = heldSpells.Where(s => s.To is null || s.To > recentFrom).Select(s => s.Teacher)
            .Concat(informalActs.Where(a => a.At > recentFrom).Select(a => a.Teacher))
            .Distinct(StringComparer.Ordinal)
            .Count();

        return new CulturePoint(
            Months.Of(periodStart),
            at,
            staffCount,
            filledSeats,
            density,
            recent.Count,
            sharedRecent,
            share,
            centralizationWindow.Count,
            graph.Nodes,
            centralization,
            active,
            BreakingRanks(episodes.Values, periodStart),
            stage?.Stage,
            stage?.OccurredAt,
            StageThresholds.Derive(density, share, centralization));
    }

    /// <summary>The median of some values: the middle one, or the mean of the two middle ones; null when there are none.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static BreakingRanksSummary BreakingRanks(IReadOnlyCollection<Episode> episodes, DateTimeOffset periodStart)
    {
        // Every episode here was opened by the period's end; ResolvedAt is set only when resolved by then.
        var resolved = episodes.Where(e => e.ResolvedAt is not null).ToList();
        var openDuringPeriod = episodes.Where(e => e.ResolvedAt is null || e.ResolvedAt >= periodStart).ToList();
        var median = Median(resolved.Select(e => (e.ResolvedAt!.Value - e.OpenedAt).TotalDays));
        return new BreakingRanksSummary(
            episodes.Count(e => e.OpenedAt >= periodStart),
            episodes.Count(e => e.ResolvedAt is null),
            resolved.Count(e => e.ResolvedAt >= periodStart),
            median is { } m ? Math.Round(m, 2) : null,
            openDuringPeriod.Count == 0 ? null : openDuringPeriod.Max(e => e.Level));
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private sealed record Episode(DateTimeOffset OpenedAt, BreakingRanksLevel Level, DateTimeOffset? ResolvedAt);
}
