using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;
using LearningOrg.Tests.Infrastructure;
using static LearningOrg.Tests.Research.ResearchApi;

namespace LearningOrg.Tests.Api;

/// <summary>
/// The role-type catalog over HTTP, a district's own type used by a school's role through the grains, and the tight
/// items of an initiative checked in its enrolled schools.
/// </summary>
public sealed class RoleTypeApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static TeacherLeaderRoleDefined Role(string roleId, string type, decimal hours, RoleKind kind = RoleKind.TeacherLeadership) =>
        new(roleId, "Data lead", "", ["Lead the data cycle"], [], hours, 1, DecidedAt.System, kind, RoleTypeId: type) { OccurredAt = Day(5) };

    /// <summary>An initiative with a type of its own and a framework for data team leaders (at least 4 hours), and an enrolled school.</summary>
    private async Task<(string Initiative, string School)> District()
    {
        var initiative = NewId("in");
        var school = NewId("s");
        await api.Recorded($"/api/initiatives/{initiative}", new InitiativeLaunched("Pathways", Sponsor.District, "Grow teacher leadership", ["Retention"]) { OccurredAt = Day(0) });
        await api.Recorded($"/api/initiatives/{initiative}/role-types",
            new RoleTypeAdded("attendance-lead", "Attendance lead", RoleTypeGroup.OperationalPosts, RoleKind.Administrative, "Keeps attendance records") { OccurredAt = Day(1) });
        await api.Recorded($"/api/initiatives/{initiative}/role-frameworks",
            new RoleFrameworkSet("Data Lead", ["Data shown by team"], [], "data-team-leader", 4) { OccurredAt = Day(1) });
        await api.Recorded($"/api/schools/{school}", new SchoolRegistered("Old Mill", "North", 20) { OccurredAt = Day(0) });
        await api.Recorded($"/api/initiatives/{initiative}/enrolments", new SchoolEnrolled(school) { OccurredAt = Day(2) });
        return (initiative, school);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_catalog_is_public_and_grouped_with_each_types_kind()
    {
        using var anonymous = api.Anonymous();
        var catalog = await anonymous.GetFromJsonAsync<JsonElement>("/api/catalogs/role-types", ApiFixture.Json);

        var groups = catalog.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal([.. Enum.GetNames<RoleTypeGroup>()], groups.Select(g => g.GetProperty("group").GetString()));
        var head = groups.SelectMany(g => g.GetProperty("types").EnumerateArray()).Single(t => t.GetProperty("id").GetString() == "department-head");
        Assert.Equal(("Administrative", true), (head.GetProperty("kind").GetString(), head.GetProperty("builtIn").GetBoolean()));
        Assert.Equal(RoleTypeCatalog.BuiltIn.Count, groups.Sum(g => g.GetProperty("types").GetArrayLength()));
    }

    [Fact]
    public async Task An_initiatives_catalog_adds_its_districts_types_as_initiative_slash_type()
    {
        var (initiative, _) = await District();

        var catalog = await api.GetJson($"/api/initiatives/{initiative}/role-types");

        var types = catalog.GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("types").EnumerateArray()).ToList();
        var added = Assert.Single(types, t => !t.GetProperty("builtIn").GetBoolean());
        Assert.Equal($"{initiative}/attendance-lead", added.GetProperty("id").GetString());
        Assert.Equal(RoleTypeCatalog.BuiltIn.Count + 1, types.Count);
    }

    [Fact]
    public async Task A_role_of_a_districts_type_takes_its_kind_and_an_unknown_one_is_refused_at_its_field()
    {
        var (initiative, school) = await District();

        await api.Recorded($"/api/schools/{school}/roles", Role("attendance", $"{initiative}/attendance-lead", 2));
        using var unknown = await api.Post($"/api/schools/{school}/roles", Role("other", $"{initiative}/no-such-type", 2));

        var state = await api.GetJson($"/api/schools/{school}/state");
        Assert.Equal("Administrative", state.GetProperty("state").GetProperty("roles").GetProperty("attendance").GetProperty("definition").GetProperty("roleKind").GetString());
        Assert.True((await Problem(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("roleTypeId", out _));
    }

    [Fact]
    public async Task A_school_not_enrolled_cannot_use_a_districts_type()
    {
        var (initiative, _) = await District();
        var outsider = NewId("s");
        await api.Recorded($"/api/schools/{outsider}", new SchoolRegistered("Far Away", "South", 20) { OccurredAt = Day(0) });

        using var response = await api.Post($"/api/schools/{outsider}/roles", Role("attendance", $"{initiative}/attendance-lead", 2));

        Assert.Equal("roleTypeId", (await Problem(response, HttpStatusCode.Conflict)).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Only_the_role_that_breaks_a_tight_item_is_listed_among_the_initiatives_breaches()
    {
        var (initiative, school) = await District();
        await api.Recorded($"/api/schools/{school}/roles", Role("short-lead", "data-team-leader", 2));
        await api.Recorded($"/api/schools/{school}/roles", Role("full-lead", "data-team-leader", 6));

        var breaches = (await api.GetJson($"/api/initiatives/{initiative}/tight-item-breaches")).EnumerateArray().ToList();

        var breach = Assert.Single(breaches);
        Assert.Equal((school, "short-lead", "hoursPerWeek"), (breach.GetProperty("schoolId").GetString(), breach.GetProperty("roleId").GetString(), breach.GetProperty("field").GetString()));
    }
}
