using LearningOrg.Hosting;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// Three silos and a client that find each other through the ADO.NET membership tables of clustering.sql, in a
/// PostgreSQL schema of this fixture's own (not the TestingHost's in-memory membership). The silos start together on a
/// fresh store schema; the test chooses where grains are activated (<see cref="ChosenSilos"/>).
/// </summary>
public sealed class AdoNetClusterFixture : ClusterFixture
{
    public string OrleansSchemaName { get; } = TestDatabase.NewSchema();

    protected override short Silos => 3;

    protected override void ConfigureCluster(TestClusterBuilder builder)
    {
        OrleansSchema.Apply(OrleansSchemaName);
        ChosenSilos.UseIn(builder);
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
