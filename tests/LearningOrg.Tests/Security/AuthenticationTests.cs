using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Demo;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LearningOrg.Tests.Security;

/// <summary>Tokens, the sign-in cookie and its CSRF guard, the development issuer, and who is recorded as recordedBy.</summary>
public sealed partial class AuthenticationTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private static readonly DateTimeOffset Founded = new(2021, 8, 16, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Without_a_token_the_API_answers_401_as_problem_details()
    {
        using var response = await fixture.Client(Who.Anonymous).GetAsync($"/api/schools/{DemoIds.MapleGrove}/state");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AuthProblems.Unauthenticated, problem.GetProperty("code").GetString());
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Out_of_scope_the_API_answers_403_as_problem_details()
    {
        using var response = await fixture.Client(Who.CedarPrincipal).GetAsync($"/api/schools/{DemoIds.MapleGrove}/state");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(AuthProblems.Forbidden, problem.GetProperty("code").GetString());
    }

    public static TheoryData<string> ForgedTokens() => new() { "other key", "other audience", "other issuer", "expired" };

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task A_token_the_API_did_not_issue_for_itself_is_refused(string flaw)
    {
        var key = flaw == "other key" ? "an-attackers-key-of-at-least-32-bytes!!" : ApiFixture.SigningKey;
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = flaw == "other issuer" ? "someone-else" : new AuthOptions().Issuer,
            Audience = flaw == "other audience" ? "another-api" : new AuthOptions().Audience,
            IssuedAt = now.AddHours(-3),
            NotBefore = now.AddHours(-3),
            Expires = flaw == "expired" ? now.AddHours(-2) : now.AddHours(1),
            Subject = new ClaimsIdentity(ApiFixture.Admin.Claims()),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
        using var client = fixture.Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync($"/api/schools/{DemoIds.MapleGrove}/state");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caller_is_recorded_as_recordedBy_whatever_header_they_send()
    {
        var id = $"auth-{Guid.NewGuid():N}"[..20];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/schools/{id}")
        {
            Content = JsonContent.Create(new SchoolRegistered("Lincoln", "North", 30) { OccurredAt = Founded }, options: ApiFixture.Json),
        };
        request.Headers.Add("X-Recorded-By", "someone-else");

        using var response = await fixture.Client(Who.Admin).SendAsync(request);
        var events = await fixture.Api.GetJson($"/api/schools/{id}/events");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(ApiFixture.Admin.Subject, events.GetProperty("events")[0].GetProperty("recordedBy").GetString());
    }

    [Fact]
    public async Task A_principal_registers_teachers_at_their_own_school_only()
    {
        var teacher = $"auth-t-{Guid.NewGuid():N}"[..20];
        TeacherRegistered At(string school) => new("Test Teacher", school, ["math"], ["5"], 3) { OccurredAt = DateTimeOffset.UtcNow.AddDays(-1) };

        using var elsewhere = await fixture.Client(Who.CedarPrincipal).PostAsJsonAsync($"/api/teachers/{teacher}", At(DemoIds.MapleGrove), ApiFixture.Json);
        using var own = await fixture.Client(Who.MaplePrincipal).PostAsJsonAsync($"/api/teachers/{teacher}", At(DemoIds.MapleGrove), ApiFixture.Json);

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    [Fact]
    public async Task A_researcher_records_nothing()
    {
        using var response = await fixture.Client(Who.IdentifiableResearcher).PostAsJsonAsync(
            $"/api/schools/{DemoIds.MapleGrove}/staff-count", new StaffCountChanged(31), ApiFixture.Json);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_cookie_signed_in_write_needs_the_CSRF_header()
    {
        using var browser = await SignedInAsync("principal");
        var body = new StaffCountChanged(30) { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) };

        using var bare = await browser.PostAsJsonAsync($"/api/schools/{DemoIds.MapleGrove}/staff-count", body, ApiFixture.Json);
        using var guarded = new HttpRequestMessage(HttpMethod.Post, $"/api/schools/{DemoIds.MapleGrove}/staff-count")
        {
            Content = JsonContent.Create(body, options: ApiFixture.Json),
        };
        guarded.Headers.Add(SecurityServices.CsrfHeader, "1");
        using var withHeader = await browser.SendAsync(guarded);

        Assert.Equal(HttpStatusCode.Forbidden, bare.StatusCode);
        Assert.Equal(AuthProblems.CsrfHeaderMissing, (await bare.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_strict_same_site_and_hidden_from_scripts()
    {
        var (_, setCookie) = await SignInAsync(new System.Net.CookieContainer(), "researcher", returnUrl: null);

        Assert.Contains(SecurityServices.CookieName, setCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sign_in_returns_to_a_path_of_this_site()
    {
        var (local, _) = await SignInAsync(new System.Net.CookieContainer(), "admin", $"/schools/{DemoIds.MapleGrove}?from=2024-01-01");

        Assert.Equal($"/schools/{DemoIds.MapleGrove}?from=2024-01-01", local);
    }

    /// <summary>Return addresses a browser would follow off the site: it drops tabs and line breaks and reads "\" as "/".</summary>
    public static TheoryData<string> ForeignReturnUrls() => new()
    {
        "//evil.example/phish",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\t\\evil.example",
        "/ /evil.example",
        "/schools//evil.example",
        "https://evil.example/",
        "evil.example",
        "/\u00a0/evil.example",
    };

    [Theory]
    [MemberData(nameof(ForeignReturnUrls))]
    public async Task Sign_in_sends_every_other_return_address_home(string returnUrl)
    {
        var (location, _) = await SignInAsync(new System.Net.CookieContainer(), "admin", returnUrl);

        Assert.Equal("/", location);
    }

    [Fact]
    public async Task The_sign_in_page_passes_an_encoded_tab_on_and_sign_in_still_goes_home()
    {
        var cookies = new System.Net.CookieContainer();
        using var client = CookieClient(cookies);
        var page = await client.GetStringAsync($"{SecurityServices.SignInPath}?returnUrl=%2F%09%2Fevil.example");
        var returnUrl = System.Net.WebUtility.HtmlDecode(ReturnUrlField().Match(page).Groups[1].Value);

        var (location, _) = await SignInAsync(cookies, "admin", returnUrl);

        Assert.Equal("/\t/evil.example", returnUrl);
        Assert.Equal("/", location);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_and_the_session_stays()
    {
        var cookies = new System.Net.CookieContainer();
        await SignInAsync(cookies, "principal", returnUrl: null);
        using var browser = CookieClient(cookies);

        using var forged = await browser.PostAsync(SignInEndpoints.SignOutPostPath, new FormUrlEncodedContent(new Dictionary<string, string>()));
        using var after = await browser.GetAsync($"/api/schools/{DemoIds.MapleGrove}/state");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var cleared) && cleared.Any(c => c.StartsWith(SecurityServices.CookieName, StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Sign_out_with_the_page_s_form_expires_the_cookie_and_the_next_request_is_anonymous()
    {
        var cookies = new System.Net.CookieContainer();
        await SignInAsync(cookies, "principal", returnUrl: null);
        using var browser = CookieClient(cookies);
        using var before = await browser.GetAsync($"/api/schools/{DemoIds.MapleGrove}/state");
        var page = await browser.GetStringAsync("/");
        var token = AntiforgeryField().Match(page).Groups[1].Value;

        using var signOut = await browser.PostAsync(SignInEndpoints.SignOutPostPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [SignInEndpoints.AntiforgeryField] = token,
        }));
        using var after = await browser.GetAsync($"/api/schools/{DemoIds.MapleGrove}/state");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.NotEmpty(token);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var expired = Assert.Single(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SecurityServices.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("expires=Thu, 01 Jan 1970", expired, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(cookies.GetCookies(fixture.Api.Http.BaseAddress!), c => c.Name == SecurityServices.CookieName);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_development_token_for_a_persona_opens_that_personas_scope_only()
    {
        using var answer = await fixture.Client(Who.Anonymous).PostAsJsonAsync(SignInEndpoints.DevTokensPath, new { persona = "principal" });
        var token = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var client = fixture.Api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var own = await client.GetAsync($"/api/schools/{DemoIds.MapleGrove}/state");
        using var other = await client.GetAsync($"/api/schools/{DemoIds.CedarHill}/state");

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task A_development_token_needs_a_known_role()
    {
        using var answer = await fixture.Client(Who.Anonymous).PostAsJsonAsync(SignInEndpoints.DevTokensPath, new { subject = "x", role = "superuser" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
    }

    public static TheoryData<string?, string?, bool> Settings() => new()
    {
        { null, null, false },
        { "too-short", null, false },
        { ApiFixture.SigningKey, null, true },
        { null, "https://login.example.org/realms/schools", true },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void The_app_starts_only_with_a_local_key_of_32_bytes_or_an_authority(string? signingKey, string? authority, bool starts)
    {
        var options = new AuthOptions { SigningKey = signingKey, Authority = authority };

        Assert.Equal(starts, options.Problem() is null);
    }

    /// <summary>A client signed in by cookie through the persona page, as a browser would.</summary>
    private async Task<HttpClient> SignedInAsync(string persona)
    {
        var cookies = new System.Net.CookieContainer();
        await SignInAsync(cookies, persona, returnUrl: null);
        return CookieClient(cookies);
    }

    private HttpClient CookieClient(System.Net.CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fixture.Api.Http.BaseAddress };

    private async Task<(string? Location, string SetCookie)> SignInAsync(System.Net.CookieContainer cookies, string persona, string? returnUrl)
    {
        using var client = CookieClient(cookies);
        var page = await client.GetStringAsync(SecurityServices.SignInPath);
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        using var response = await client.PostAsync(SignInEndpoints.SignInPostPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["persona"] = persona,
            ["returnUrl"] = returnUrl ?? string.Empty,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);
        return (response.Headers.Location?.OriginalString, setCookie);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}

/// <summary>Without Auth:LocalIssuer:Enabled (the default) nobody can ask the API for a token.</summary>
public sealed class LocalIssuerOffTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public void The_development_token_and_persona_sign_in_routes_are_not_mapped()
    {
        var patterns = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/')).ToList();

        Assert.Contains("/api/schools/{id}/state", patterns);
        Assert.DoesNotContain(SignInEndpoints.DevTokensPath, patterns);
        Assert.DoesNotContain(SignInEndpoints.SignInPostPath, patterns);
    }
}
