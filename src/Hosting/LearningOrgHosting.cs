using JasperFx.Events.Daemon;
using LearningOrg.EventStore;
using LearningOrg.EventStore.Telemetry;
using LearningOrg.Grains.EventSourcing;
using LearningOrg.Grains.Live;
using LearningOrg.GrainStorage;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace LearningOrg.Hosting;

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

    /// <summary>
    /// Marten on the configured PostgreSQL, and the event journal the grains write through. Safe to call twice.
    /// <paramref name="runProjectionDaemon"/>: this node takes part in running the async projections
    /// (<see cref="ProjectionDaemon"/>); the nodes that host grains do, an API that is only a client does not.
    /// </summary>
    public static IServiceCollection AddLearningOrgStore(this IServiceCollection services, IConfiguration configuration, bool runProjectionDaemon = false)
    {
        if (services.Any(s => s.ServiceType == typeof(EventJournal)))
        {
            return services;
        }
        var connectionString = configuration.ConnectionString();
        var schema = configuration["LearningOrg:Schema"] ?? MartenSetup.DefaultSchema;
        var marten = services.AddMarten(options => ReadModelSetup.ConfigureStore(options, connectionString, schema))
            .ApplyAllDatabaseChangesOnStartup();
        if (runProjectionDaemon)
        {
            marten.AddAsyncDaemon(DaemonMode.HotCold);
        }
        services.AddSingleton<EventJournal>();
        services.AddSingleton<EventReader>();
        services.AddSingleton(GroupCommitOptions.From(configuration));
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<FollowUpOutbox>();
        services.AddSingleton<SchoolHistoryReader>();
        services.AddSingleton<DirectoryReader>();
        services.AddSingleton<TimelineReader>();
        services.AddSingleton<InitiativeQueries>();
        services.AddSingleton<SchoolReplayQueries>();
        services.AddSingleton<EntryQueries>();
        services.AddHostedService<ReadModels.ReadModelCatchUp>();
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<LearningOrgMetrics>();
        services.AddSingleton<EventStore.Telemetry.ProjectionLag>();
        services.AddHostedService<ProjectionLagGauge>();
        return services;
    }

    /// <summary>
    /// A silo hosting LearningOrg's grains, with trace context carried across grain calls, and the grain storage
    /// (default and PubSubStore) that GrainStorage:Provider selects for the state that is not event-sourced.
    /// </summary>
    public static ISiloBuilder AddLearningOrgGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddLearningOrgStore(configuration, runProjectionDaemon: true);
        silo.AddLearningOrgGrainStorage(configuration);
        silo.AddActivityPropagation();
        silo.AddIncomingGrainCallFilter<StoreUnavailableFilter>();
        silo.Services.AddSingleton<EventSourcedGrainServices>();
        silo.Services.AddSingleton<FollowUpSweep>();
        silo.Services.AddHostedService(services => services.GetRequiredService<FollowUpSweep>());
        silo.AddLearningOrgLiveUpdates();
        return silo;
    }

    /// <summary>
    /// The memory streams that carry live timeline notifications (<see cref="LiveUpdates"/>). Who subscribes to them
    /// is kept in the grain storage "PubSubStore", which AddLearningOrgGrainStorage registers from GrainStorage:Provider.
    /// </summary>
    public static ISiloBuilder AddLearningOrgLiveUpdates(this ISiloBuilder silo)
    {
        silo.AddMemoryStreams(LiveUpdates.ProviderName);
        return silo;
    }

    /// <summary>The same stream provider on a cluster client, so the API can subscribe in client mode.</summary>
    public static IClientBuilder AddLearningOrgLiveUpdates(this IClientBuilder client) =>
        client.AddMemoryStreams(LiveUpdates.ProviderName);

    /// <summary>
    /// Cluster membership (see <see cref="OrleansClustering"/>): Orleans:SiloPort (default 11111) and
    /// Orleans:GatewayPort (default 30000) on loopback, or on Orleans:AdvertisedAddress with a membership table
    /// (AdoNet, AzureTable). With Localhost clustering several silos on one machine join the primary at
    /// Orleans:PrimarySiloPort (default: this silo's own port).
    /// </summary>
    public static ISiloBuilder UseLearningOrgClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var siloPort = configuration.GetValue("Orleans:SiloPort", 11111);
        var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
        var membership = OrleansClustering.Membership(configuration);
        if (membership != ClusterMembership.Localhost)
        {
            silo.UseMembership(membership, configuration)
                .Configure<ClusterOptions>(options => OrleansClustering.Identify(options, configuration))
                .ConfigureEndpoints(OrleansClustering.AdvertisedAddress(configuration), siloPort, gatewayPort, listenOnAnyHostAddress: false);
            return silo;
        }
        var primary = configuration.GetValue("Orleans:PrimarySiloPort", siloPort);
        silo.UseLocalhostClustering(siloPort, gatewayPort, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, primary), ServiceId, OrleansClustering.ClusterId(configuration));
        return silo;
    }

    /// <summary>A client of a cluster of standalone silos: through the gateways in the membership table, or the one at Orleans:GatewayPort.</summary>
    public static IClientBuilder UseLearningOrgClustering(this IClientBuilder client, IConfiguration configuration)
    {
        var membership = OrleansClustering.Membership(configuration);
        if (membership != ClusterMembership.Localhost)
        {
            client.UseMembership(membership, configuration)
                .Configure<ClusterOptions>(options => OrleansClustering.Identify(options, configuration));
        }
        else
        {
            var gatewayPort = configuration.GetValue("Orleans:GatewayPort", 30000);
            client.UseLocalhostClustering(gatewayPort, ServiceId, OrleansClustering.ClusterId(configuration));
        }
        client.AddActivityPropagation();
        client.AddLearningOrgLiveUpdates();
        return client;
    }
}
