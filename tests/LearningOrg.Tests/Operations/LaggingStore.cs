using JasperFx.Events;
using JasperFx.Events.Projections;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Marten.Events.Projections;
using Marten.Services;

namespace LearningOrg.Tests.Operations;

/// <summary>
/// A Marten store laid out as LearningOrg's, in a schema of its own, optionally with one asynchronous projection that
/// no daemon runs: every event appended to it is lag until <see cref="CatchUpAsync"/> runs the projection.
/// </summary>
public sealed class LaggingStore : IAsyncDisposable
{
    public const string ProbeProjection = "lag-probe";

    private readonly bool withProbe;

    private LaggingStore(DocumentStore store, bool withProbe) => (Store, this.withProbe) = (store, withProbe);

    public DocumentStore Store { get; }

    public static async Task<LaggingStore> CreateAsync(bool withAsyncProjection)
    {
        var store = DocumentStore.For(options =>
        {
            ReadModelSetup.ConfigureStore(options, TestDatabase.ConnectionString, TestDatabase.NewSchema());
            if (withAsyncProjection)
            {
                options.Projections.Add(new ProbeCountProjection(), ProjectionLifecycle.Async, ProbeProjection);
            }
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return new LaggingStore(store, withAsyncProjection);
    }

    /// <summary>Appends <paramref name="count"/> events, each in a stream of its own.</summary>
    public async Task AppendAsync(int count)
    {
        await using var session = Store.LightweightSession();
        for (var i = 0; i < count; i++)
        {
            session.Events.StartStream($"probe/{Guid.NewGuid():N}", new ProbeRecorded(i));
        }
        await session.SaveChangesAsync();
    }

    /// <summary>Appends <paramref name="count"/> events in a transaction that rolls back: their sequence numbers are taken and never filled.</summary>
    public async Task AppendAndRollBackAsync(int count)
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var session = Store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            for (var i = 0; i < count; i++)
            {
                session.Events.StartStream($"probe/{Guid.NewGuid():N}", new ProbeRecorded(i));
            }
            await session.SaveChangesAsync();
        }
        await transaction.RollbackAsync();
    }

    /// <summary>Runs the asynchronous projections (the store's own and the probe) over every event recorded, as a daemon would.</summary>
    public async Task CatchUpAsync()
    {
        using var daemon = await Store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ReadModelSetup.SchoolActivity, CancellationToken.None);
        if (withProbe)
        {
            await daemon.RebuildProjectionAsync(ProbeProjection, CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        return ValueTask.CompletedTask;
    }
}

public sealed record ProbeRecorded(int Number);

public sealed record ProbeCount(string Id, int Count);

/// <summary>Writes a document per probe event; what it writes matters less than that it runs asynchronously.</summary>
public sealed class ProbeCountProjection : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var recorded in events.Select(e => e.Data).OfType<ProbeRecorded>())
        {
            operations.Store(new ProbeCount($"probe-{recorded.Number}", 1));
        }
        return Task.CompletedTask;
    }
}
