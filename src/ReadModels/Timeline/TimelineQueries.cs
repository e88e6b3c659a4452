using LearningOrg.EventStore;
using Marten;
using Marten.Pagination;

namespace LearningOrg.ReadModels;

/// <summary>What to read of a school's timeline. Kinds and person narrow it; From is inclusive, To exclusive.</summary>
public sealed record TimelineQuery(
    string SchoolId,
    IReadOnlyList<string> Kinds,
    string? Person,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int Page,
    int PageSize)
{
    /// <summary>The last page anyone may ask for: further on, the rows to skip would overflow the query's offset.</summary>
    public const int MaxPage = 1_000_000;
}

/// <summary>One page of a timeline and how many entries match in all.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, long Total);

/// <summary>Reads of the school read models.</summary>
public static class TimelineQueries
{
    /// <summary>A page of the school's timeline in occurredAt order, ties in recording order.</summary>
    public static async Task<TimelinePage> TimelineAsync(this IQuerySession session, TimelineQuery query, CancellationToken cancellation)
    {
        var entries = session.Query<TimelineEntry>().Where(x => x.SchoolId == query.SchoolId);
        if (query.Kinds.Count > 0)
        {
            var kinds = query.Kinds.ToArray();
            entries = entries.Where(x => x.Kind.IsOneOf(kinds));
        }
        if (query.Person is { } person)
        {
            entries = entries.Where(x => x.Persons.Contains(person));
        }
        if (query.From is { } from)
        {
            entries = entries.Where(x => x.OccurredAt >= from);
        }
        if (query.To is { } to)
        {
            entries = entries.Where(x => x.OccurredAt < to);
        }
        // The page's ids first, then their entries: with no filter but the school, the ids come from the order index
        // alone (an index-only scan), however deep the page; the count likewise.
        var ids = await entries.OrderBy(x => x.OccurredAt).ThenBy(x => x.RecordedAt).ThenBy(x => x.Version).ThenBy(x => x.Id)
            .Select(x => x.Id)
            // A separate count: counted alongside the page's rows, a page past the end would report a total of 0.
            .ToPagedListAsync(query.Page, query.PageSize, useCountQuery: true, cancellation);
        var found = (await session.LoadManyAsync<TimelineEntry>(cancellation, [.. ids])).ToDictionary(e => e.Id, StringComparer.Ordinal);
        // An entry deleted between the two reads (by a rebuild) is left out rather than shown empty.
        return new TimelinePage([.. ids.Where(found.ContainsKey).Select(id => found[id])], ids.TotalItemCount);
    }

    /// <summary>The school's breaking-ranks episodes in the order they opened; open only, resolved only, or all.</summary>
    public static async Task<IReadOnlyList<EpisodeSpan>> EpisodesAsync(this IQuerySession session, string schoolId, bool? open, CancellationToken cancellation)
    {
        var spans = session.Query<EpisodeSpan>().Where(x => x.SchoolId == schoolId);
        spans = open switch
        {
            true => spans.Where(x => x.ResolvedAt == null),
            false => spans.Where(x => x.ResolvedAt != null),
            null => spans,
        };
        return await spans.OrderBy(x => x.OpenedAt).ThenBy(x => x.EpisodeId).ToListAsync(cancellation);
    }

    /// <summary>Whether a school has ever been registered (its stream exists).</summary>
    public static async Task<bool> SchoolExistsAsync(this IQuerySession session, string schoolId, CancellationToken cancellation) =>
        await session.Events.FetchStreamStateAsync(StreamKeys.For(StreamKeys.School, schoolId), cancellation) is not null;
}
