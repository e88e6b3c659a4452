using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;

namespace LearningOrg.ReadModels;

/// <summary>A role as the year saw it: what it was at the year's end (or when retired) and how its seats moved.</summary>
/// <param name="DefinedInYear">Whether the role was defined during the year (otherwise it existed when the year began).</param>
/// <param name="RevisedInYear">How many times its job description was revised during the year.</param>
/// <param name="HoldersAtEnd">Seats filled at the year's end (or when it was retired).</param>
public sealed record RoleInYear(
    string RoleId,
    string Title,
    RoleKind Kind,
    int Seats,
    bool DefinedInYear,
    int RevisedInYear,
    int Assigned,
    int Vacated,
    int HoldersAtEnd,
    DateTimeOffset? RetiredAt);

/// <summary>A breaking-ranks episode that was open at some time during the year, with its course.</summary>
/// <param name="HighestLevel">The highest level its course reached by the year's end.</param>
/// <param name="LevelAtEnd">Its level at the year's end or when it ended.</param>
/// <param name="Outcome">How it ended, when it ended by the year's end.</param>
public sealed record EpisodeInYear(
    string EpisodeId,
    DateTimeOffset OpenedAt,
    BreakingRanksAct Act,
    BreakingRanksLevel OpeningLevel,
    BreakingRanksLevel HighestLevel,
    BreakingRanksLevel LevelAtEnd,
    int Reactions,
    int Supports,
    EpisodeOutcome? Outcome,
    DateTimeOffset? ResolvedAt);

/// <summary>A school condition rated during the year: the rating before the year, and each rating in it.</summary>
/// <param name="RatingBefore">The last rating before the year began; null when it had not been rated.</param>
public sealed record ConditionInYear(string Condition, int? RatingBefore, IReadOnlyList<ConditionRatingInYear> Ratings)
{
    /// <summary>The last rating given during the year.</summary>
    public ConditionRatingInYear Latest => Ratings[^1];
}

/// <summary>One rating of a condition during the year, with the strategy named beside it.</summary>
public sealed record ConditionRatingInYear(DateTimeOffset AssessedAt, int Rating, string Strategy);

/// <summary>How many times the principal made a move during the year.</summary>
public sealed record MoveInYear(string Move, int Count);

/// <summary>A stage assessment made during the year.</summary>
public sealed record StageInYear(DateTimeOffset AssessedAt, LeadershipStage Stage);

/// <summary>
/// A principal's year in review: the school's roles, decisions by how they were taken, breaking-ranks episodes,
/// conditions, principal moves, discussions and stage assessments of one school year, and its indicators month by month.
/// Facts are as recorded up to the year's end; an entry recorded later but dated in the year counts.
/// </summary>
/// <param name="RegisteredAt">When the school was registered, if that was by the year's end.</param>
/// <param name="InProgress">Whether the year had not ended when the review was read.</param>
public sealed record SchoolYearReview(
    string SchoolId,
    string Name,
    SchoolYear Year,
    DateTimeOffset? RegisteredAt,
    bool InProgress,
    IReadOnlyList<RoleInYear> Roles,
    IReadOnlyDictionary<DecisionMode, int> DecisionsByMode,
    IReadOnlyList<EpisodeInYear> Episodes,
    IReadOnlyList<ConditionInYear> Conditions,
    IReadOnlyList<MoveInYear> Moves,
    int Discussions,
    int Agreements,
    IReadOnlyList<StageInYear> Stages,
    IReadOnlyList<CulturePoint> Indicators)
{
    /// <summary>Every decision of the year.</summary>
    public int Decisions => DecisionsByMode.Values.Sum();

    /// <summary>
    /// Folds a school's own events (in stream order) into the review of <paramref name="year"/>; events dated after
    /// the year are not read, so the review is what the record says of that year.
    /// </summary>
    public static SchoolYearReview Of(
        string schoolId, string name, SchoolYear year, IEnumerable<DomainEvent> schoolEvents, IReadOnlyList<CulturePoint> indicators, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(schoolEvents);
        var fold = new YearFold(year);
        foreach (var e in schoolEvents.Where(e => e.OccurredAt <= year.End).OrderBy(e => e.OccurredAt))
        {
            fold.Apply(e);
        }
        return new SchoolYearReview(
            schoolId,
            name,
            year,
            fold.RegisteredAt,
            now <= year.End,
            fold.RolesInYear(),
            fold.DecisionsByMode.ToImmutableSortedDictionary(),
            fold.EpisodesInYear(),
            fold.ConditionsInYear(),
            [.. fold.Moves.OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.OrdinalIgnoreCase).Select(m => new MoveInYear(m.Key, m.Value))],
            fold.Discussions,
            fold.Agreements,
            fold.Stages,
            indicators);
    }

    /// <summary>The running state of the fold; every count is of events inside the year.</summary>
    private sealed class YearFold(SchoolYear year)
    {
        private readonly Dictionary<string, RoleFold> roles = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EpisodeFold> episodes = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int? Before, List<ConditionRatingInYear> During)> conditions = new(StringComparer.OrdinalIgnoreCase);

        public Dictionary<DecisionMode, int> DecisionsByMode { get; } = [];

        public Dictionary<string, int> Moves { get; } = new(StringComparer.OrdinalIgnoreCase);

        public int Discussions { get; private set; }

        public int Agreements { get; private set; }

        public List<StageInYear> Stages { get; } = [];

        public DateTimeOffset? RegisteredAt { get; private set; }

        public void Apply(DomainEvent e)
        {
            var inYear = year.Contains(e.OccurredAt);
            switch (e)
            {
                case SchoolRegistered:
                    RegisteredAt = e.OccurredAt;
                    break;
                case TeacherLeaderRoleDefined d:
                    roles[d.RoleId] = new RoleFold(d.Title, d.RoleKind, d.Seats, inYear);
                    break;
                case RoleRevised r when roles.TryGetValue(r.RoleId, out var role):
                    role.Title = r.Title;
                    role.Seats = r.Seats;
                    role.Revised += inYear ? 1 : 0;
                    break;
                case TeacherLeaderRoleRetired r when roles.TryGetValue(r.RoleId, out var role):
                    role.RetiredAt = r.OccurredAt;
                    break;
                case RoleAssigned a when roles.TryGetValue(a.RoleId, out var role):
                    role.Holders.Add(a.TeacherId);
                    role.Assigned += inYear ? 1 : 0;
                    break;
                case RoleVacated v when roles.TryGetValue(v.RoleId, out var role):
                    role.Holders.Remove(v.TeacherId);
                    role.Vacated += inYear ? 1 : 0;
                    break;
                case DecisionRecorded d when inYear:
                    DecisionsByMode[d.Mode] = DecisionsByMode.GetValueOrDefault(d.Mode) + 1;
                    break;
                case SchoolConditionAssessed c:
                    var known = conditions.GetValueOrDefault(c.Condition, (null, []));
                    if (inYear)
                    {
                        known.During.Add(new ConditionRatingInYear(c.OccurredAt, c.Rating, c.Strategy));
                    }
                    else
                    {
                        known.Before = c.Rating;
                    }
                    conditions[c.Condition] = known;
                    break;
                case PrincipalMoveRecorded m when inYear:
                    Moves[m.Move] = Moves.GetValueOrDefault(m.Move) + 1;
                    break;
                case LeadershipDiscussionHeld d when inYear:
                    Discussions++;
                    Agreements += d.Agreements.Length;
                    break;
                case LeadershipStageAssessed s when inYear:
                    Stages.Add(new StageInYear(s.OccurredAt, s.Stage));
                    break;
                case BreakingRanksEpisodeOpened o:
                    episodes[o.EpisodeId] = new EpisodeFold(o.EpisodeId, o.OccurredAt, o.Act, o.Level);
                    break;
                case IEpisodeEvent episodeEvent when episodes.TryGetValue(episodeEvent.EpisodeId, out var episode):
                    episode.Apply(e, inYear);
                    break;
            }
        }

        public IReadOnlyList<RoleInYear> RolesInYear() =>
        [
            .. roles
                .Where(r => r.Value.RetiredAt is not { } retired || retired >= year.Start)
                .Select(r => new RoleInYear(r.Key, r.Value.Title, r.Value.Kind, r.Value.Seats, r.Value.DefinedInYear, r.Value.Revised,
                    r.Value.Assigned, r.Value.Vacated, r.Value.Holders.Count, r.Value.RetiredAt))
                .OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.RoleId, StringComparer.Ordinal),
        ];

        public IReadOnlyList<EpisodeInYear> EpisodesInYear() =>
        [
            .. episodes.Values
                .Where(e => e.ResolvedAt is not { } resolved || resolved >= year.Start)
                .OrderBy(e => e.OpenedAt).ThenBy(e => e.EpisodeId, StringComparer.Ordinal)
                .Select(e => e.ToEpisode()),
        ];

        public IReadOnlyList<ConditionInYear> ConditionsInYear() =>
        [
            .. conditions
                .Where(c => c.Value.During.Count > 0)
                .OrderBy(c => c.Key, StringComparer.OrdinalIgnoreCase)
                .Select(c => new ConditionInYear(c.Key, c.Value.Before, c.Value.During)),
        ];
    }

    private sealed class RoleFold(string title, RoleKind kind, int seats, bool definedInYear)
    {
        public string Title { get; set; } = title;

        public RoleKind Kind { get; } = kind;

        public int Seats { get; set; } = seats;

        public bool DefinedInYear { get; } = definedInYear;

        public int Revised { get; set; }

        public int Assigned { get; set; }

        public int Vacated { get; set; }

        public HashSet<string> Holders { get; } = new(StringComparer.Ordinal);

        public DateTimeOffset? RetiredAt { get; set; }
    }

    private sealed class EpisodeFold(string id, DateTimeOffset openedAt, BreakingRanksAct act, BreakingRanksLevel opening)
    {
        private readonly BreakingRanksLevel openingLevel = opening;
        private BreakingRanksLevel level = opening;
        private BreakingRanksLevel highest = opening;
        private int reactions;
        private int supports;
        private EpisodeOutcome? outcome;

        public DateTimeOffset OpenedAt => openedAt;

        public string EpisodeId => id;

        public DateTimeOffset? ResolvedAt { get; private set; }

        public void Apply(DomainEvent e, bool inYear)
        {
            switch (e)
            {
                case BreakingRanksEpisodeEscalated up:
                    level = up.Level;
                    highest = (BreakingRanksLevel)Math.Max((int)highest, (int)up.Level);
                    break;
                case BreakingRanksEpisodeDeescalated down:
                    level = down.Level;
                    break;
                case BreakingRanksReactionRecorded when inYear:
                    reactions++;
                    break;
                case BreakingRanksSupportGiven when inYear:
                    supports++;
                    break;
                case BreakingRanksEpisodeResolved resolved:
                    outcome = resolved.Outcome;
                    ResolvedAt = resolved.OccurredAt;
                    break;
            }
        }

        public EpisodeInYear ToEpisode() =>
            new(id, openedAt, act, openingLevel, highest, level, reactions, supports, outcome, ResolvedAt);
    }
}
