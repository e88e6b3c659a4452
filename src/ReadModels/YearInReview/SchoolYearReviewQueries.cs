using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;

namespace LearningOrg.ReadModels;

/// <summary>Reads a school's year in review: its own stream for the facts, the indicator table for the months.</summary>
public sealed class SchoolYearReviewQueries(SchoolHistoryReader histories, CultureQueries culture, TimeProvider clock)
{
    /// <summary>The school year in progress now, the one a review opens on by default.</summary>
    public SchoolYear CurrentYear => SchoolYear.Of(clock.GetUtcNow());

    /// <summary>The review of <paramref name="year"/>; null when no school with this id has been recorded.</summary>
    public async Task<SchoolYearReview?> ReviewAsync(string schoolId, SchoolYear year, CancellationToken cancellationToken)
    {
        var history = await histories.ReadSchoolAsync(schoolId, cancellationToken);
        if (history is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        // A year in progress is charted up to this month: the months after it have no facts yet.
        var lastMonth = now <= year.End ? Months.Of(now) : year.LastMonth;
        IReadOnlyList<CulturePoint> indicators = [];
        if (Months.Between(year.FirstMonth, lastMonth) >= 0)
        {
            var (trajectory, _) = await culture.TrajectoryAsync(schoolId, year.FirstMonth, lastMonth, cancellationToken);
            indicators = trajectory?.Points ?? [];
        }
        var ownEvents = history.Events.Where(e => e.TeacherId is null).Select(e => e.Event);
        return SchoolYearReview.Of(schoolId, history.Name, year, ownEvents, indicators, now);
    }
}
