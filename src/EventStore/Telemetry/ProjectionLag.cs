using Marten;
using Marten.Storage;

namespace LearningOrg.EventStore.Telemetry;

/// <summary>
/// How far the asynchronous projections trail the event store, in events: the highest sequence of a recorded event
/// minus the sequence the slowest async projection has reached (from Marten's progression table). Inline projections
/// are written with the events, so a store that has only those never lags and reports zero.
/// </summary>
/// <remarks>
/// Measured against the events that exist, not against the event sequence: numbers taken by a transaction that never
/// committed (a writer killed mid-append, a PostgreSQL crash) are no events, and counting them would report a lag that
/// no projection could ever work off.
/// </remarks>
public sealed class ProjectionLag(IDocumentStore store)
{
    /// <summary>The largest lag over the async projections, and each one's lag by shard name.</summary>
    public async Task<(long Events, IReadOnlyDictionary<string, long> ByProjection)> MeasureAsync(CancellationToken cancellationToken)
    {
        var reading = await ReadAsync(cancellationToken);
        return (reading.Events, reading.ByProjection);
    }

    /// <summary>The highest recorded event and where each async projection stands.</summary>
    public async Task<ProjectionLagReading> ReadAsync(CancellationToken cancellationToken)
    {
        var asyncShards = ((DocumentStore)store).Options.Projections.AllShards().Select(shard => shard.Name.Identity).ToArray();
        if (asyncShards.Length == 0)
        {
            return new ProjectionLagReading(0, new Dictionary<string, long>());
        }
        var database = (MartenDatabase)store.Storage.Database;
        var highest = await database.FetchMaxEventSequenceAsync(cancellationToken) ?? 0;
        var progress = (await database.AllProjectionProgress(cancellationToken)).ToDictionary(state => state.ShardName, state => state.Sequence);
        // A shard with no progression row has not processed anything yet.
        return new ProjectionLagReading(highest, asyncShards.ToDictionary(shard => shard, shard => progress.GetValueOrDefault(shard)));
    }
}

/// <summary>The highest recorded event's sequence, and the sequence each async projection has processed up to, by shard name.</summary>
public sealed record ProjectionLagReading(long Highest, IReadOnlyDictionary<string, long> Progress)
{
    public IReadOnlyDictionary<string, long> ByProjection { get; } =
        Progress.ToDictionary(shard => shard.Key, shard => Math.Max(0, Highest - shard.Value));

    /// <summary>What the slowest projection trails by; zero without async projections.</summary>
    public long Events => ByProjection.Values.DefaultIfEmpty(0).Max();
}
