using System.Net;
using LearningOrg.Hosting;
using Microsoft.Extensions.Configuration;

namespace LearningOrg.Tests.Cluster;

public class AdvertisedAddressTests
{
    private static readonly IPAddress Lan = IPAddress.Parse("192.168.7.20");

    private static IConfiguration Setting(string? value) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Orleans:AdvertisedAddress"] = value }).Build();

    private static IPAddress AddressFor(string? value) => OrleansClustering.AdvertisedAddress(Setting(value));

    [Fact]
    public void Without_a_setting_a_silo_publishes_loopback() => Assert.Equal(IPAddress.Loopback, AddressFor(null));

    [Fact]
    public void A_configured_address_is_published_as_given() => Assert.Equal(IPAddress.Parse("10.1.2.3"), AddressFor("10.1.2.3"));

    [Fact]
    public void Auto_publishes_the_hosts_first_IPv4_address_that_is_not_loopback()
    {
        IReadOnlyList<IPAddress> host = [IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("fe80::1"), Lan, IPAddress.Parse("10.0.0.9")];

        Assert.Equal(Lan, OrleansClustering.AdvertisedAddress(Setting("auto"), () => host));
    }

    [Fact]
    public void Auto_on_a_host_with_loopback_only_is_refused_rather_than_publishing_an_address_no_peer_reaches()
    {
        IReadOnlyList<IPAddress> host = [IPAddress.Loopback, IPAddress.IPv6Loopback, IPAddress.Parse("fe80::1")];

        var refused = Assert.Throws<InvalidOperationException>(() => OrleansClustering.AdvertisedAddress(Setting("AUTO"), () => host));
        Assert.Contains("no IPv4 address other than loopback", refused.Message, StringComparison.Ordinal);
    }
}
