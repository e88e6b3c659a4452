using System.Globalization;
using LearningOrg.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// A silo set up as src/Silo sets one up, for an API in client mode (Orleans:Mode=Client): grain calls and their
/// answers, exceptions included, cross a real gateway connection and are serialized as they are between processes.
/// </summary>
public sealed class StandaloneSilo : IAsyncDisposable
{
    private readonly IHost host;

    private StandaloneSilo(IHost host, int gatewayPort, string clusterId)
    {
        this.host = host;
        GatewayPort = gatewayPort;
        ClusterId = clusterId;
    }

    public int GatewayPort { get; }

    public string ClusterId { get; }

    public IServiceProvider Services => host.Services;

    /// <summary>The address this silo publishes to the cluster.</summary>
    public SiloAddress SiloAddress => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    /// <summary>Grain calls made from inside this silo.</summary>
    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public static Task<StandaloneSilo> StartAsync(string connectionString, string schema) =>
        StartAsync(connectionString, schema, new Dictionary<string, string?>());

    /// <summary>A silo with <paramref name="settings"/> over the defaults (e.g. another membership); silos on one schema share a cluster id.</summary>
    public static async Task<StandaloneSilo> StartAsync(string connectionString, string schema, IReadOnlyDictionary<string, string?> settings)
    {
        var gatewayPort = FreePort.Next();
        var clusterId = $"silo-{schema}";
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{LearningOrgHosting.ConnectionStringName}"] = connectionString,
            ["LearningOrg:Schema"] = schema,
            ["Orleans:SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = clusterId,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo
            .UseLearningOrgClustering(builder.Configuration)
            .AddLearningOrgGrains(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        return new StandaloneSilo(host, gatewayPort, clusterId);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
