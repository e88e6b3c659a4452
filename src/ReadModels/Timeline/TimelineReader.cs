using Marten;

namespace LearningOrg.ReadModels;

/// <summary>What a school's timeline page shows, read in one session.</summary>
public sealed record SchoolTimelineView(
    long LiveCursor,
    TimelinePage Page,
    IReadOnlyList<EpisodeSpan> Episodes,
    IReadOnlyList<string> KindsPresent,
    DateTimeOffset? LastOccurredAt);

/// <summary>The reads the timeline and replay pages make of the timeline and episode read models.</summary>
public sealed class TimelineReader(IDocumentStore store)
{
    public async Task<SchoolTimelineView> SchoolTimelineAsync(TimelineQuery query, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        // Read before the timeline: an entry recorded in between is then sent live too, and the page drops the repeat.
        var liveCursor = await session.EventHeadAsync(cancellation);
        var page = await session.TimelineAsync(query, cancellation);
        var episodes = await session.EpisodesAsync(query.SchoolId, null, cancellation);
        var present = await session.Query<TimelineEntry>().Where(x => x.SchoolId == query.SchoolId).Select(x => x.Kind).Distinct().ToListAsync(cancellation);
        var last = await session.Query<TimelineEntry>().Where(x => x.SchoolId == query.SchoolId).OrderByDescending(x => x.OccurredAt).FirstOrDefaultAsync(cancellation);
        return new SchoolTimelineView(liveCursor, page, episodes, present, last?.OccurredAt);
    }

    /// <summary>The school's own events on its timeline, in the order they happened.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> SchoolOwnEntriesAsync(string schoolId, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Query<TimelineEntry>()
            .Where(x => x.SchoolId == schoolId && x.Aggregate == "school")
            .OrderBy(x => x.OccurredAt).ThenBy(x => x.RecordedAt).ThenBy(x => x.Version)
            .ToListAsync(cancellation);
    }
}
