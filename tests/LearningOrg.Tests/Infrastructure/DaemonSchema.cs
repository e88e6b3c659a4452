using JasperFx.Events.Daemon;
using LearningOrg.EventStore;
using LearningOrg.Hosting;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// A schema of a test's own with Marten's tables in it, a store that writes and reads it as another process would, and
/// the nodes started on it that take part in running the async projections: the store registered as a silo registers
/// it, without grains. Stops every node it started. LEARNINGORG_DAEMON_LOG set shows Marten's daemon log on the console.
/// </summary>
public sealed class DaemonSchema : IAsyncLifetime
{
    private readonly List<IHost> nodes = [];

    public string Name { get; } = TestDatabase.NewSchema();

    public DocumentStore Store { get; private set; } = null!;

    public IReadOnlyList<IHost> Nodes => nodes;

    public async Task InitializeAsync()
    {
        Store = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, TestDatabase.ConnectionString, Name));
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes.ToList())
        {
            await StopNodeAsync(node);
        }
        Store.Dispose();
    }

    public async Task<IHost> StartNodeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{LearningOrgHosting.ConnectionStringName}"] = TestDatabase.ConnectionString,
            ["LearningOrg:Schema"] = Name,
        });
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("LEARNINGORG_DAEMON_LOG") is not null)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Information);
        }
        builder.Services.AddLearningOrgStore(builder.Configuration, runProjectionDaemon: true);
        var node = builder.Build();
        nodes.Add(node);
        await node.StartAsync();
        return node;
    }

    public async Task StopNodeAsync(IHost node)
    {
        nodes.Remove(node);
        await node.StopAsync();
        node.Dispose();
    }

    /// <summary>The projection agents running on the node: none while another node holds the daemon's locks.</summary>
    public static IReadOnlyList<object> Agents(IHost node) =>
        [.. node.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().CurrentAgents()];

    /// <summary>The advisory lock ids the hot/cold daemon takes on a store's schema, one per projection shard.</summary>
    public static long[] LockIds(DocumentStore store)
    {
        var projections = store.Options.Projections;
        return [.. projections.AllShards().Select(shard => (long)ProjectionLockIds.Compute(store.Options.DatabaseSchemaName, shard.Name, projections.DaemonLockId))];
    }
}
