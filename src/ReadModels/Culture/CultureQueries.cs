using System.Collections.Concurrent;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using Marten;
using Marten.Events;

namespace LearningOrg.ReadModels;

/// <summary>A query's answer, or the rule it broke (a range too long, a network that does not exist).</summary>
public readonly record struct QueryResult<T>(T? Value, RuleViolation? Problem)
    where T : class
{
    public static implicit operator QueryResult<T>(T value) => new(value, null);

    public static implicit operator QueryResult<T>(RuleViolation problem) => new(null, problem);
}

/// <summary>
/// The culture trajectory of a school and the comparison and series of a network's schools, read from the indicator
/// table (<see cref="SchoolMonthIndicators"/>, computed from the events alone: docs/indicators.md). The JSON and CSV routes (CultureEndpoints) and the web pages both answer from here, so
/// they cannot disagree. Parameters arrive parsed; what depends on the data (default ranges, their length) is checked here.
/// </summary>
public sealed class CultureQueries(SchoolHistoryReader reader, EventReader journal)
{
    private readonly IndicatorReader indicators = new(reader);

    /// <summary>The reader of the indicator table these queries answer from.</summary>
    internal IndicatorReader Indicators => indicators;

    /// <summary>How many comparisons are kept; past it the cache starts again empty.</summary>
    public const int MaxCachedComparisons = 256;

    /// <summary>
    /// Comparisons answered, by network and date, with the store's safe high-water mark when they were computed. Any
    /// event recorded since moves the mark, so an answer is reused only while the store holds exactly the events it was
    /// computed from. An erasure masks events in place without moving the mark; it changes no indicator.
    /// </summary>
    private readonly ConcurrentDictionary<(string NetworkId, DateTimeOffset At), (long Mark, ComparisonResponse Answer)> comparisons = new();

    /// <summary>The longest series one request may ask for: fifty years of months.</summary>
    public const int MaxMonths = 600;

    public const string AlignCalendar = "calendar";
    public const string AlignFirstRole = "first-role";
    public const string AlignFirstSharedDecision = "first-shared-decision";
    public const string AlignInitiative = "initiative";

    /// <summary>Every alignment a series may ask for.</summary>
    public static readonly IReadOnlyList<string> Alignments = [AlignCalendar, AlignFirstRole, AlignFirstSharedDecision, AlignInitiative];

    /// <summary>
    /// The school's indicators at the end of each month from <paramref name="from"/> to <paramref name="to"/>; by default
    /// from the month it was registered to the month of its latest event.
    /// </summary>
    public async Task<QueryResult<TrajectoryResponse>> TrajectoryAsync(string schoolId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        var summary = (await indicators.SummariesAsync([schoolId], cancellationToken)).GetValueOrDefault(schoolId);
        if (summary is null)
        {
            return NotFound($"No school {schoolId} has been recorded.");
        }
        var first = from ?? summary.FirstMonth;
        var last = to ?? summary.LastMonth;
        if (CheckRange(first, last) is { } badRange)
        {
            return badRange;
        }
        var months = Months.Range(first, last).ToList();
        var points = await indicators.PointsAsync([.. months.Select(m => (schoolId, m))], cancellationToken);
        return new TrajectoryResponse(schoolId, summary.Name, first, last, MonthOf(summary.FirstRoleAssignedAt), [.. months.Select(m => points[(schoolId, m)].Point)]);
    }

    /// <summary>
    /// The network's member schools at <paramref name="at"/>, side by side, each with its indicators at the end of the
    /// month <paramref name="at"/> lies in (its row of the indicator table): a month is the table's grain, and a date
    /// within it reads the month as a whole.
    /// </summary>
    public async Task<QueryResult<ComparisonResponse>> ComparisonAsync(string networkId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Read before the histories: every event up to the mark is then in them (those after it move the mark).
        long mark;
        try
        {
            mark = await journal.SafeHighWaterMarkAsync(cancellationToken);
        }
        catch (TimeoutException)
        {
            // An append held open: no mark to trust, so no cache this time.
            return await CompareAsync(networkId, at, cancellationToken);
        }
        if (comparisons.TryGetValue((networkId, at), out var cached) && cached.Mark == mark)
        {
            return cached.Answer;
        }
        var (answer, problem) = await CompareAsync(networkId, at, cancellationToken);
        if (answer is null)
        {
            return problem!;
        }
        if (comparisons.Count >= MaxCachedComparisons)
        {
            comparisons.Clear();
        }
        comparisons[(networkId, at)] = (mark, answer);
        return answer;
    }

    private async Task<QueryResult<ComparisonResponse>> CompareAsync(string networkId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var network = await reader.ReadNetworkAsync(networkId, cancellationToken);
        if (network is null)
        {
            return NotFound($"No network {networkId} has been recorded.");
        }
        var members = NetworkMembership.Spells(network).Where(s => s.Covers(at)).ToList();
        return await SideBySideAsync(networkId, NameOf(network, networkId), at, members, cancellationToken);
    }

    /// <summary>The <paramref name="members"/> side by side at <paramref name="at"/>, with their median and interquartile range.</summary>
    private async Task<ComparisonResponse> SideBySideAsync(
        string groupId, string name, DateTimeOffset at, IReadOnlyList<MembershipSpell> members, CancellationToken cancellationToken)
    {
        var month = Months.Of(at);
        var points = await indicators.PointsAsync([.. members.Select(m => (m.SchoolId, month))], cancellationToken);
        var schools = members
            .Where(m => points.ContainsKey((m.SchoolId, month)))
            .Select(m => new SchoolComparison(m.SchoolId, points[(m.SchoolId, month)].SchoolName, m.From, points[(m.SchoolId, month)].Point))
            .ToList();
        return new ComparisonResponse(groupId, name, at, schools, NetworkSpread.Of([.. schools.Select(s => s.Indicators)]));
    }

    public const string GroupNetwork = "network";
    public const string GroupDistrict = "district";

    /// <summary>The most networks and districts one side-by-side comparison may hold.</summary>
    public const int MaxGroups = 10;

    /// <summary>The most months one side-by-side comparison may span: its rows grow with groups, schools and months.</summary>
    public const int MaxGroupMonths = 12;

    /// <summary>
    /// Networks (<see cref="GroupNetwork"/>) and districts (<see cref="GroupDistrict"/>, by the name their schools were
    /// registered with) side by side at the end of each month from <paramref name="from"/> to <paramref name="to"/> (the
    /// current month up to <paramref name="now"/>): each school's indicators beside its group's median and IQR. A
    /// network's month is its single comparison (<see cref="ComparisonAsync"/>); a district's is computed the same way
    /// over the schools registered in it by then. The group's kind is the parameter a problem names.
    /// </summary>
    public async Task<QueryResult<GroupComparisonResponse>> GroupComparisonAsync(
        IReadOnlyList<(string Kind, string Id)> groups, DateOnly from, DateOnly to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (CheckGroups(groups) is { } badGroups)
        {
            return badGroups;
        }
        if (Months.Between(from, to) < 0)
        {
            return RuleViolation.Invalid("from", $"from ({from:yyyy-MM}) lies after to ({to:yyyy-MM}).");
        }
        if (to > Months.Of(now))
        {
            return RuleViolation.Invalid("to", $"to ({to:yyyy-MM}) lies in the future: the indicators exist up to now.");
        }
        if (Months.Between(from, to) + 1 > MaxGroupMonths)
        {
            return RuleViolation.Invalid("to", $"A side-by-side comparison spans at most {MaxGroupMonths} months.");
        }
        IReadOnlyList<(string SchoolId, string District, DateTimeOffset At)> registrations = groups.Any(g => g.Kind == GroupDistrict)
            ? await RegistrationsAsync(cancellationToken)
            : [];
        if (groups.FirstOrDefault(g => g.Kind == GroupDistrict && !registrations.Any(r => r.District == g.Id)) is { Id: { } unknown })
        {
            return RuleViolation.Invalid(GroupDistrict, $"No school has been registered in district {unknown}.");
        }

        var compared = new List<ComparedGroup>();
        var rows = new List<GroupComparisonRow>();
        foreach (var (kind, id) in groups)
        {
            ComparedGroup? group = null;
            foreach (var month in Months.Range(from, to))
            {
                var at = Months.End(month) < now ? Months.End(month) : now;
                ComparisonResponse answer;
                if (kind == GroupNetwork)
                {
                    var (network, problem) = await ComparisonAsync(id, at, cancellationToken);
                    if (problem is not null)
                    {
                        return problem.Kind == ViolationKind.NotFound ? RuleViolation.Invalid(GroupNetwork, $"No network {id} has been recorded.") : problem;
                    }
                    answer = network!;
                }
                else
                {
                    var members = registrations.Where(r => r.District == id && r.At <= at).Select(r => new MembershipSpell(r.SchoolId, r.At, null)).ToList();
                    answer = await SideBySideAsync(id, id, at, members, cancellationToken);
                }
                group ??= new ComparedGroup(kind, id, answer.Name);
                rows.AddRange(RowsOf(group, month, answer));
            }
            compared.Add(group!);
        }
        return new GroupComparisonResponse(from, to, compared, rows);
    }

    /// <summary>At least one group and at most <see cref="MaxGroups"/>; the problem names the kind of the first one too many.</summary>
    public static RuleViolation? CheckGroups(IReadOnlyList<(string Kind, string Id)> groups) =>
        groups.Count == 0
            ? RuleViolation.Invalid(GroupNetwork, "Name at least one network (network=) or district (district=).")
            : groups.Count > MaxGroups
                ? RuleViolation.Invalid(groups[MaxGroups].Kind, $"At most {MaxGroups} networks and districts may be compared at once.")
                : null;

    /// <summary>Each school's indicator values beside its group's spread, one row per school and indicator.</summary>
    private static IEnumerable<GroupComparisonRow> RowsOf(ComparedGroup group, DateOnly month, ComparisonResponse answer) =>
        answer.Schools.SelectMany(school => ComparedIndicator.All.Select(indicator =>
        {
            var spread = indicator.Spread(answer.Network);
            return new GroupComparisonRow(group.Kind, group.Id, group.Name, month, school.SchoolId, school.Name, school.MemberSince,
                indicator.Name, indicator.Value(school.Indicators), spread.Schools, spread.Median, spread.LowerQuartile, spread.UpperQuartile);
        }));

    /// <summary>Every school's registration: its district and when. A school's creation event is the first of its stream and the only one.</summary>
    private async Task<IReadOnlyList<(string SchoolId, string District, DateTimeOffset At)>> RegistrationsAsync(CancellationToken cancellationToken)
    {
        await using var session = reader.Store.QuerySession();
        var registered = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(SchoolRegistered)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return [.. registered
            .Where(e => e.StreamKey is not null && e.Data is SchoolRegistered)
            .Select(e => (StreamKeys.Parse(e.StreamKey!).Id, ((SchoolRegistered)e.Data).District, ((SchoolRegistered)e.Data).OccurredAt))];
    }

    /// <summary>
    /// The monthly indicators of every school that has belonged to the network, aligned by calendar month
    /// (<see cref="AlignCalendar"/>) or by months since each school's own month 0: its first filled teacher-leadership
    /// role (<see cref="AlignFirstRole"/>), its first shared decision (<see cref="AlignFirstSharedDecision"/>) or its
    /// enrolment in <paramref name="initiativeId"/> (<see cref="AlignInitiative"/>).
    /// </summary>
    public async Task<QueryResult<SeriesResponse>> SeriesAsync(
        string networkId, string alignment, DateOnly? from, DateOnly? to, CancellationToken cancellationToken, string? initiativeId = null)
    {
        if (!Alignments.Contains(alignment))
        {
            return RuleViolation.Invalid("align", $"align must be one of {string.Join(", ", Alignments)}.");
        }
        if (from is not null && alignment != AlignCalendar)
        {
            return RuleViolation.Invalid("from", "from applies to align=calendar only: otherwise each school starts at its own month 0.");
        }
        if ((alignment == AlignInitiative) != (initiativeId is not null))
        {
            return RuleViolation.Invalid("initiative", "initiative names the initiative whose enrolment is month 0, and goes with align=initiative only.");
        }
        var network = await reader.ReadNetworkAsync(networkId, cancellationToken);
        if (network is null)
        {
            return NotFound($"No network {networkId} has been recorded.");
        }
        IReadOnlyList<DomainEvent> initiative = [];
        if (initiativeId is not null)
        {
            var read = await reader.ReadInitiativeAsync(initiativeId, cancellationToken);
            if (read is null)
            {
                return NotFound($"No initiative {initiativeId} has been recorded.");
            }
            initiative = read;
        }
        var schoolIds = NetworkMembership.EverMembers(network);
        var summaries = await indicators.SummariesAsync(schoolIds, cancellationToken);
        var schools = schoolIds.Where(summaries.ContainsKey).Select(s => summaries[s]).ToList();

        var last = to ?? (schools.Count == 0 ? Months.Of(network.Max(e => e.OccurredAt)) : schools.Max(s => s.LastMonth));
        DateOnly? axisStart = null;
        if (alignment == AlignCalendar)
        {
            axisStart = from ?? (schools.Count == 0 ? last : schools.Min(s => s.FirstMonth));
            if (CheckRange(axisStart.Value, last) is { } badRange)
            {
                return badRange;
            }
        }
        else if (schools.Select(s => MonthZero(alignment, s, initiative)).Where(m => m is not null).Min() is { } earliest
            && Months.Between(earliest, last) + 1 > MaxMonths)
        {
            return RuleViolation.Invalid("to", $"A series holds at most {MaxMonths} months.");
        }

        var spans = schools.Select(s =>
        {
            var monthZero = MonthZero(alignment, s, initiative);
            DateOnly? origin = alignment == AlignCalendar ? axisStart : monthZero;
            var start = alignment == AlignCalendar ? Later(axisStart!.Value, s.FirstMonth) : monthZero;
            IReadOnlyList<DateOnly> months = start is { } begin && origin is not null ? [.. Months.Range(begin, last)] : [];
            return (School: s, MonthZero: monthZero, Origin: origin, Months: months);
        }).ToList();
        var points = await indicators.PointsAsync([.. spans.SelectMany(s => s.Months.Select(m => (s.School.Id, m)))], cancellationToken);
        var series = spans.Select(s => new SchoolSeries(s.School.Id, s.School.Name, MonthOf(s.School.FirstRoleAssignedAt), s.MonthZero,
            [.. s.Months.Select(m => new AlignedPoint(Months.Between(s.Origin!.Value, m), points[(s.School.Id, m)].Point))])).ToList();
        var spread = series.SelectMany(s => s.Points)
            .GroupBy(p => p.MonthIndex)
            .OrderBy(g => g.Key)
            .Select(g => new NetworkMonth(g.Key, axisStart?.AddMonths(g.Key), NetworkSpread.Of([.. g.Select(p => p.Indicators)])))
            .ToList();
        var agreement = StageAgreement.Of(schools.SelectMany(s => s.StageChecks.Select(c => (c.Assessed, c.Derived))));
        return new SeriesResponse(networkId, NameOf(network, networkId), alignment, initiativeId, axisStart, last, series, spread, agreement);
    }

    /// <summary>The school's month 0 for an alignment other than calendar; null when it has none.</summary>
    private static DateOnly? MonthZero(string alignment, SchoolIndicatorSummary school, IReadOnlyList<DomainEvent> initiative) => alignment switch
    {
        AlignFirstRole => MonthOf(school.FirstRoleAssignedAt),
        AlignFirstSharedDecision => MonthOf(school.FirstSharedDecisionAt),
        AlignInitiative => MonthOf(initiative.OfType<SchoolEnrolled>().Where(e => e.SchoolId == school.Id).Select(e => (DateTimeOffset?)e.OccurredAt).Min()),
        _ => null,
    };

    private static RuleViolation NotFound(string message) => RuleViolation.NotFound("not-found", message);

    private static RuleViolation? CheckRange(DateOnly from, DateOnly to) =>
        Months.Between(from, to) < 0
            ? RuleViolation.Invalid("from", $"from ({from:yyyy-MM}) lies after to ({to:yyyy-MM}).")
            : Months.Between(from, to) + 1 > MaxMonths
                ? RuleViolation.Invalid("to", $"A series holds at most {MaxMonths} months.")
                : null;

    private static DateOnly? MonthOf(DateTimeOffset? at) => at is { } instant ? Months.Of(instant) : null;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string NameOf(IReadOnlyList<DomainEvent> network, string id) => network.OfType<NetworkFormed>().FirstOrDefault()?.Name ?? id;
}
