using JasperFx;
using LearningOrg.Domain.Common;
using Marten;

namespace LearningOrg.EventStore;

/// <summary>
/// The write side of the aggregates' streams, for the grains: loads a stream's snapshot plus tail, looks up processed
/// commands, and takes or replaces snapshots. Appends go through <see cref="GroupCommit"/>; queries read through
/// <see cref="EventReader"/>.
/// </summary>
public sealed class EventJournal(IDocumentStore store)
{
    /// <summary>Take a snapshot every this many events, so activation replays at most this many.</summary>
    public const int SnapshotInterval = 100;

    public async Task<(TState? State, long Version)> LoadAsync<TAggregate, TState, TEvent>(
        string streamKey, TState? state, long version, CancellationToken cancellationToken)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        await using var session = store.QuerySession();
        if (state is null && version == 0)
        {
            var snapshot = await session.LoadAsync<Snapshot<TState>>(streamKey, cancellationToken);
            if (snapshot is { IsCurrent: true })
            {
                (state, version) = (snapshot.State, snapshot.Version);
            }
        }
        var tail = await session.Events.FetchStreamAsync(streamKey, fromVersion: version + 1, token: cancellationToken);
        foreach (var @event in tail)
        {
            var data = (TEvent)@event.Data;
            state = state is null ? TAggregate.Create(data) : TAggregate.Apply(state, data);
            version = @event.Version;
        }
        return (state, version);
    }

    /// <summary>The fold of the whole stream, ignoring any snapshot.</summary>
    public async Task<(TState? State, long Version)> ReplayAsync<TAggregate, TState, TEvent>(string streamKey, CancellationToken cancellationToken)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamKey, token: cancellationToken);
        var state = Aggregate.Fold<TAggregate, TState, TEvent>(null, events.Select(e => (TEvent)e.Data));
        return (state, events.Count == 0 ? 0 : events[^1].Version);
    }

    /// <summary>
    /// Replaces the stream's snapshot with one of <paramref name="state"/> at <paramref name="version"/>, or deletes it
    /// when the stream is shorter than <see cref="SnapshotInterval"/> (appends would not have taken one yet). Deletes
    /// the stream's as-of ladder too (<see cref="AsOfLadder"/>): its rungs were folded from the events as they were.
    /// </summary>
    public async Task ReplaceSnapshotAsync<TState>(string streamKey, long version, TState? state, CancellationToken cancellationToken)
        where TState : class
    {
        await using var session = store.LightweightSession();
        session.Delete<AsOfLadder>(streamKey);
        var rungs = EventReader.RungId(streamKey, 0)[..^1];
        session.DeleteWhere<Snapshot<TState>>(x => x.Id.StartsWith(rungs));
        if (state is null || version < SnapshotInterval)
        {
            session.Delete<Snapshot<TState>>(streamKey);
        }
        else
        {
            session.Store(new Snapshot<TState>(streamKey, version, Snapshot<TState>.CurrentFormat, state));
        }
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The snapshot to store with an append that takes a stream from <paramref name="expectedVersion"/> to
    /// <paramref name="newVersion"/>, when that append crosses a multiple of <see cref="SnapshotInterval"/>; else null.
    /// </summary>
    public static Snapshot<TState>? SnapshotDue<TState>(string streamKey, long expectedVersion, long newVersion, TState newState)
        where TState : class =>
        newVersion / SnapshotInterval > expectedVersion / SnapshotInterval
            ? new Snapshot<TState>(streamKey, newVersion, Snapshot<TState>.CurrentFormat, newState)
            : null;

    public async Task<ProcessedCommand?> FindCommandAsync(string commandId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ProcessedCommand>(commandId, cancellationToken);
    }
}
