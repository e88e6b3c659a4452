using LearningOrg.Grains.Hosting;
using LearningOrg.Grains.Persistence;
using Marten;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// Three silos and a client that find each other through the ADO.NET membership tables of clustering.sql, in a
/// PostgreSQL schema of this fixture's own (not the TestingHost's in-memory membership).
/// </summary>
public sealed class AdoNetClusterFixture : ClusterFixture
{
    public string OrleansSchemaName { get; } = TestDatabase.NewSchema();

    protected override short Silos => 3;

    protected override void ConfigureCluster(TestClusterBuilder builder)
    {
        OrleansSchema.Apply(OrleansSchemaName);
        // The three silos start together; with Marten's tables already there none of them waits for the others'
        // migration lock (under load that wait timed out).
        using (var store = DocumentStore.For(options => MartenSetup.Configure(options, TestDatabase.ConnectionString, Schema)))
        {
            store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().GetAwaiter().GetResult();
        }
        builder.Options.UseTestClusterMembership = false;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:Schema"] = OrleansSchemaName,
        }));
        builder.AddSiloBuilderConfigurator<AdoNetSilo>();
        builder.AddClientBuilderConfigurator<AdoNetClient>();
    }

    private sealed class AdoNetSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder.UseAdoNetMembership(siloBuilder.Configuration);
    }

    private sealed class AdoNetClient : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.UseAdoNetMembership(configuration);
    }
}
