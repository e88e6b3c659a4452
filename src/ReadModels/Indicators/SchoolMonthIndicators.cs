using LearningOrg.Domain.Culture;

namespace LearningOrg.ReadModels;

/// <summary>
/// A school's culture indicators at the end of one month (<see cref="CultureTrajectory.Monthly"/>): one row per school
/// per month from its registration month to the month its indicators settle at, a year after its latest event
/// (<see cref="SchoolIndicatorSummary.LastRowMonth"/>). Kept by <see cref="IndicatorProjection"/>.
/// </summary>
/// <param name="Id"><see cref="IdFor"/>: school id and month.</param>
/// <param name="SchoolName">The school's name as registered, so a comparison reads one row per school and nothing else.</param>
public sealed record SchoolMonthIndicators(string Id, string SchoolId, string SchoolName, DateOnly Month, CulturePoint Point)
{
    public static string IdFor(string schoolId, DateOnly month) =>
        $"{schoolId}/{month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}";
}
