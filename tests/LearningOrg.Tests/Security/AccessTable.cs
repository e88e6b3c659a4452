using System.Net;
using LearningOrg.Demo;
using LearningOrg.Domain;

namespace LearningOrg.Tests.Security;

/// <summary>
/// One endpoint's access rule: a request to it, a caller who may make it and one who may not (none for a public
/// endpoint). <see cref="Endpoint"/> is "METHOD pattern" as the app maps it ("PAGE pattern" for a web page, which
/// answers GET and POST), so <see cref="AccessMatrixTests"/> can check that every mapped endpoint has a rule.
/// </summary>
/// <param name="Answer">
/// What the allowed caller gets when it is not the default: the body's 400 for a request with a body (the table's
/// command bodies are empty objects), 200 otherwise.
/// </param>
public sealed record AccessRule(string Endpoint, string Path, Who Allowed, Who? Denied, string? Body = null, string BodyType = "application/json", HttpStatusCode? Answer = null)
{
    /// <summary>The status the allowed caller's request answers, exactly.</summary>
    public HttpStatusCode Expected => Answer ?? (Body is null ? HttpStatusCode.OK : HttpStatusCode.BadRequest);

    public bool IsPublic => Denied is null;

    public bool IsPage => Endpoint.StartsWith("PAGE ", StringComparison.Ordinal);

    /// <summary>Outside /api a browser asks: no credentials send it to sign in, a refusal is a 403 page.</summary>
    public bool IsBrowserRoute => !Path.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>The method to test with: GET for a page or a route that takes any method.</summary>
    public string Method => Endpoint[..Endpoint.IndexOf(' ', StringComparison.Ordinal)] is "PAGE" or "ANY" ? "GET" : Endpoint[..Endpoint.IndexOf(' ', StringComparison.Ordinal)];

    public override string ToString() => Endpoint;
}

/// <summary>
/// The access matrix, written out endpoint by endpoint (docs/security.md). Command bodies are
/// empty objects: an allowed caller gets exactly the body's 400, a denied one 403 before the body is read, so nothing
/// is recorded either way.
/// </summary>
public static class AccessTable
{
    public const string Empty = "{}";

    private const string Maple = DemoIds.MapleGrove;
    private const string NewId = "access-table-new";

    // Every command but the creation: whoever writes the aggregate may send it (the creation has its own row).
    private static readonly string[] SchoolCommands = CommandRoutesOf(AggregateKind.School);

    private static readonly string[] TeacherCommands = CommandRoutesOf(AggregateKind.Teacher);

    private static readonly string[] InitiativeCommands = CommandRoutesOf(AggregateKind.Initiative);

    private static readonly string[] NetworkCommands = CommandRoutesOf(AggregateKind.Network);

    private static string[] CommandRoutesOf(string aggregate) =>
        [.. EventCatalog.CommandsOf(aggregate).Where(t => !t.IsCreation).Select(t => t.Command!.Route)];

    private static readonly string[] Reads = ["state", "events", "replay"];

    /// <summary>The rules; <paramref name="teacher"/> is a teacher on Maple Grove's staff.</summary>
    public static IReadOnlyList<AccessRule> Rules(string teacher) =>
    [
        // Schools: district teams register them (in their district: CreationRightsTests), principals write their own;
        // network leads read their member schools, district teams their enrolled ones and those of their district.
        new("POST /api/schools/{id}", $"/api/schools/{NewId}", Who.Admin, Who.MaplePrincipal, Empty),
        .. SchoolCommands.Select(c => new AccessRule($"POST /api/schools/{{id}}/{c}", $"/api/schools/{Maple}/{c}", Who.MaplePrincipal, Who.NetworkLead, Empty)),
        .. Reads.Select(r => new AccessRule($"GET /api/schools/{{id}}/{r}", $"/api/schools/{Maple}/{r}", Who.NetworkLead, Who.CedarPrincipal)),
        new("GET /api/schools/{id}/timeline", $"/api/schools/{Maple}/timeline", Who.DistrictTeam, Who.CedarPrincipal),
        new("GET /api/schools/{id}/timeline/live", $"/api/schools/{Maple}/timeline/live", Who.NetworkLead, Who.Researcher),
        new("GET /api/schools/{id}/episodes", $"/api/schools/{Maple}/episodes", Who.MaplePrincipal, Who.OtherNetworkLead),
        new("GET /api/schools/{id}/trajectory", $"/api/schools/{Maple}/trajectory", Who.Researcher, Who.OtherDistrictTeam),

        // Teachers: as their current school.
        new("POST /api/teachers/{id}", $"/api/teachers/{NewId}", Who.MaplePrincipal, Who.NetworkLead, Empty),
        .. TeacherCommands.Select(c => new AccessRule($"POST /api/teachers/{{id}}/{c}", $"/api/teachers/{teacher}/{c}", Who.MaplePrincipal, Who.CedarPrincipal, Empty)),
        .. Reads.Select(r => new AccessRule($"GET /api/teachers/{{id}}/{r}", $"/api/teachers/{teacher}/{r}", Who.NetworkLead, Who.CedarPrincipal)),

        // Erasure: administrators only (an unknown teacher, so the allowed call is a 404 that erases nothing).
        new("POST /api/teachers/{id}/erasure", $"/api/teachers/{NewId}/erasure", Who.Admin, Who.MaplePrincipal, Empty, Answer: HttpStatusCode.NotFound),
        new("GET /api/teachers/{id}/erasure", $"/api/teachers/{NewId}/erasure", Who.Admin, Who.IdentifiableResearcher, Answer: HttpStatusCode.NotFound),

        // Networks: network leads form them; their lead writes; the principals of member schools read.
        new("POST /api/networks/{id}", $"/api/networks/{NewId}", Who.NetworkLead, Who.MaplePrincipal, Empty),
        .. NetworkCommands.Select(c => new AccessRule($"POST /api/networks/{{id}}/{c}", $"/api/networks/{DemoIds.Network}/{c}", Who.NetworkLead, Who.MaplePrincipal, Empty)),
        .. Reads.Select(r => new AccessRule($"GET /api/networks/{{id}}/{r}", $"/api/networks/{DemoIds.Network}/{r}", Who.MaplePrincipal, Who.OtherNetworkLead)),
        new("GET /api/networks/{id}/comparison", $"/api/networks/{DemoIds.Network}/comparison", Who.NetworkLead, Who.DistrictTeam),
        new("GET /api/networks/{id}/series", $"/api/networks/{DemoIds.Network}/series", Who.Researcher, Who.OtherNetworkLead),
        new("GET /api/comparisons", $"/api/comparisons?network={DemoIds.Network}", Who.NetworkLead, Who.OtherNetworkLead),

        // Initiatives: district teams launch them; their district team writes; the principals of enrolled schools read.
        new("POST /api/initiatives/{id}", $"/api/initiatives/{NewId}", Who.DistrictTeam, Who.NetworkLead, Empty),
        .. InitiativeCommands.Select(c => new AccessRule($"POST /api/initiatives/{{id}}/{c}", $"/api/initiatives/{DemoIds.Initiative}/{c}", Who.DistrictTeam, Who.MaplePrincipal, Empty)),
        .. Reads.Select(r => new AccessRule($"GET /api/initiatives/{{id}}/{r}", $"/api/initiatives/{DemoIds.Initiative}/{r}", Who.MaplePrincipal, Who.OtherDistrictTeam)),
        new("GET /api/initiatives/{id}/role-types", $"/api/initiatives/{DemoIds.Initiative}/role-types", Who.MaplePrincipal, Who.OtherDistrictTeam),
        new("GET /api/initiatives/{id}/tight-item-breaches", $"/api/initiatives/{DemoIds.Initiative}/tight-item-breaches", Who.DistrictTeam, Who.OtherDistrictTeam),
        new("GET /api/catalogs/role-types", "/api/catalogs/role-types", Who.Anonymous, null),

        // Research: exports of everything for researchers and admins; imports for admins.
        new("GET /api/exports/events", "/api/exports/events?scope=all&upToSequence=0", Who.Researcher, Who.MaplePrincipal),
        new("GET /api/exports/codebook", "/api/exports/codebook", Who.Anonymous, null),
        // An empty import is a valid one that records nothing.
        new("POST /api/imports", "/api/imports", Who.Admin, Who.IdentifiableResearcher, string.Empty, "application/x-ndjson", HttpStatusCode.OK),

        // The contract, the API reference and health stay public.
        new("GET /api/event-types", "/api/event-types", Who.Anonymous, null),
        new("GET /openapi/{documentName}.json", "/openapi/v1.json", Who.Anonymous, null),
        new("GET /api/reference/{documentName?}", "/api/reference/", Who.Anonymous, null),
        new("GET /api/reference/favicon.svg", "/api/reference/favicon.svg", Who.Anonymous, null),
        new("GET /api/reference/scalar.js", "/api/reference/scalar.js", Who.Anonymous, null),
        new("GET /api/reference/scalar.aspnetcore.js", "/api/reference/scalar.aspnetcore.js", Who.Anonymous, null),
        new("ANY /health/live", "/health/live", Who.Anonymous, null),
        new("ANY /health/ready", "/health/ready", Who.Anonymous, null),

        // Static files (stylesheet, scripts) are public; Blazor's redirect helper is not.
        new("GET /{**path:file}", "/css/site.css", Who.Anonymous, null),
        new("HEAD /{**path:file}", "/css/site.css", Who.Anonymous, null),
        // Without the redirect it is to carry, Blazor's helper refuses the request.
        new("GET /_framework/opaque-redirect", "/_framework/opaque-redirect", Who.Admin, Who.Anonymous, Answer: HttpStatusCode.BadRequest),

        // The local issuer (mapped with Auth:LocalIssuer:Enabled) and the sign-in cookie.
        new("POST /api/dev/tokens", "/api/dev/tokens", Who.Anonymous, null, """{"persona":"researcher"}""", Answer: HttpStatusCode.OK),
        new("POST /auth/signin", "/auth/signin", Who.Anonymous, null, "persona=admin", "application/x-www-form-urlencoded"),
        // Without the sign-out form's antiforgery token, sign-out is refused.
        new("POST /auth/signout", "/auth/signout", Who.Anonymous, null, string.Empty, "application/x-www-form-urlencoded", HttpStatusCode.BadRequest),

        // Web pages: the same rules; pages that name teachers are closed to pseudonym-only researchers.
        new("PAGE /", "/", Who.Researcher, Who.Anonymous),
        new("PAGE /signin", "/signin", Who.Anonymous, null),
        new("PAGE /not-found", "/not-found", Who.Anonymous, null),
        new("PAGE /schools/{Id}", $"/schools/{Maple}", Who.MaplePrincipal, Who.Researcher),
        new("PAGE /schools/{Id}/replay", $"/schools/{Maple}/replay", Who.NetworkLead, Who.Researcher),
        new("PAGE /schools/{Id}/year-in-review", $"/schools/{Maple}/year-in-review", Who.MaplePrincipal, Who.Researcher),
        new("PAGE /schools/{Id}/trajectory", $"/schools/{Maple}/trajectory", Who.Researcher, Who.CedarPrincipal),
        new("PAGE /schools/{Id}/record", $"/schools/{Maple}/record", Who.MaplePrincipal, Who.NetworkLead),
        new("PAGE /teachers/{Id}/record", $"/teachers/{teacher}/record", Who.MaplePrincipal, Who.CedarPrincipal),
        new("PAGE /initiatives/{Id}/record", $"/initiatives/{DemoIds.Initiative}/record", Who.DistrictTeam, Who.MaplePrincipal),
        new("PAGE /networks/{Id}/record", $"/networks/{DemoIds.Network}/record", Who.NetworkLead, Who.MaplePrincipal),
        new("PAGE /schools/{Id}/entries/{Version:long}", $"/schools/{Maple}/entries/1", Who.MaplePrincipal, Who.Researcher),
        new("PAGE /teachers/{Id}/entries/{Version:long}", $"/teachers/{teacher}/entries/1", Who.NetworkLead, Who.Researcher),
        new("PAGE /initiatives/{Id}/entries/{Version:long}", $"/initiatives/{DemoIds.Initiative}/entries/1", Who.MaplePrincipal, Who.OtherDistrictTeam),
        new("PAGE /networks/{Id}/entries/{Version:long}", $"/networks/{DemoIds.Network}/entries/1", Who.MaplePrincipal, Who.OtherNetworkLead),
        new("PAGE /networks/{Id}", $"/networks/{DemoIds.Network}", Who.MaplePrincipal, Who.OtherNetworkLead),
        new("PAGE /initiatives/{Id}", $"/initiatives/{DemoIds.Initiative}", Who.DistrictTeam, Who.OtherDistrictTeam),

        // Creation pages: whoever may create that kind of record.
        new("PAGE /schools/new", "/schools/new", Who.DistrictTeam, Who.MaplePrincipal),
        new("PAGE /initiatives/new", "/initiatives/new", Who.DistrictTeam, Who.NetworkLead),
        new("PAGE /networks/new", "/networks/new", Who.NetworkLead, Who.DistrictTeam),
        new("PAGE /teachers/new", "/teachers/new", Who.MaplePrincipal, Who.Researcher),
    ];
}
