namespace LearningOrg.Api.Security;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the reverse proxies (a TLS-terminating load balancer, an ingress)
/// whose X-Forwarded-For and X-Forwarded-Proto the app believes. Only the listed addresses and networks are
/// believed; with none listed, forwarded headers are ignored.
/// </summary>
public sealed class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the proxies, such as 10.0.0.5 or fd00::5.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, such as 10.0.0.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
