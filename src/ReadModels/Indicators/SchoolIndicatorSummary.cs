using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;

namespace LearningOrg.ReadModels;

/// <summary>
/// What the indicator queries need of a school beside its monthly rows: the months its rows cover, the instants a
/// series aligns on, and its stage assessments with the stage the indicators pointed to at each. Id: the school id.
/// </summary>
/// <param name="FirstMonth">The month of its registration (of its first event when none is recorded): its first row.</param>
/// <param name="LastMonth">The month of its latest event; its rows run on to <see cref="LastRowMonth"/>.</param>
public sealed record SchoolIndicatorSummary(
    string Id,
    string Name,
    DateOnly FirstMonth,
    DateOnly LastMonth,
    DateTimeOffset? FirstRoleAssignedAt,
    DateTimeOffset? FirstSharedDecisionAt,
    StageCheck[] StageChecks)
{
    /// <summary>The summary and the rows of the months from <paramref name="from"/> (its first month when later) to its last row's.</summary>
    public static (SchoolIndicatorSummary Summary, IReadOnlyList<SchoolMonthIndicators> Rows) Compute(SchoolHistory history, DateOnly? from = null)
    {
        var trajectory = new CultureTrajectory(history.Events);
        var first = Months.Of(trajectory.RegisteredAt ?? trajectory.LastEventAt!.Value);
        var last = Months.Of(trajectory.LastEventAt!.Value);
        var summary = new SchoolIndicatorSummary(history.SchoolId, history.Name, first, last, trajectory.FirstRoleAssignedAt,
            trajectory.FirstSharedDecisionAt, [.. trajectory.AssessedAgainstDerived().Select(p => new StageCheck(p.Assessed, p.Derived))]);
        var start = from is { } month && month > first ? month : first;
        var rows = trajectory.Monthly(start, summary.LastRowMonth())
            .Select(p => new SchoolMonthIndicators(SchoolMonthIndicators.IdFor(history.SchoolId, p.Month), history.SchoolId, history.Name, p.Month, p))
            .ToList();
        return (summary, rows);
    }

    /// <summary>
    /// The month of its last row: the month its indicators settle at (<see cref="CultureTrajectory.SettledMonth"/>).
    /// Every later month has the indicators of this row, re-dated.
    /// </summary>
    public DateOnly LastRowMonth() => CultureTrajectory.SettledMonth(LastMonth);

    /// <summary>The months this summary's rows cover.</summary>
    public IEnumerable<DateOnly> CoveredMonths() => Months.Range(FirstMonth, LastRowMonth());
}

/// <summary>A stage assessment, and the stage the indicators pointed to at its instant.</summary>
public sealed record StageCheck(LeadershipStage Assessed, LeadershipStage Derived);
