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
    /// <summary>The one window of the decision indicators and of active teacher leaders: two school terms.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(180);

    /// <summary>The window of the episodes whose time to resolution is estimated: a year.</summary>
    public static readonly TimeSpan EpisodeWindow = TimeSpan.FromDays(365);

    private static readonly DecisionMode[] SharedModes = [DecisionMode.Shared, DecisionMode.TeacherLed, DecisionMode.StaffConsensus];

    /// <summary>Whether a decision taken this way counts as shared: with teachers, led by them or by staff consensus.</summary>
    public static bool IsShared(DecisionMode mode) => SharedModes.Contains(mode);

    private readonly ImmutableArray<(string? TeacherId, DomainEvent Event)> history;

    public CultureTrajectory(IEnumerable<(string? TeacherId, DomainEvent Event)> history)
    {
        // OrderBy is stable: events of the same instant keep the order they were given in.
        this.history = [.. history.OrderBy(h => h.Event.OccurredAt)];
        var events = this.history.Select(h => h.Event).ToList();
        RegisteredAt = events.OfType<SchoolRegistered>().FirstOrDefault()?.OccurredAt;
        var administrative = events.OfType<TeacherLeaderRoleDefined>()
            .Where(d => d.RoleKind == RoleKind.Administrative).Select(d => d.RoleId).ToHashSet(StringComparer.Ordinal);
        FirstRoleAssignedAt = events.OfType<RoleAssigned>().FirstOrDefault(a => !administrative.Contains(a.RoleId))?.OccurredAt;
        FirstSharedDecisionAt = events.OfType<DecisionRecorded>().FirstOrDefault(d => IsShared(d.Mode))?.OccurredAt;
        LastEventAt = this.history.IsEmpty ? null : this.history[^1].Event.OccurredAt;
    }

    /// <summary>When the school was registered; null when the history holds no registration.</summary>
    public DateTimeOffset? RegisteredAt { get; }

    /// <summary>When the school's first teacher-leadership seat was filled; null when none ever was.</summary>
    public DateTimeOffset? FirstRoleAssignedAt { get; }

    /// <summary>When the school first took a decision Shared, TeacherLed or by StaffConsensus; null when it never did.</summary>
    public DateTimeOffset? FirstSharedDecisionAt { get; }

    /// <summary>When the latest event of the history happened.</summary>
    public DateTimeOffset? LastEventAt { get; }

    /// <summary>
    /// Each stage assessment with the stage the indicators pointed to at its instant, in the order they happened: the
    /// pairs of <see cref="StageAgreement"/>.
    /// </summary>
    public IEnumerable<(LeadershipStage Assessed, LeadershipStage Derived)> AssessedAgainstDerived() =>
        history.Select(h => h.Event).OfType<LeadershipStageAssessed>()
            .Select(e => (e.Stage, At(Months.Start(Months.Of(e.OccurredAt)), e.OccurredAt).DerivedStage));

    /// <summary>
    /// The first month whose month-end indicators every later month repeats, but for their Month and At, when the
    /// latest event lies in <paramref name="lastEventMonth"/>: by its end the longest trailing window
    /// (<see cref="EpisodeWindow"/>, longer than <see cref="Window"/>) has passed every event, and no event falls in
    /// its period; open episodes and held roles stay as they are.
    /// </summary>
    public static DateOnly SettledMonth(DateOnly lastEventMonth)
    {
        var end = Months.End(lastEventMonth);
        return end > DateTimeOffset.MaxValue - EpisodeWindow ? Months.Of(DateTimeOffset.MaxValue) : Months.Of(end + EpisodeWindow);
    }

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
        var onStaff = new HashSet<string>(StringComparer.Ordinal);
        var administrative = new HashSet<string>(StringComparer.Ordinal);
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
                case TeacherJoinedStaff e when teacherId is null:
                    onStaff.Add(e.TeacherId);
                    break;
                case TeacherLeftStaff e when teacherId is null:
                    onStaff.Remove(e.TeacherId);
                    break;
                case TeacherLeaderRoleDefined e when e.RoleKind == RoleKind.Administrative:
                    administrative.Add(e.RoleId);
                    break;
                case RoleAssigned e:
                    holders[(e.RoleId, e.TeacherId)] = e.OccurredAt;
                    break;
                case RoleVacated e when holders.Remove((e.RoleId, e.TeacherId), out var since):
                    if (!administrative.Contains(e.RoleId))
                    {
                        heldSpells.Add((e.TeacherId, since, e.OccurredAt));
                    }
                    break;
                case DecisionRecorded e:
                    decisions.Add(e);
                    break;
                case InformalLeadershipObserved e when teacherId is not null:
                    informalActs.Add((teacherId, e.OccurredAt));
                    break;
                case BreakingRanksEpisodeOpened e:
                    episodes[e.EpisodeId] = new Episode(e.OccurredAt, e.Level, null, null);
                    break;
                case BreakingRanksEpisodeEscalated e when episodes.TryGetValue(e.EpisodeId, out var episode):
                    episodes[e.EpisodeId] = episode with { Level = e.Level > episode.Level ? e.Level : episode.Level };
                    break;
                case BreakingRanksEpisodeResolved e when episodes.TryGetValue(e.EpisodeId, out var episode):
                    episodes[e.EpisodeId] = episode with { ClosedAt = e.OccurredAt, Outcome = e.Outcome };
                    break;
                case LeadershipStageAssessed e:
                    stage = e;
                    break;
                default:
                    break;
            }
        }
        var leadershipSeats = holders.Keys.Where(h => !administrative.Contains(h.Role)).ToList();
        heldSpells.AddRange(holders.Where(h => !administrative.Contains(h.Key.Role)).Select(h => (h.Key.Teacher, h.Value, (DateTimeOffset?)null)));
        var teacherLeaders = leadershipSeats.Select(h => h.Teacher).Distinct(StringComparer.Ordinal).Count();
        var appointees = holders.Keys.Where(h => administrative.Contains(h.Role)).Select(h => h.Teacher).Distinct(StringComparer.Ordinal).Count();

        // The staff is at least as large as the record shows: the teachers on it, and those holding its roles.
        var recorded = onStaff.Union(holders.Keys.Select(h => h.Teacher), StringComparer.Ordinal).Count();
        int? staff = staffCount is { } declared ? Math.Max(declared, recorded) : null;
        var density = staff is > 0 ? Round((double)teacherLeaders / staff.Value) : (double?)null;

        var windowFrom = at - Window;
        var recent = decisions.Where(d => d.OccurredAt > windowFrom).ToList();
        var sharedRecent = recent.Count(d => IsShared(d.Mode));
        var share = recent.Count == 0 ? (double?)null : Round((double)sharedRecent / recent.Count);

        var authority = DecisionAuthority.Of(recent);
        // The people who can hold authority: the staff and the principal's office.
        var centralization = staff is { } people && authority.Centralization(people + 1) is { } c ? Round(c) : (double?)null;

        var active = heldSpells.Where(s => s.To is null || s.To > windowFrom).Select(s => s.Teacher)
            .Concat(informalActs.Where(a => a.At > windowFrom).Select(a => a.Teacher))
            .Distinct(StringComparer.Ordinal)
            .Count();
        var activeRate = staff is > 0 ? Round((double)Math.Min(active, staff.Value) / staff.Value) : (double?)null;

        return new CulturePoint(
            Months.Of(periodStart),
            at,
            staffCount,
            onStaff.Count,
            leadershipSeats.Count,
            teacherLeaders,
            appointees,
            density,
            recent.Count,
            sharedRecent,
            share,
            authority.Decisions,
            centralization,
            active,
            activeRate,
            BreakingRanks(episodes.Values, periodStart, at),
            stage?.Stage,
            stage?.OccurredAt,
            StageThresholds.Derive(density, share, centralization));
    }

    private static BreakingRanksSummary BreakingRanks(IReadOnlyCollection<Episode> episodes, DateTimeOffset periodStart, DateTimeOffset at)
    {
        // Every episode here was opened by the period's end; ClosedAt is set only when closed by then.
        var openDuringPeriod = episodes.Where(e => e.ClosedAt is null || e.ClosedAt >= periodStart).ToList();
        var closedInPeriod = episodes.Where(e => e.ClosedAt >= periodStart).ToList();
        var sample = episodes.Where(e => e.OpenedAt > at - EpisodeWindow).ToList();
        var median = KaplanMeier.Median(sample.Select(e => ((((e.ClosedAt ?? at) - e.OpenedAt).TotalDays), e.IsResolved)));
        return new BreakingRanksSummary(
            episodes.Count(e => e.OpenedAt >= periodStart),
            episodes.Count(e => e.ClosedAt is null),
            closedInPeriod.Count(e => e.IsResolved),
            closedInPeriod.Count(e => !e.IsResolved),
            sample.Count,
            median is { } m ? Math.Round(m, 2, MidpointRounding.AwayFromZero) : null,
            openDuringPeriod.Count == 0 ? null : openDuringPeriod.Max(e => e.Level));
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);

    private sealed record Episode(DateTimeOffset OpenedAt, BreakingRanksLevel Level, DateTimeOffset? ClosedAt, EpisodeOutcome? Outcome)
    {
        /// <summary>Accepted or Negotiated: the school made room for what the teacher raised.</summary>
        public bool IsResolved => Outcome is EpisodeOutcome.Accepted or EpisodeOutcome.Negotiated;
    }
}
