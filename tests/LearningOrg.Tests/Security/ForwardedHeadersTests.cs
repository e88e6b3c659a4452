using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using LearningOrg.Api.Security;
using LearningOrg.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace LearningOrg.Tests.Security;

/// <summary>The API behind a TLS-terminating proxy at 127.0.0.1, the only address configured as a proxy.</summary>
public sealed class ProxiedApiFixture : ApiFixture
{
    public const string Proxy = "127.0.0.1";

    protected override bool LocalIssuerEnabled => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{ProxySettings.Section}:KnownProxies:0", Proxy);
    }
}

/// <summary>
/// X-Forwarded-Proto is believed from a configured proxy only: from it, a request the proxy took over HTTPS gets a
/// Secure sign-in cookie; from any other address the header changes nothing.
/// </summary>
public sealed partial class ForwardedHeadersTests(ProxiedApiFixture api) : IClassFixture<ProxiedApiFixture>
{
    /// <summary>Another loopback address, which Linux answers without configuration, so the API sees an unknown peer.</summary>
    private const string Stranger = "127.0.0.2";

    [Fact]
    public async Task Https_forwarded_by_a_configured_proxy_makes_the_sign_in_cookie_secure()
    {
        var cookie = await SessionCookieAsync(from: ProxiedApiFixture.Proxy, forwardedProto: "https");

        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_forwarded_scheme_a_plain_HTTP_request_gets_no_secure_cookie()
    {
        var cookie = await SessionCookieAsync(from: ProxiedApiFixture.Proxy, forwardedProto: null);

        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Https_forwarded_from_an_address_that_is_no_configured_proxy_is_ignored()
    {
        var cookie = await SessionCookieAsync(from: Stranger, forwardedProto: "https");

        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Signs in through the persona page from <paramref name="from"/>; the Set-Cookie of the session.</summary>
    private async Task<string> SessionCookieAsync(string from, string? forwardedProto)
    {
        using var client = ClientFrom(from);
        using var page = await SendAsync(client, new HttpRequestMessage(HttpMethod.Get, SecurityServices.SignInPath), forwardedProto, cookies: null);
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookies = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var signIn = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.SignInPostPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [SignInEndpoints.AntiforgeryField] = token,
                ["persona"] = "admin",
            }),
        };

        using var answer = await SendAsync(client, signIn, forwardedProto, cookies);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return Assert.Single(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SecurityServices.CookieName + "=", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string? forwardedProto, string? cookies)
    {
        using (request)
        {
            if (forwardedProto is not null)
            {
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            }
            if (cookies is not null)
            {
                request.Headers.Add("Cookie", cookies);
            }
            return await client.SendAsync(request);
        }
    }

    /// <summary>A client whose connections leave from <paramref name="localAddress"/>, cookies handled by hand.</summary>
    private HttpClient ClientFrom(string localAddress)
    {
        var port = api.Http.BaseAddress!.Port;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(localAddress), 0));
                    await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
