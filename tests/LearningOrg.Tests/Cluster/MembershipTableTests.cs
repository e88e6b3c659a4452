using System.Net;
using LearningOrg.Hosting;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Membership;
using Orleans.Runtime.MembershipService;

namespace LearningOrg.Tests.Cluster;

/// <summary>
/// Our clustering.sql against the provider that reads it: every membership operation Orleans performs, through
/// Orleans' own AdoNetClusteringTable and AdoNetGatewayListProvider, on a schema of this test's own.
/// </summary>
public sealed class MembershipTableTests : IAsyncLifetime
{
    private readonly string schema = TestDatabase.NewSchema();
    private readonly string clusterId = $"members-{Guid.NewGuid():N}";
    private AdoNetClusteringTable table = null!;

    public async Task InitializeAsync()
    {
        await OrleansSchema.ApplyAsync(schema);
        table = NewTable(clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Applying_the_script_twice_keeps_the_cluster_and_its_silos()
    {
        var silo = Entry(11111, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version));

        await OrleansSchema.ApplyAsync(schema);

        var reopened = NewTable(clusterId);
        await reopened.InitializeMembershipTableAsync(tryInitTableVersion: false);
        var all = await reopened.ReadAllAsync();
        Assert.Equal(silo.SiloAddress, Assert.Single(all.Members).Item1.SiloAddress);
    }

    [Fact]
    public async Task A_new_cluster_starts_at_version_zero_and_a_second_initialisation_keeps_it()
    {
        await NewTable(clusterId).InitializeMembershipTableAsync(tryInitTableVersion: true);

        var all = await table.ReadAllAsync();
        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
    }

    [Fact]
    public async Task A_silo_is_inserted_only_at_the_version_it_read_and_only_once()
    {
        var start = await table.ReadAllAsync();
        var silo = Entry(11111, SiloStatus.Joining);

        Assert.True(await table.InsertRowAsync(silo, start.Version));
        // The version moved on: the same etag is stale now, for this silo and for any other.
        Assert.False(await table.InsertRowAsync(Entry(11112, SiloStatus.Joining), start.Version));
        var after = await table.ReadAllAsync();
        Assert.Equal(start.Version.Version + 1, after.Version.Version);
        // Inserting a silo that is already there changes nothing, the version included.
        Assert.False(await table.InsertRowAsync(silo, after.Version));

        var read = await table.ReadAllAsync();
        Assert.Equal(after.Version.Version, read.Version.Version);
        var (stored, etag) = Assert.Single(read.Members);
        Assert.Equal(silo.SiloAddress, stored.SiloAddress);
        Assert.Equal(silo.SiloName, stored.SiloName);
        Assert.Equal(silo.HostName, stored.HostName);
        Assert.Equal(silo.ProxyPort, stored.ProxyPort);
        Assert.Equal(SiloStatus.Joining, stored.Status);
        Assert.Equal(silo.StartTime, stored.StartTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(read.Version.VersionEtag, etag);
    }

    [Fact]
    public async Task An_update_applies_at_the_current_version_and_a_stale_one_is_refused()
    {
        var silo = Entry(11111, SiloStatus.Joining);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version));
        var read = await table.ReadAllAsync();

        var suspect = SiloAddress.New(IPAddress.Loopback, 11112, 7);
        silo.Status = SiloStatus.Active;
        silo.SuspectTimes = [Tuple.Create(suspect, DateTime.UtcNow)];
        Assert.True(await table.UpdateRowAsync(silo, read.Version.VersionEtag, read.Version));

        silo.Status = SiloStatus.Dead;
        Assert.False(await table.UpdateRowAsync(silo, read.Version.VersionEtag, read.Version));

        var row = Assert.Single((await table.ReadRowAsync(silo.SiloAddress)).Members).Item1;
        Assert.Equal(SiloStatus.Active, row.Status);
        Assert.NotNull(row.SuspectTimes);
        Assert.Equal(suspect, Assert.Single(row.SuspectTimes).Item1);
    }

    [Fact]
    public async Task Reading_one_row_gives_that_silo_or_only_the_version()
    {
        var silo = Entry(11111, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version));

        var found = await table.ReadRowAsync(silo.SiloAddress);
        var missing = await table.ReadRowAsync(SiloAddress.New(IPAddress.Loopback, 9999, 1));

        Assert.Equal(silo.SiloAddress, Assert.Single(found.Members).Item1.SiloAddress);
        Assert.Empty(missing.Members);
        Assert.Equal(found.Version.Version, missing.Version.Version);
    }

    [Fact]
    public async Task A_heartbeat_moves_the_alive_time_forward_only_and_leaves_the_version()
    {
        var silo = Entry(11111, SiloStatus.Active);
        Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version));
        var version = (await table.ReadAllAsync()).Version.Version;

        var later = silo.IAmAliveTime.AddMinutes(5);
        silo.IAmAliveTime = later;
        await table.UpdateIAmAliveAsync(silo);
        silo.IAmAliveTime = later.AddMinutes(-10);
        await table.UpdateIAmAliveAsync(silo);

        var read = await table.ReadAllAsync();
        Assert.Equal(later, Assert.Single(read.Members).Item1.IAmAliveTime, TimeSpan.FromMilliseconds(1));
        Assert.Equal(version, read.Version.Version);
    }

    [Fact]
    public async Task Clients_find_the_active_silos_gateways_only()
    {
        var active = Entry(11111, SiloStatus.Active, proxyPort: 30001);
        var joining = Entry(11112, SiloStatus.Joining, proxyPort: 30002);
        var noGateway = Entry(11113, SiloStatus.Active, proxyPort: 0);
        foreach (var silo in new[] { active, joining, noGateway })
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version));
        }

        var gateways = NewGateways(clusterId);
        await gateways.InitializeGatewayListProvider();
        var uris = await gateways.GetGateways();

        var gateway = Assert.Single(uris);
        Assert.Equal(SiloAddress.New(IPAddress.Loopback, 30001, active.SiloAddress.Generation).ToGatewayUri(), gateway);
    }

    [Fact]
    public async Task Clusters_with_other_ids_do_not_see_each_other()
    {
        var other = NewTable($"other-{Guid.NewGuid():N}");
        await other.InitializeMembershipTableAsync(tryInitTableVersion: true);
        Assert.True(await other.InsertRowAsync(Entry(11111, SiloStatus.Active), (await other.ReadAllAsync()).Version));

        Assert.Empty((await table.ReadAllAsync()).Members);
        Assert.Single((await other.ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Cleanup_removes_dead_silos_older_than_the_cutoff_and_nothing_else()
    {
        var old = DateTime.UtcNow.AddDays(-10);
        var deadLongAgo = Entry(11111, SiloStatus.Dead, startTime: old);
        var deadRecently = Entry(11112, SiloStatus.Dead);
        var activeLongAgo = Entry(11113, SiloStatus.Active, startTime: old);
        foreach (var silo in new[] { deadLongAgo, deadRecently, activeLongAgo })
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync()).Version));
        }

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-1));

        var left = (await table.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal([deadRecently.SiloAddress, activeLongAgo.SiloAddress], left.OrderBy(a => a.Endpoint.Port));
    }

    [Fact]
    public async Task Deleting_a_cluster_removes_its_version_and_silos()
    {
        Assert.True(await table.InsertRowAsync(Entry(11111, SiloStatus.Active), (await table.ReadAllAsync()).Version));

        await table.DeleteMembershipTableEntriesAsync(clusterId);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var all = await table.ReadAllAsync();
        Assert.Empty(all.Members);
        Assert.Equal(0, all.Version.Version);
    }

    private static MembershipEntry Entry(int port, SiloStatus status, int proxyPort = 30000, DateTime? startTime = null)
    {
        var start = startTime ?? DateTime.UtcNow;
        return new MembershipEntry
        {
            SiloAddress = SiloAddress.New(IPAddress.Loopback, port, SiloAddress.AllocateNewGeneration()),
            SiloName = $"silo-{port}",
            HostName = "127.0.0.1",
            Status = status,
            ProxyPort = proxyPort,
            StartTime = start,
            IAmAliveTime = start,
        };
    }

    private AdoNetClusteringTable NewTable(string cluster) =>
        new(new ServiceCollection().BuildServiceProvider(),
            Options.Create(new ClusterOptions { ClusterId = cluster, ServiceId = LearningOrgHosting.ServiceId }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = OrleansClustering.NpgsqlInvariant, ConnectionString = OrleansSchema.ConnectionString(schema) }),
            NullLogger<AdoNetClusteringTable>.Instance);

    private AdoNetGatewayListProvider NewGateways(string cluster) =>
        new(NullLogger<AdoNetGatewayListProvider>.Instance,
            new ServiceCollection().BuildServiceProvider(),
            Options.Create(new AdoNetClusteringClientOptions { Invariant = OrleansClustering.NpgsqlInvariant, ConnectionString = OrleansSchema.ConnectionString(schema) }),
            Options.Create(new GatewayOptions()),
            Options.Create(new ClusterOptions { ClusterId = cluster, ServiceId = LearningOrgHosting.ServiceId }));
}
