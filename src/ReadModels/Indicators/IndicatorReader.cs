using LearningOrg.Domain.Culture;
using Marten;

namespace LearningOrg.ReadModels;

/// <summary>A school's indicators at the end of a month, with the school's name.</summary>
public sealed record SchoolMonthPoint(string SchoolName, CulturePoint Point);

/// <summary>
/// Reads the indicator table. A month after a school's last row has the indicators of that row, re-dated: its
/// indicators have settled (<see cref="CultureTrajectory.SettledMonth"/>). A month before its registration has no row:
/// it is computed from the school's events, as are months whose rows a table built before they were kept lacks.
/// </summary>
public sealed class IndicatorReader(SchoolHistoryReader histories)
{
    private long schoolsReadFromEvents;

    /// <summary>How many school histories this reader has read from the events for months the table did not answer.</summary>
    internal long SchoolsReadFromEvents => Interlocked.Read(ref schoolsReadFromEvents);

    public async Task<IReadOnlyDictionary<string, SchoolIndicatorSummary>> SummariesAsync(IReadOnlyCollection<string> schoolIds, CancellationToken cancellationToken)
    {
        await using var session = histories.Store.QuerySession();
        return (await session.LoadManyAsync<SchoolIndicatorSummary>(cancellationToken, schoolIds.Distinct(StringComparer.Ordinal)))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    /// <summary>The indicators at the end of each month asked for; a school with no recorded events is left out.</summary>
    public async Task<IReadOnlyDictionary<(string SchoolId, DateOnly Month), SchoolMonthPoint>> PointsAsync(
        IReadOnlyCollection<(string SchoolId, DateOnly Month)> wanted, CancellationToken cancellationToken)
    {
        var points = new Dictionary<(string SchoolId, DateOnly Month), SchoolMonthPoint>();
        if (wanted.Count == 0)
        {
            return points;
        }
        await using (var session = histories.Store.QuerySession())
        {
            var ids = wanted.Select(w => SchoolMonthIndicators.IdFor(w.SchoolId, w.Month)).Distinct(StringComparer.Ordinal);
            foreach (var row in await session.LoadManyAsync<SchoolMonthIndicators>(cancellationToken, ids))
            {
                points[(row.SchoolId, row.Month)] = new SchoolMonthPoint(row.SchoolName, row.Point);
            }
            var unanswered = wanted.Where(w => !points.ContainsKey(w)).Distinct().ToList();
            if (unanswered.Count > 0)
            {
                await AnswerSettledAsync(session, unanswered, points, cancellationToken);
            }
        }
        var missing = wanted.Where(w => !points.ContainsKey(w)).Distinct().GroupBy(w => w.SchoolId, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return points;
        }
        var read = await histories.ReadSchoolsAsync([.. missing.Select(g => g.Key)], cancellationToken);
        Interlocked.Add(ref schoolsReadFromEvents, read.Count);
        foreach (var school in missing.Where(g => read.ContainsKey(g.Key)))
        {
            var history = read[school.Key];
            var trajectory = new CultureTrajectory(history.Events);
            foreach (var (_, month) in school)
            {
                points[(school.Key, month)] = new SchoolMonthPoint(history.Name, trajectory.Monthly(month, month)[0]);
            }
        }
        return points;
    }

    /// <summary>Answers the months after a school's last row from that row, re-dated to the month asked for.</summary>
    private static async Task AnswerSettledAsync(IQuerySession session, IReadOnlyList<(string SchoolId, DateOnly Month)> unanswered,
        Dictionary<(string SchoolId, DateOnly Month), SchoolMonthPoint> points, CancellationToken cancellationToken)
    {
        var summaries = await session.LoadManyAsync<SchoolIndicatorSummary>(cancellationToken, unanswered.Select(w => w.SchoolId).Distinct(StringComparer.Ordinal));
        var lastRows = summaries.ToDictionary(s => s.Id, s => s.LastRowMonth(), StringComparer.Ordinal);
        var settled = unanswered.Where(w => lastRows.TryGetValue(w.SchoolId, out var last) && w.Month > last).ToList();
        if (settled.Count == 0)
        {
            return;
        }
        var rows = (await session.LoadManyAsync<SchoolMonthIndicators>(cancellationToken,
                settled.Select(w => SchoolMonthIndicators.IdFor(w.SchoolId, lastRows[w.SchoolId])).Distinct(StringComparer.Ordinal)))
            .ToDictionary(r => r.SchoolId, StringComparer.Ordinal);
        foreach (var (schoolId, month) in settled)
        {
            if (rows.TryGetValue(schoolId, out var row))
            {
                points[(schoolId, month)] = new SchoolMonthPoint(row.SchoolName, row.Point with { Month = month, At = Months.End(month) });
            }
        }
    }
}
