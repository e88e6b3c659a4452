using LearningOrg.Domain.Culture;
using Marten;

namespace LearningOrg.ReadModels;

/// <summary>A school's indicators at the end of a month, with the school's name.</summary>
public sealed record SchoolMonthPoint(string SchoolName, CulturePoint Point);

/// <summary>
/// Reads the indicator table. A month outside a school's rows (before its registration, or after its latest event,
/// where the trailing windows still move) has no row: those few are computed from the school's events, as the rows are.
/// </summary>
public sealed class IndicatorReader(SchoolHistoryReader histories)
{
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
        }
        var missing = wanted.Where(w => !points.ContainsKey(w)).Distinct().GroupBy(w => w.SchoolId, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return points;
        }
        var read = await histories.ReadSchoolsAsync([.. missing.Select(g => g.Key)], cancellationToken);
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
}
