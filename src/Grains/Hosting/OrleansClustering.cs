using System.Net;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Orleans.Configuration;

namespace LearningOrg.Grains.Hosting;

/// <summary>
/// How silos find each other and clients find silos, chosen by Orleans:Membership (not Orleans:Clustering: Orleans
/// itself reads that section as the configuration of a clustering provider):
/// <list type="bullet">
/// <item><c>Localhost</c> (the default): one machine, silos join the primary at Orleans:PrimarySiloPort; for
/// development and tests.</item>
/// <item><c>AdoNet</c>: membership in PostgreSQL (the tables of infra/orleans/postgresql/clustering.sql, in the
/// schema Orleans:Schema), so any number of silos, on any ports, form one cluster and clients read the gateways
/// from the same table.</item>
/// </list>
/// </summary>
public static class OrleansClustering
{
    public const string DefaultSchema = "orleans";

    /// <summary>The ADO.NET invariant of Npgsql, which the provider loads by name.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    public static bool UsesAdoNet(IConfiguration configuration)
    {
        var mode = configuration["Orleans:Membership"] ?? "Localhost";
        if (string.Equals(mode, "AdoNet", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return string.Equals(mode, "Localhost", StringComparison.OrdinalIgnoreCase)
            ? false
            : throw new InvalidOperationException($"Orleans:Membership must be Localhost or AdoNet, not {mode}.");
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
    public static IPAddress AdvertisedAddress(IConfiguration configuration) => configuration["Orleans:AdvertisedAddress"] switch
    {
        null or "" => IPAddress.Loopback,
        var auto when string.Equals(auto, "auto", StringComparison.OrdinalIgnoreCase) =>
            Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
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

    internal static void Identify(ClusterOptions options, IConfiguration configuration)
    {
        options.ClusterId = ClusterId(configuration);
        options.ServiceId = LearningOrgHosting.ServiceId;
    }
}
