using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Tests.Security;

/// <summary>Every endpoint and page of the app, each with a caller it lets in and one it turns away (docs/security.md).</summary>
public sealed class AccessMatrixTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    /// <summary>The table's endpoint keys; the rows are built with the fixture's teacher in <see cref="RuleFor"/>.</summary>
    public static TheoryData<string> Endpoints()
    {
        var data = new TheoryData<string>();
        foreach (var rule in AccessTable.Rules("any-teacher"))
        {
            data.Add(rule.Endpoint);
        }
        return data;
    }

    public static TheoryData<string> GuardedEndpoints()
    {
        var data = new TheoryData<string>();
        foreach (var rule in AccessTable.Rules("any-teacher").Where(r => !r.IsPublic))
        {
            data.Add(rule.Endpoint);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task The_allowed_caller_gets_past_authorization_to_the_answer_the_table_promises(string endpoint)
    {
        var rule = RuleFor(endpoint);

        using var response = await SendAsync(rule, rule.Allowed);

        Assert.True(rule.Expected == response.StatusCode,
            $"{rule.Allowed} on {rule.Method} {rule.Path}: expected {(int)rule.Expected}, got {(int)response.StatusCode}.");
        if (rule.Expected == HttpStatusCode.BadRequest && !rule.IsBrowserRoute)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(GuardedEndpoints))]
    public async Task The_denied_caller_is_turned_away(string endpoint)
    {
        var rule = RuleFor(endpoint);
        var denied = rule.Denied!.Value;

        using var response = await SendAsync(rule, denied);

        if (rule.IsBrowserRoute && denied == Who.Anonymous)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else if (rule.IsBrowserRoute)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("Access denied", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(denied == Who.Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [MemberData(nameof(GuardedEndpoints))]
    public async Task Without_credentials_a_guarded_endpoint_answers_401_or_sends_to_sign_in(string endpoint)
    {
        var rule = RuleFor(endpoint);

        using var response = await SendAsync(rule, Who.Anonymous);

        if (rule.IsBrowserRoute)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_mapped_endpoint_has_a_rule_in_the_access_table()
    {
        var mapped = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .SelectMany(Keys)
            .ToHashSet(StringComparer.Ordinal);
        var table = AccessTable.Rules("any-teacher").Select(r => r.Endpoint).ToHashSet(StringComparer.Ordinal);

        var unlisted = mapped.Except(table).Order(StringComparer.Ordinal).ToList();
        var gone = table.Except(mapped).Order(StringComparer.Ordinal).ToList();

        Assert.NotEmpty(mapped);
        Assert.True(unlisted.Count == 0, "Mapped without a rule in AccessTable: " + string.Join(", ", unlisted));
        Assert.True(gone.Count == 0, "Rules for endpoints that are not mapped: " + string.Join(", ", gone));
    }

    private static IEnumerable<string> Keys(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText ?? "";
        if (!pattern.StartsWith('/'))
        {
            pattern = "/" + pattern;
        }
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            return [$"PAGE {pattern}"];
        }
        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
        return methods.Select(m => $"{m} {pattern}");
    }

    private AccessRule RuleFor(string endpoint) => AccessTable.Rules(fixture.MapleTeacher).Single(r => r.Endpoint == endpoint);

    private Task<HttpResponseMessage> SendAsync(AccessRule rule, Who who)
    {
        var request = new HttpRequestMessage(new HttpMethod(rule.Method), rule.Path);
        if (rule.Body is not null)
        {
            request.Content = new StringContent(rule.Body, Encoding.UTF8, rule.BodyType);
        }
        // Headers are the answer: a server-sent event stream (the live timeline) never ends by itself.
        return fixture.Client(who).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }
}
