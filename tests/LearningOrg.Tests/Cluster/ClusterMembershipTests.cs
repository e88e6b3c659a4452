using LearningOrg.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LearningOrg.Tests.Cluster;

/// <summary>Orleans:Membership and the settings each membership needs.</summary>
public sealed class ClusterMembershipTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Theory]
    [InlineData(null, ClusterMembership.Localhost)]
    [InlineData("localhost", ClusterMembership.Localhost)]
    [InlineData("AdoNet", ClusterMembership.AdoNet)]
    [InlineData("azuretable", ClusterMembership.AzureTable)]
    public void The_membership_is_read_case_insensitively_and_defaults_to_localhost(string? value, ClusterMembership expected)
    {
        var configuration = value is null ? Settings() : Settings(("Orleans:Membership", value));

        Assert.Equal(expected, OrleansClustering.Membership(configuration));
    }

    [Theory]
    [InlineData("Redis")]
    [InlineData("5")]
    public void An_unknown_membership_is_refused_with_the_allowed_values(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => OrleansClustering.Membership(Settings(("Orleans:Membership", value))));

        Assert.Contains("Localhost, AdoNet or AzureTable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_table_membership_without_a_connection_string_stops_the_silo_at_registration_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.UseOrleans(silo => silo.UseLearningOrgClustering(Settings(("Orleans:Membership", "AzureTable")))));

        Assert.Contains("Orleans:AzureTableConnectionString", error.Message, StringComparison.Ordinal);
    }
}
