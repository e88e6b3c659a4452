using System.Net;
using System.Net.Sockets;
using LearningOrg.EventStore;
using LearningOrg.Hosting;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Bench.Harness;

/// <summary>
/// LearningOrg's grains in this process, on one schema of the bench database: the same registrations as the silo and
/// the API's embedded silo (<see cref="LearningOrgHosting"/>), with grain storage in memory and logging at warnings.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost host;

    private BenchSilo(IHost host) => this.host = host;

    public IServiceProvider Services => host.Services;

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public IDocumentStore Store => host.Services.GetRequiredService<IDocumentStore>();

    public EventJournal Journal => host.Services.GetRequiredService<EventJournal>();

    public EventReader Reader => host.Services.GetRequiredService<EventReader>();

    public static async Task<BenchSilo> StartAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{LearningOrgHosting.ConnectionStringName}"] = connectionString,
            ["LearningOrg:Schema"] = schema,
            ["GrainStorage:Provider"] = "Memory",
            ["Orleans:SiloPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = $"bench-{schema}",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseLearningOrgClustering(builder.Configuration)
            .AddLearningOrgGrains(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new BenchSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
