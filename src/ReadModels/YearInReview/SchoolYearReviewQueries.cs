using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;

namespace LearningOrg.ReadModels;

/// <summary>
/// Reads a school's year in review: the school's own stream for the facts (its teachers' streams add nothing the review
/// shows), the indicator table for the months.
/// </summary>
public sealed class SchoolYearReviewQueries(EventReader reader, CultureQueries culture, TimeProvider clock)
{
    /// <summary>The school year in progress now, the one a review opens on by default.</summary>
    public SchoolYear CurrentYear => SchoolYear.Of(clock.GetUtcNow());

    /// <summary>The review of <paramref name="year"/>; null when no school with this id has been recorded.</summary>
    public async Task<SchoolYearReview?> ReviewAsync(string schoolId, SchoolYear year, CancellationToken cancellationToken)
    {
        var stream = await reader.ReadStreamAsync(StreamKeys.For(StreamKeys.School, schoolId), 1, int.MaxValue, cancellationToken);
        if (stream.Count == 0)
        {
            return null;
        }
        var events = stream.Select(e => e.Data).ToList();
        var now = clock.GetUtcNow();
        // A year in progress is charted up to this month: the months after it have no facts yet.
        var lastMonth = now <= year.End ? Months.Of(now) : year.LastMonth;
        IReadOnlyList<CulturePoint> indicators = [];
        if (Months.Between(year.FirstMonth, lastMonth) >= 0)
        {
            var (trajectory, _) = await culture.TrajectoryAsync(schoolId, year.FirstMonth, lastMonth, cancellationToken);
            indicators = trajectory?.Points ?? [];
        }
        var name = events.OfType<SchoolRegistered>().FirstOrDefault()?.Name ?? schoolId;
        return SchoolYearReview.Of(schoolId, name, year, events, indicators, now);
    }
}
