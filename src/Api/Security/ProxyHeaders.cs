using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace LearningOrg.Api.Security;

/// <summary>
/// ASP.NET's forwarded-headers middleware for the proxies of <see cref="ProxySettings"/>: a request that reached a
/// configured proxy over HTTPS counts as HTTPS here, so the sign-in cookie gets Secure, and logs show the client's
/// address. Forwarded headers from any other address are ignored.
/// </summary>
public static class ProxyHeaders
{
    /// <summary>First in the pipeline, so that everything after it sees the client's scheme and address.</summary>
    public static WebApplication UseProxyHeaders(this WebApplication app)
    {
        var settings = app.Configuration.GetSection(ProxySettings.Section).Get<ProxySettings>() ?? new ProxySettings();
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // The middleware believes the loopback by default; here only what the deployment names.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{ProxySettings.Section}:KnownProxies: \"{proxy}\" is not an IP address."));
        }
        foreach (var network in settings.KnownNetworks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"{ProxySettings.Section}:KnownNetworks: \"{network}\" is not a network in CIDR notation (10.0.0.0/24)."));
        }
        app.UseForwardedHeaders(options);
        return app;
    }
}
