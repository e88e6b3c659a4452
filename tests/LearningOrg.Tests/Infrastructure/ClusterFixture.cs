using LearningOrg.Hosting;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>An Orleans test cluster whose grains keep their streams in the real PostgreSQL, in a schema of its own.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public string Schema { get; } = TestDatabase.NewSchema();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    protected virtual short Silos => 1;

    /// <summary>A Marten store on the cluster's schema, to look at the streams the way a second writer would.</summary>
    public IDocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(Silos);
        builder.Options.ClusterId = Schema;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{LearningOrgHosting.ConnectionStringName}"] = TestDatabase.ConnectionString,
            ["LearningOrg:Schema"] = Schema,
        }));
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        ConfigureCluster(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Store = DocumentStore.For(options => LearningOrg.ReadModels.ReadModelSetup.ConfigureStore(options, TestDatabase.ConnectionString, Schema));
    }

    /// <summary>
    /// Waits (bounded) until every active silo's cluster manifest lists every active silo, so that placement on any of
    /// them can choose any of them.
    /// </summary>
    public async Task WaitUntilSilosKnowEachOtherAsync()
    {
        var silos = Cluster.GetActiveSilos().ToList();
        var addresses = silos.Select(s => s.SiloAddress).ToList();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (!silos.All(silo => addresses.All(((InProcessSiloHandle)silo).SiloHost.Services
            .GetRequiredService<IClusterManifestProvider>().Current.Silos.ContainsKey)))
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>Which of these grain keys have an activation on the silo, as the cluster's management grain reports.</summary>
    public async Task<HashSet<string>> KeysActiveOn(SiloAddress silo, IEnumerable<string> keys)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var statistics = await Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Where(s => s.SiloAddress.Equals(silo)).Select(s => s.GrainId.Key.ToString()!)
            .Where(wanted.Contains).ToHashSet(StringComparer.Ordinal);
    }

    protected virtual void ConfigureCluster(TestClusterBuilder builder)
    {
    }

    public virtual async Task DisposeAsync()
    {
        ChosenSilos.Forget(Schema);
        Store?.Dispose();
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.AddLearningOrgGrains(siloBuilder.Configuration);
    }
}
