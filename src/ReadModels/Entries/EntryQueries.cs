using LearningOrg.Domain.Common;
using LearningOrg.EventStore;

namespace LearningOrg.ReadModels;

/// <summary>The reads of one stream's entries that the entry page and the record forms make.</summary>
public sealed class EntryQueries(EventReader reader)
{
    /// <summary>How many of a stream's events a record form reads for the things they name.</summary>
    public const int FormHistoryLimit = 5000;

    /// <summary>The event at <paramref name="version"/> of the stream of the <paramref name="aggregate"/> <paramref name="id"/>, with its envelope.</summary>
    public async Task<EventEnvelope<DomainEvent>?> EntryAsync(string aggregate, string id, long version, CancellationToken cancellationToken)
    {
        if (version < 1)
        {
            return null;
        }
        var events = await reader.ReadStreamAsync(StreamKeys.For(aggregate, id), version, 1, cancellationToken);
        return events.Count == 1 && events[0].Version == version ? events[0] : null;
    }

    /// <summary>The stream's events in order (at most <see cref="FormHistoryLimit"/>): what a form offers to refer to.</summary>
    public async Task<IReadOnlyList<DomainEvent>> HistoryAsync(string aggregate, string id, CancellationToken cancellationToken) =>
        [.. (await reader.ReadStreamAsync(StreamKeys.For(aggregate, id), 1, FormHistoryLimit, cancellationToken)).Select(e => e.Data)];
}
