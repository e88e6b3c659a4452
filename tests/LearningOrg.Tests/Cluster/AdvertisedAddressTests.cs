using System.Net;
using LearningOrg.Grains.Hosting;
using Microsoft.Extensions.Configuration;

namespace LearningOrg.Tests.Cluster;

public class AdvertisedAddressTests
{
    private static IPAddress AddressFor(string? value) => OrleansClustering.AdvertisedAddress(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Orleans:AdvertisedAddress"] = value }).Build());

    [Fact]
    public void Without_a_setting_a_silo_publishes_loopback() => Assert.Equal(IPAddress.Loopback, AddressFor(null));

    [Fact]
    public void A_configured_address_is_published_as_given() => Assert.Equal(IPAddress.Parse("10.1.2.3"), AddressFor("10.1.2.3"));

    [Fact]
    public void Auto_publishes_one_of_this_hosts_own_addresses_and_never_loopback()
    {
        IPAddress auto;
        try
        {
            auto = AddressFor("auto");
        }
        catch (InvalidOperationException refused)
        {
            // A host with loopback only (some sandboxes) must be told so rather than publish an address no peer reaches.
            Assert.Contains("no IPv4 address other than loopback", refused.Message, StringComparison.Ordinal);
            return;
        }
        Assert.False(IPAddress.IsLoopback(auto));
        Assert.Contains(auto, Dns.GetHostAddresses(Dns.GetHostName()));
    }
}
