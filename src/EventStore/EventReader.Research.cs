using System.Runtime.CompilerServices;
using JasperFx.Events;
using LearningOrg.Domain.Common;
using Marten;
using Marten.Events;
using Npgsql;

namespace LearningOrg.EventStore;

/// <summary>One step of a replay: an event, and the aggregate's state right after it.</summary>
public sealed record ReplayStep<TState>(EventEnvelope<DomainEvent> Event, TState State)
    where TState : class;

/// <summary>Which streams a read of the whole store needs: these streams whole, and every stream whose key starts with one of the prefixes.</summary>
public sealed record StreamFilter(IReadOnlyCollection<string> Streams, IReadOnlyCollection<string> Prefixes);

/// <summary>The reads that replay, research exports and bulk imports make of the store.</summary>
public sealed partial class EventReader
{
    /// <summary>How many events a read of the whole store fetches per query.</summary>
    public const int ReadPageSize = 1000;

    /// <summary>How long <see cref="SafeHighWaterMarkAsync"/> waits for appends in flight before giving up.</summary>
    public static readonly TimeSpan HighWaterWait = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The state as of global sequence <paramref name="sequence"/> in transaction time: the fold of the stream's events
    /// that the store held once it had recorded that sequence number, whatever date they say they happened on.
    /// Null when the stream had no event by then.
    /// </summary>
    public async Task<(TState? State, long LastVersion, int Events)> FoldAsOfSequenceAsync<TAggregate, TState, TEvent>(
        string streamKey, long sequence, CancellationToken cancellationToken)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        var known = await ReadStreamUpToAsync(streamKey, sequence, cancellationToken);
        var state = Aggregate.Fold<TAggregate, TState, TEvent>(null, known.Select(e => (TEvent)e.Data));
        return (state, known.Count == 0 ? 0 : known[^1].Version, known.Count);
    }

    /// <summary>A stream's events up to global sequence <paramref name="sequence"/>, in stream order.</summary>
    public async Task<IReadOnlyList<EventEnvelope<DomainEvent>>> ReadStreamUpToAsync(string streamKey, long sequence, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamKey, token: cancellationToken);
        // Within a stream, sequence grows with version: what the store knew then is a prefix of the stream.
        return [.. events.TakeWhile(e => e.Sequence <= sequence).Select(ToRecorded)];
    }

    /// <summary>
    /// Up to <paramref name="limit"/> events from <paramref name="fromVersion"/> on, each with the state right after it,
    /// and whether the stream goes on. Starts from the stream's snapshot when it lies before the page.
    /// </summary>
    public async Task<(IReadOnlyList<ReplayStep<TState>> Steps, bool More)> ReplayAsync<TAggregate, TState, TEvent>(
        string streamKey, long fromVersion, int limit, CancellationToken cancellationToken)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        await using var session = store.QuerySession();
        TState? state = null;
        long version = 0;
        var snapshot = await session.LoadAsync<Snapshot<TState>>(streamKey, cancellationToken);
        if (snapshot is { IsCurrent: true } && snapshot.Version < fromVersion)
        {
            (state, version) = (snapshot.State, snapshot.Version);
        }
        // One event beyond the page tells whether the stream goes on.
        var events = await session.Events.FetchStreamAsync(streamKey, version: fromVersion + limit, fromVersion: version + 1, token: cancellationToken);
        var steps = new List<ReplayStep<TState>>(Math.Min(limit, events.Count));
        foreach (var @event in events)
        {
            if (@event.Version >= fromVersion && steps.Count == limit)
            {
                return (steps, true);
            }
            var data = (TEvent)@event.Data;
            state = state is null ? TAggregate.Create(data) : TAggregate.Apply(state, data);
            if (@event.Version >= fromVersion)
            {
                steps.Add(new ReplayStep<TState>(ToRecorded(@event), state));
            }
        }
        return (steps, false);
    }

    /// <summary>
    /// Every event with a global sequence in (<paramref name="afterSequence"/>, <paramref name="upToSequence"/>], in
    /// sequence order, read a page at a time; only the streams <paramref name="filter"/> names when it is given.
    /// </summary>
    public async IAsyncEnumerable<EventEnvelope<DomainEvent>> ReadAllAsync(
        long afterSequence, long upToSequence, StreamFilter? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var streams = filter?.Streams.ToArray() ?? [];
        var prefixes = filter?.Prefixes.ToArray() ?? [];
        var last = afterSequence;
        await using var session = store.QuerySession();
        while (last < upToSequence)
        {
            var from = last;
            var query = session.Events.QueryAllRawEvents().Where(e => e.Sequence > from && e.Sequence <= upToSequence);
            if (filter is not null)
            {
                query = prefixes.Length switch
                {
                    0 => query.Where(e => e.StreamKey.IsOneOf(streams)),
                    1 => query.Where(e => e.StreamKey.IsOneOf(streams) || e.StreamKey!.StartsWith(prefixes[0])),
                    2 => query.Where(e => e.StreamKey.IsOneOf(streams) || e.StreamKey!.StartsWith(prefixes[0]) || e.StreamKey!.StartsWith(prefixes[1])),
                    _ => throw new ArgumentException("At most two stream key prefixes are supported.", nameof(filter)),
                };
            }
            var page = await query.OrderBy(e => e.Sequence).Take(ReadPageSize).ToListAsync(cancellationToken);
            // Marten fills the sequence numbers of a failed append with tombstones (a version conflict, a repeated command
            // id); they belong to no stream of ours.
            foreach (var @event in page.Where(e => e.Data is DomainEvent))
            {
                yield return ToRecorded(@event);
            }
            if (page.Count < ReadPageSize)
            {
                yield break;
            }
            last = page[^1].Sequence;
        }
    }

    /// <summary>The creation events (version 1) of every stream whose key starts with <paramref name="prefix"/>, up to a sequence.</summary>
    public async Task<IReadOnlyList<EventEnvelope<DomainEvent>>> ReadCreationsAsync(string prefix, long upToSequence, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.Version == 1 && e.Sequence <= upToSequence && e.StreamKey!.StartsWith(prefix))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return [.. events.Select(ToRecorded)];
    }

    /// <summary>The events of these types up to a sequence, in sequence order.</summary>
    public async Task<IReadOnlyList<EventEnvelope<DomainEvent>>> ReadEventsOfTypesAsync(IReadOnlyCollection<Type> types, long upToSequence, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(types.ToArray()) && e.Sequence <= upToSequence)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return [.. events.Select(ToRecorded)];
    }

    /// <summary>The ids of every stream whose key starts with <paramref name="prefix"/>: one row per stream, not per event.</summary>
    public async Task<IReadOnlyList<string>> StreamIdsAsync(string prefix, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select id from {Quote(Schema)}.mt_streams where starts_with(id, @prefix)", connection);
        command.Parameters.AddWithValue("prefix", prefix);
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0)[prefix.Length..]);
        }
        return ids;
    }

    /// <summary>Which of these event ids the store already holds.</summary>
    public async Task<IReadOnlySet<Guid>> ExistingEventIdsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken cancellationToken)
    {
        if (eventIds.Count == 0)
        {
            return new HashSet<Guid>();
        }
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select id from {EventsTable} where id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", eventIds.ToArray());
        var found = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetGuid(0));
        }
        return found;
    }

    /// <summary>
    /// The highest global sequence below which every event has been committed: no append still in flight can later
    /// add an event at or below it, so a read up to it gives the same events whenever it is repeated.
    /// </summary>
    /// <remarks>
    /// Marten 9 has no public API for this outside its async daemon (whose <c>HighWaterDetector</c> needs the daemon
    /// running, and <c>FetchEventStoreStatistics</c> reports the sequence's last value, which counts numbers held by
    /// transactions still in flight). So: take the highest committed sequence M, and with it, in the same statement,
    /// the transactions that hold the lock <c>nextval</c> takes on the events sequence (held until they end). Any event
    /// numbered below M that is not yet visible was numbered by one of them. Once they have all ended, M is safe.
    /// The one exception are the tombstones Marten writes afterwards, in a transaction of its own, to fill the numbers
    /// of an append that failed; they are no domain events, and <see cref="ReadAllAsync"/> skips them.
    /// Appends are short; if one is still open after <see cref="HighWaterWait"/>, this throws <see cref="TimeoutException"/>.
    /// </remarks>
    public async Task<long> SafeHighWaterMarkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        const string Holders = """
            from pg_locks l
            where l.locktype = 'relation' and l.granted and l.pid <> pg_backend_pid()
              and l.database = (select oid from pg_database where datname = current_database())
              and l.relation = to_regclass(@sequence)
            """;
        long mark;
        string[] holders;
        await using (var command = new NpgsqlCommand(
            $"select (select coalesce(max(seq_id), 0) from {EventsTable}), array(select l.virtualtransaction {Holders})", connection))
        {
            command.Parameters.AddWithValue("sequence", SequenceName);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            mark = reader.GetInt64(0);
            holders = reader.GetFieldValue<string[]>(1);
        }
        var deadline = DateTimeOffset.UtcNow + HighWaterWait;
        while (holders.Length > 0)
        {
            await using var command = new NpgsqlCommand($"select array(select l.virtualtransaction {Holders} and l.virtualtransaction = any(@holders))", connection);
            command.Parameters.AddWithValue("sequence", SequenceName);
            command.Parameters.AddWithValue("holders", holders);
            holders = (string[])(await command.ExecuteScalarAsync(cancellationToken))!;
            if (holders.Length == 0)
            {
                break;
            }
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Appends that drew event sequence numbers below {mark} were still open after {HighWaterWait.TotalSeconds} seconds.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }
        return mark;
    }

    private string Schema => store.Options.Events.DatabaseSchemaName;

    private string EventsTable => $"{Quote(Schema)}.mt_events";

    private string SequenceName => $"{Quote(Schema)}.mt_events_sequence";

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
