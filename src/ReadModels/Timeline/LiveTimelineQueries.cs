using Marten;

namespace LearningOrg.ReadModels;

/// <summary>A timeline entry with the store's global sequence of its event: the cursor a live listener resumes from.</summary>
public sealed record SequencedTimelineEntry(long Sequence, TimelineEntry Entry);

/// <summary>What a live timeline missed since a cursor, or that it missed too much to be told entry by entry.</summary>
public sealed record TimelineCatchUp(IReadOnlyList<SequencedTimelineEntry> Entries, bool TooMany);

/// <summary>
/// Reads for live timelines. The cursor is the global event sequence: it orders what was recorded, whatever date the
/// events happened on, so "after cursor N" means "recorded since", which the occurredAt order of the timeline cannot.
/// </summary>
public static class LiveTimelineQueries
{
    /// <summary>
    /// Transactions commit in a slightly different order than they took their sequence numbers; entries recorded up to
    /// this long before the cursor's own event are looked at again, so a late commit is not skipped.
    /// </summary>
    private static readonly TimeSpan CommitSkew = TimeSpan.FromMinutes(1);

    /// <summary>The sequence of the last committed event in the store (0 when there is none).</summary>
    public static async Task<long> EventHeadAsync(this IQuerySession session, CancellationToken cancellation)
    {
        var last = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellation);
        return last?.Sequence ?? 0;
    }

    /// <summary>The school's timeline entry for one event of a stream, if the event is on that school's timeline.</summary>
    public static async Task<SequencedTimelineEntry?> LiveEntryAsync(
        this IQuerySession session, string schoolId, string streamId, long version, CancellationToken cancellation)
    {
        var recorded = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == streamId && e.Version == version)
            .FirstOrDefaultAsync(cancellation);
        if (recorded is null)
        {
            return null;
        }
        var entry = await session.LoadAsync<TimelineEntry>(TimelineEntry.IdFor(schoolId, recorded.Id), cancellation);
        return entry is null ? null : new SequencedTimelineEntry(recorded.Sequence, entry);
    }

    /// <summary>
    /// The school's entries whose events were recorded after <paramref name="afterSequence"/>, in recording order, at
    /// most <paramref name="limit"/>; <see cref="TimelineCatchUp.TooMany"/> when more were missed than that.
    /// </summary>
    public static async Task<TimelineCatchUp> EntriesSinceAsync(
        this IQuerySession session, string schoolId, long afterSequence, int limit, CancellationToken cancellation)
    {
        var cursorEvent = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence <= afterSequence)
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(cancellation);
        var since = cursorEvent is null ? DateTimeOffset.MinValue : cursorEvent.Timestamp - CommitSkew;
        // Twice the limit: the skew window may hold entries already sent.
        var window = (limit * 2) + 1;
        var candidates = await session.Query<TimelineEntry>()
            .Where(x => x.SchoolId == schoolId && x.RecordedAt >= since)
            .OrderBy(x => x.RecordedAt).ThenBy(x => x.Version)
            .Take(window)
            .ToListAsync(cancellation);
        if (candidates.Count == 0)
        {
            return new TimelineCatchUp([], false);
        }
        var eventIds = candidates.Select(x => x.EventId).ToArray();
        var sequences = (await session.Events.QueryAllRawEvents()
                .Where(e => e.Id.IsOneOf(eventIds) && e.Sequence > afterSequence)
                .ToListAsync(cancellation))
            .ToDictionary(e => e.Id, e => e.Sequence);
        var missed = candidates.Where(x => sequences.ContainsKey(x.EventId))
            .Select(x => new SequencedTimelineEntry(sequences[x.EventId], x))
            .OrderBy(x => x.Sequence)
            .ToList();
        var tooMany = missed.Count > limit || candidates.Count == window;
        return new TimelineCatchUp(tooMany ? [] : missed, tooMany);
    }
}
