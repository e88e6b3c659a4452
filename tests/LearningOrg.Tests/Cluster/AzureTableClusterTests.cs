using Azure.Data.Tables;
using Azure.Storage.Blobs;
using LearningOrg.Hosting;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Placement;

namespace LearningOrg.Tests.Cluster;

/// <summary>Answers with the silo it is activated on; activated on the silo that first calls it.</summary>
public interface IWhereaboutsGrain : IGrainWithStringKey
{
    Task<SiloAddress> Host();
}

[PreferLocalPlacement]
public sealed class WhereaboutsGrain(ILocalSiloDetails silo) : Grain, IWhereaboutsGrain
{
    public Task<SiloAddress> Host() => Task.FromResult(silo.SiloAddress);
}

/// <summary>
/// Two silos set up as src/Silo sets them up, configured with Orleans:Membership=AzureTable (and grain storage in
/// Azure Blob Storage), on Azurite: a table and a container of their own, removed afterwards.
/// </summary>
public sealed class AzureTableCluster : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public string Schema { get; } = TestDatabase.NewSchema();

    public string TableName { get; } = $"silos{Guid.NewGuid():N}";

    private string ContainerName { get; } = TestAzurite.NewContainerName();

    public StandaloneSilo First { get; private set; } = null!;

    public StandaloneSilo Second { get; private set; } = null!;

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Orleans:Membership"] = "AzureTable",
        ["Orleans:AzureTableConnectionString"] = TestAzurite.ConnectionString,
        ["Orleans:AzureTableName"] = TableName,
        ["GrainStorage:Provider"] = "AzureBlob",
        ["GrainStorage:AzureConnectionString"] = TestAzurite.ConnectionString,
        ["GrainStorage:AzureContainer"] = ContainerName,
    };

    public TableClient Table => new TableServiceClient(TestAzurite.ConnectionString).GetTableClient(TableName);

    public async Task InitializeAsync()
    {
        // One after the other: the first creates Marten's tables, so the second never waits on its migration lock.
        First = await StandaloneSilo.StartAsync(TestDatabase.ConnectionString, Schema, Settings);
        Second = await StandaloneSilo.StartAsync(TestDatabase.ConnectionString, Schema, Settings);
    }

    /// <summary>Waits until <paramref name="silo"/>'s view of the cluster has every one of <paramref name="members"/> active.</summary>
    public static async Task SeesActive(StandaloneSilo silo, params SiloAddress[] members)
    {
        using var deadline = new CancellationTokenSource(Patience);
        var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
        // The first update is the current view; each later one follows a change of membership.
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(deadline.Token))
        {
            if (members.All(member => snapshot.GetSiloStatus(member) == SiloStatus.Active))
            {
                return;
            }
        }
        throw new InvalidOperationException($"The membership updates of {silo.SiloAddress} ended before every member was active.");
    }

    public async Task DisposeAsync()
    {
        if (Second is not null)
        {
            await Second.DisposeAsync();
        }
        if (First is not null)
        {
            await First.DisposeAsync();
        }
        await Table.DeleteAsync();
        await new BlobServiceClient(TestAzurite.ConnectionString).GetBlobContainerClient(ContainerName).DeleteIfExistsAsync();
    }
}

public sealed class AzureTableClusterTests(AzureTableCluster cluster) : IClassFixture<AzureTableCluster>
{
    [Fact]
    public async Task Two_silos_meeting_in_an_azure_table_see_each_other_as_active_members_and_the_table_says_so()
    {
        SiloAddress[] both = [cluster.First.SiloAddress, cluster.Second.SiloAddress];

        await AzureTableCluster.SeesActive(cluster.First, both);
        await AzureTableCluster.SeesActive(cluster.Second, both);

        var rows = await cluster.Table.QueryAsync<TableEntity>(row => row.PartitionKey == cluster.First.ClusterId).ToListAsync();
        var active = rows.Where(row => row.GetString("Status") == "Active").Select(row => row.GetString("Port")).Order().ToList();
        Assert.Equal(both.Select(silo => silo.Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), active);
    }

    [Fact]
    public async Task A_call_from_one_silo_reaches_the_grain_activated_on_the_other()
    {
        await AzureTableCluster.SeesActive(cluster.First, cluster.First.SiloAddress, cluster.Second.SiloAddress);
        var key = $"on-second-{Guid.NewGuid():N}";
        Assert.Equal(cluster.Second.SiloAddress, await cluster.Second.Grains.GetGrain<IWhereaboutsGrain>(key).Host());

        var answeredFrom = await cluster.First.Grains.GetGrain<IWhereaboutsGrain>(key).Host();

        Assert.Equal(cluster.Second.SiloAddress, answeredFrom);
    }

    [Fact]
    public async Task A_client_finds_the_gateways_in_the_table_and_reaches_both_silos()
    {
        await AzureTableCluster.SeesActive(cluster.Second, cluster.First.SiloAddress, cluster.Second.SiloAddress);
        var onFirst = $"on-first-{Guid.NewGuid():N}";
        var onSecond = $"on-second-{Guid.NewGuid():N}";
        await cluster.First.Grains.GetGrain<IWhereaboutsGrain>(onFirst).Host();
        await cluster.Second.Grains.GetGrain<IWhereaboutsGrain>(onSecond).Host();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(cluster.Settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Orleans:ClusterId"] = cluster.First.ClusterId });
        builder.UseOrleansClient(client => client.UseLearningOrgClustering(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IClusterClient>();

        Assert.Equal(cluster.First.SiloAddress, await grains.GetGrain<IWhereaboutsGrain>(onFirst).Host());
        Assert.Equal(cluster.Second.SiloAddress, await grains.GetGrain<IWhereaboutsGrain>(onSecond).Host());
        await host.StopAsync();
    }
}
