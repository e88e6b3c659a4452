using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using LearningOrg.Api.Security;
using LearningOrg.Demo;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.Security;

/// <summary>The callers of the access tests: the roles, each in or out of the scope of the demo's resources.</summary>
public enum Who
{
    Anonymous,
    Admin,
    MaplePrincipal,
    CedarPrincipal,
    NetworkLead,
    OtherNetworkLead,
    DistrictTeam,
    OtherDistrictTeam,
    Researcher,
    IdentifiableResearcher,
}

/// <summary>The API with the local issuer on (dev tokens, persona sign-in) and the demo story seeded.</summary>
public sealed class SecurityApiFixture : ApiFixture
{
    protected override bool LocalIssuerEnabled => true;
}

/// <summary>One API with the demo story for every access test; a client per caller that does not follow redirects.</summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const string OtherNetwork = "some-other-network";
    public const string OtherInitiative = "some-other-initiative";
    public const string OtherDistrict = "Lakeside County Schools";

    private readonly Dictionary<Who, HttpClient> clients = [];

    public SecurityApiFixture Api { get; } = new();

    /// <summary>A teacher on Maple Grove's staff now, read from the demo rather than named here.</summary>
    public string MapleTeacher { get; private set; } = "";

    /// <summary>That teacher's registered name.</summary>
    public string MapleTeacherName { get; private set; } = "";

    public static Identity IdentityOf(Who who) => who switch
    {
        Who.Admin => ApiFixture.Admin,
        Who.MaplePrincipal => new("principal-maple", Roles.Principal, Schools: [DemoIds.MapleGrove]),
        Who.CedarPrincipal => new("principal-cedar", Roles.Principal, Schools: [DemoIds.CedarHill]),
        Who.NetworkLead => new("lead-riverbend", Roles.NetworkLead, Networks: [DemoIds.Network]),
        Who.OtherNetworkLead => new("lead-other", Roles.NetworkLead, Networks: [OtherNetwork]),
        Who.DistrictTeam => new("district-pathways", Roles.DistrictTeam, Initiatives: [DemoIds.Initiative], Districts: [DemoStory.District]),
        Who.OtherDistrictTeam => new("district-other", Roles.DistrictTeam, Initiatives: [OtherInitiative], Districts: [OtherDistrict]),
        Who.Researcher => new("researcher", Roles.Researcher),
        Who.IdentifiableResearcher => new("researcher-granted", Roles.Researcher, ResearchIdentifiable: true),
        _ => throw new ArgumentOutOfRangeException(nameof(who), who, "Anonymous has no identity."),
    };

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        await DemoSeeder.SeedAsync(Api.Services.GetRequiredService<IGrainFactory>(), NullLogger.Instance, CancellationToken.None);
        var school = await Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/state");
        MapleTeacher = school.GetProperty("state").GetProperty("staffHistory").EnumerateObject()
            .First(t => !t.Value[t.Value.GetArrayLength() - 1].TryGetProperty("to", out var to) || to.ValueKind == JsonValueKind.Null).Name;
        var teacher = await Api.GetJson($"/api/teachers/{MapleTeacher}/state");
        MapleTeacherName = teacher.GetProperty("state").GetProperty("name").GetString()!;
    }

    /// <summary>A client for <paramref name="who"/> (a bearer token, or none), which shows redirects instead of following them.</summary>
    public HttpClient Client(Who who)
    {
        lock (clients)
        {
            if (!clients.TryGetValue(who, out var client))
            {
                client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = Api.Http.BaseAddress };
                if (who != Who.Anonymous)
                {
                    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Api.TokenFor(IdentityOf(who)));
                }
                clients[who] = client;
            }
            return client;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        await ((IAsyncLifetime)Api).DisposeAsync();
    }
}
