using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.Clustering.AzureStorage;
using Orleans.Configuration;

namespace LearningOrg.Hosting;

/// <summary>How silos find each other and clients find silos: the values of Orleans:Membership.</summary>
public enum ClusterMembership
{
    /// <summary>One machine: silos join the primary at Orleans:PrimarySiloPort; for development and tests.</summary>
    Localhost,

    /// <summary>
    /// Membership in PostgreSQL (the tables of infra/orleans/postgresql/clustering.sql, in the schema
    /// Orleans:Schema): any number of silos, on any ports, form one cluster and clients read the gateways there.
    /// </summary>
    AdoNet,

    /// <summary>
    /// Membership in an Azure Storage table (Orleans:AzureTableConnectionString, table Orleans:AzureTableName),
    /// through Microsoft.Orleans.Clustering.AzureStorage; as AdoNet, but with no schema to apply.
    /// </summary>
    AzureTable,
}

/// <summary>
/// The membership Orleans:Membership chooses (not Orleans:Clustering: Orleans itself reads that section as the
/// configuration of a clustering provider), and the settings of each.
/// </summary>
public static class OrleansClustering
{
    public const string DefaultSchema = "orleans";

    /// <summary>The ADO.NET invariant of Npgsql, which the provider loads by name.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    public static ClusterMembership Membership(IConfiguration configuration)
    {
        var value = configuration["Orleans:Membership"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return ClusterMembership.Localhost;
        }
        return Enum.TryParse<ClusterMembership>(value, ignoreCase: true, out var membership) && Enum.IsDefined(membership)
            ? membership
            : throw new InvalidOperationException($"Orleans:Membership must be Localhost, AdoNet or AzureTable, not {value}.");
    }

    /// <summary>
    /// The LearningOrg connection string with its search path on Orleans' schema: the provider's statements name
    /// their tables without a schema.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration) =>
        new NpgsqlConnectionStringBuilder(configuration.ConnectionString())
        {
            SearchPath = configuration["Orleans:Schema"] ?? DefaultSchema,
        }.ConnectionString;

    public static string ClusterId(IConfiguration configuration) => configuration["Orleans:ClusterId"] ?? "dev";

    /// <summary>
    /// The address silos publish in the membership table (Orleans:AdvertisedAddress, default 127.0.0.1). "auto" takes
    /// the host's first IPv4 address that is not loopback: in a container each replica's address is only known there.
    /// </summary>
    public static IPAddress AdvertisedAddress(IConfiguration configuration) =>
        AdvertisedAddress(configuration, () => Dns.GetHostAddresses(Dns.GetHostName()));

    /// <summary>The address to publish, "auto" choosing among <paramref name="hostAddresses"/>.</summary>
    public static IPAddress AdvertisedAddress(IConfiguration configuration, Func<IReadOnlyList<IPAddress>> hostAddresses) =>
        configuration["Orleans:AdvertisedAddress"] switch
        {
            null or "" => IPAddress.Loopback,
            var auto when string.Equals(auto, "auto", StringComparison.OrdinalIgnoreCase) =>
                hostAddresses().FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                    ?? throw new InvalidOperationException("Orleans:AdvertisedAddress is auto, but this host has no IPv4 address other than loopback."),
            var address => IPAddress.Parse(address),
        };

    public static ISiloBuilder UseAdoNetMembership(this ISiloBuilder silo, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        return silo.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
    }

    public static IClientBuilder UseAdoNetMembership(this IClientBuilder client, IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        return client.UseAdoNetClustering(options =>
        {
            options.Invariant = NpgsqlInvariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>The Azure Storage account of AzureTable membership; read when the silo or client is built, so a missing one stops it there.</summary>
    public static string AzureTableConnectionString(IConfiguration configuration) =>
        configuration["Orleans:AzureTableConnectionString"]
        ?? throw new InvalidOperationException("Orleans:Membership is AzureTable but Orleans:AzureTableConnectionString is not set (infra/azurite.sh start prints one).");

    /// <summary>The membership table (Orleans:AzureTableName, default Orleans' own name): silos of one cluster id share its partition.</summary>
    public static string AzureTableName(IConfiguration configuration) =>
        configuration["Orleans:AzureTableName"] ?? AzureStorageClusteringOptions.DEFAULT_TABLE_NAME;

    public static ISiloBuilder UseAzureTableMembership(this ISiloBuilder silo, IConfiguration configuration) =>
        silo.UseAzureStorageClustering(AzureTable<AzureStorageClusteringOptions>(configuration));

    public static IClientBuilder UseAzureTableMembership(this IClientBuilder client, IConfiguration configuration) =>
        client.UseAzureStorageClustering(AzureTable<AzureStorageGatewayOptions>(configuration));

    /// <summary>The table settings silos and clients share; the settings are read now, not when Orleans applies them.</summary>
    private static Action<TOptions> AzureTable<TOptions>(IConfiguration configuration) where TOptions : AzureStorageOperationOptions
    {
        var tables = new TableServiceClient(AzureTableConnectionString(configuration));
        var name = AzureTableName(configuration);
        return options =>
        {
            options.TableServiceClient = tables;
            options.TableName = name;
        };
    }

    /// <summary>The silo side of a membership other than Localhost (which comes with its endpoints, see UseLearningOrgClustering).</summary>
    internal static ISiloBuilder UseMembership(this ISiloBuilder silo, ClusterMembership membership, IConfiguration configuration) => membership switch
    {
        ClusterMembership.AdoNet => silo.UseAdoNetMembership(configuration),
        ClusterMembership.AzureTable => silo.UseAzureTableMembership(configuration),
        _ => throw new InvalidOperationException($"{membership} membership is not set up through a membership table."),
    };

    internal static IClientBuilder UseMembership(this IClientBuilder client, ClusterMembership membership, IConfiguration configuration) => membership switch
    {
        ClusterMembership.AdoNet => client.UseAdoNetMembership(configuration),
        ClusterMembership.AzureTable => client.UseAzureTableMembership(configuration),
        _ => throw new InvalidOperationException($"{membership} membership is not set up through a membership table."),
    };

    internal static void Identify(ClusterOptions options, IConfiguration configuration)
    {
        options.ClusterId = ClusterId(configuration);
        options.ServiceId = LearningOrgHosting.ServiceId;
    }
}
