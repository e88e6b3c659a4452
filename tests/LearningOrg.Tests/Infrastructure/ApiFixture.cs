using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Domain.Json;
using LearningOrg.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// The real API (embedded silo, Marten on the real PostgreSQL in a schema of its own) listening with Kestrel on
/// 127.0.0.1, so tests speak HTTP to it as any client would.
/// </summary>
public class ApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>The key of research pseudonyms the API runs with (Research:PseudonymKey).</summary>
    public const string PseudonymKey = "tests-only-pseudonym-key-5f0c1e7a9b2d";

    /// <summary>The local issuer's signing key the API runs with (Auth:SigningKey): tests sign their own tokens.</summary>
    public const string SigningKey = "tests-only-signing-key-0b5e8f2c7d1a4e9b3c6f";

    /// <summary>Who <see cref="Http"/> acts as: an administrator, so tests about other things need no scope.</summary>
    public static readonly Identity Admin = new("test-admin", Roles.Admin, Name: "Test administrator");

    /// <summary>Auth:LocalIssuer:Enabled (the dev token endpoint and the persona sign-in).</summary>
    protected virtual bool LocalIssuerEnabled => false;

    /// <summary>Research:PseudonymKey for this API; null runs it without one.</summary>
    protected virtual string? ResearchPseudonymKey => PseudonymKey;

    public ApiFixture()
        : this(TestDatabase.NewSchema())
    {
    }

    /// <summary>An API on a given schema, so that several API nodes can share one store.</summary>
    protected ApiFixture(string schema) => Schema = schema;

    public string Schema { get; }

    /// <summary>
    /// The PostgreSQL this API writes to: the tests' shared server unless a test brings its own. Its sessions carry the
    /// schema as their application name, so a test can tell this API's queries in pg_stat_activity.
    /// </summary>
    protected virtual string DatabaseConnectionString =>
        new Npgsql.NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { ApplicationName = Schema }.ConnectionString;

    /// <summary>The embedded silo's cluster: one of its own per API unless a test says otherwise.</summary>
    protected virtual string ClusterId => Schema;

    /// <summary>A client acting as <see cref="Admin"/>.</summary>
    public HttpClient Http { get; private set; } = null!;

    public Task InitializeAsync()
    {
        UseKestrel(0);
        StartServer();
        Http = ClientFor(Admin);
        return Task.CompletedTask;
    }

    /// <summary>A bearer token for <paramref name="identity"/> from the API's own local issuer.</summary>
    public string TokenFor(Identity identity) => Services.GetRequiredService<LocalTokenIssuer>().Issue(identity);

    /// <summary>A client that sends a bearer token for <paramref name="identity"/>.</summary>
    public HttpClient ClientFor(Identity identity)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(identity));
        return client;
    }

    /// <summary>A client for a caller of <paramref name="role"/> whose scope claims are <paramref name="scopes"/> (school, network or initiative ids by role).</summary>
    public HttpClient ClientFor(string role, params string[] scopes) => ClientFor(new Identity($"test-{role}", role,
        Schools: role == Roles.Principal ? scopes : null,
        Networks: role == Roles.NetworkLead ? scopes : null,
        Initiatives: role == Roles.DistrictTeam ? scopes : null));

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting($"ConnectionStrings:{LearningOrgHosting.ConnectionStringName}", DatabaseConnectionString);
        builder.UseSetting("LearningOrg:Schema", Schema);
        builder.UseSetting("Orleans:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", ClusterId);
        builder.UseSetting("Research:PseudonymKey", ResearchPseudonymKey ?? string.Empty);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Auth:LocalIssuer:Enabled", LocalIssuerEnabled ? "true" : "false");
        builder.UseEnvironment("Production");
    }

    /// <summary>POSTs a command with the given headers.</summary>
    public Task<HttpResponseMessage> Post(string path, object body, string? idempotencyKey = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, body.GetType(), options: Json) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(CommandHeaders.IdempotencyKey, idempotencyKey);
        }
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        return Http.SendAsync(request);
    }

    /// <summary>POSTs a raw body, for requests no typed client would build.</summary>
    public Task<HttpResponseMessage> PostRaw(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    public async Task<JsonElement> GetJson(string path)
    {
        using var response = await Http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonContract.Configure(options);
        return options;
    }
}
