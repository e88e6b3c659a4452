using JasperFx.Events;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using Marten;

namespace LearningOrg.EventStore;

/// <summary>
/// The read side of the aggregates' streams, for queries: a stream's events, the state as of a date or a sequence
/// (<c>EventReader.AsOf.cs</c>), and the reads of the whole store that replay, research exports and bulk imports make
/// (<c>EventReader.Research.cs</c>). Grains write through <see cref="EventJournal"/>.
/// </summary>
public sealed partial class EventReader(IDocumentStore store)
{
    /// <summary>A stream's events in order, from <paramref name="fromVersion"/> on, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<EventEnvelope<DomainEvent>>> ReadStreamAsync(string streamKey, long fromVersion, int limit, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamKey, version: fromVersion + limit - 1, fromVersion: fromVersion, token: cancellationToken);
        return [.. events.Select(ToRecorded)];
    }

    public static EventEnvelope<DomainEvent> ToRecorded(IEvent e)
    {
        var data = (DomainEvent)e.Data;
        return new EventEnvelope<DomainEvent>(e.Id, e.Sequence, e.StreamKey!, e.Version, EventCatalog.For(data.GetType()).Name,
            data.OccurredAt, e.Timestamp, e.UserName, e.CausationId, data);
    }
}
