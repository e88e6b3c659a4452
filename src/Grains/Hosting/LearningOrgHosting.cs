using LearningOrg.Grains.Live;
using LearningOrg.Grains.Persistence;
using LearningOrg.Grains.ReadModels;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Grains.Hosting;

/// <summary>Registrations shared by the standalone silo, the API's embedded silo, the API as a client, and the tests.</summary>
public static class LearningOrgHosting
{
    /// <summary>The connection string's name in configuration (ConnectionStrings:learningorg).</summary>
    public const string ConnectionStringName = "learningorg";

    public const string ServiceId = "learningorg";

    public static string ConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName)
        ?? throw new InvalidOperationException(
            $"ConnectionStrings:{ConnectionStringName} is not set. Start PostgreSQL with infra/postgres.sh start and pass the string it prints.");

    /// <summary>Marten on the configured PostgreSQL, and the event journal the grains write through. Safe to call twice.</summary>
    public static IServiceCollection AddLearningOrgStore(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(EventJournal)))
        {
            return services;
        }
        var connectionString = configuration.ConnectionString();
        var schema = configuration["LearningOrg:Schema"] ?? MartenSetup.DefaultSchema;
        services.AddMarten(options => MartenSetup.Configure(options, connectionString, schema))
            .ApplyAllDatabaseChangesOnStartup();
        services.AddSingleton<EventJournal>();
        services.AddSingleton<SchoolHistoryReader>();
        services.AddSingleton<DirectoryReader>();
        services.AddHostedService<ReadModels.ReadModelCatchUp>();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>A silo hosting LearningOrg's grains, with trace context carried across grain calls.</summary>
    public static ISiloBuilder AddLearningOrgGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddLearningOrgStore(configuration);
        silo.AddActivityPropagation();
        silo.AddLearningOrgLiveUpdates();
        return silo;
    }

    /// <summary>
    /// The memory streams that carry live timeline notifications (<see cref="LiveUpdates"/>), and the grain storage
    /// "PubSubStore" that keeps who subscribes to them. In memory for now; the configured grain storage replaces it.
    /// </summary>
    public static ISiloBuilder AddLearningOrgLiveUpdates(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(LiveUpdates.ProviderName);
        silo.AddMemoryGrainStorage(LiveUpdates.PubSubStorageName);
        return silo;
    }

    /// <summary>The same stream provider on a cluster client, so the API can subscribe in client mode.</summary>
    public static IClientBuilder AddLearningOrgLiveUpdates(this IClientBuilder client) =>
        client.AddMemoryStreams(LiveUpdates.ProviderName);

    /// <summary>
    /// Cluster membership on loopback: Orleans:SiloPort (default 11111) and Orleans:GatewayPort (default 30000).
    /// Several silos on one machine join the primary at Orleans:PrimarySiloPort (default: this silo's own port).
    /// </summary>
    public static ISiloBuilder UseLearningOrgClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        var primary = configuration.GetValue("Orleans:PrimarySiloPort", siloPort);
        var clusterId = configuration["Orleans:ClusterId"] ?? "dev";
        silo.UseLocalhostClustering(siloPort, gatewayPort, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, primary), ServiceId, clusterId);
        return silo;
    }

    /// <summary>A client of a cluster of standalone silos, through the gateway at Orleans:GatewayPort.</summary>
    public static IClientBuilder UseLearningOrgClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        client.UseLocalhostClustering(gatewayPort, ServiceId, configuration["Orleans:ClusterId"] ?? "dev");
        client.AddActivityPropagation();
        client.AddLearningOrgLiveUpdates();
        return client;
    }
}
