using System.Net;
using System.Net.Http.Json;
using LearningOrg.Api.Security;
using LearningOrg.Demo;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Security;

/// <summary>
/// Creation follows the organisation (docs/security.md): each creation, allowed (201) and denied (403 problem, with
/// nothing recorded), and a founder's new network or initiative readable and writable without a new token.
/// </summary>
public sealed class CreationRightsTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private static readonly DateTimeOffset Created = DateTimeOffset.UtcNow.AddHours(-2);

    private static readonly Identity TeamWithoutDistrict = new("district-nowhere", Roles.DistrictTeam, Initiatives: [DemoIds.Initiative]);

    /// <summary>The denied cells of the creation table: each kind of record and a caller whose role may not create it.</summary>
    public static TheoryData<string, Who> DeniedCreations()
    {
        var data = new TheoryData<string, Who>();
        foreach (var who in new[] { Who.MaplePrincipal, Who.NetworkLead, Who.Researcher, Who.IdentifiableResearcher })
        {
            data.Add("school", who);
            data.Add("initiative", who);
        }
        foreach (var who in new[] { Who.MaplePrincipal, Who.DistrictTeam, Who.Researcher })
        {
            data.Add("network", who);
        }
        foreach (var who in new[] { Who.DistrictTeam, Who.NetworkLead, Who.Researcher })
        {
            data.Add("teacher", who);
        }
        return data;
    }

    [Fact]
    public async Task A_district_team_registers_a_school_in_its_district_and_reads_it()
    {
        var id = NewId("school");

        using var created = await PostAs(Who.DistrictTeam, $"/api/schools/{id}", new SchoolRegistered("Willow Creek Elementary", DemoStory.District, 24) { OccurredAt = Created });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var read = await fixture.Client(Who.DistrictTeam).GetAsync($"/api/schools/{id}/state");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        // Reading is all: the district team records nothing at a school.
        using var write = await PostAs(Who.DistrictTeam, $"/api/schools/{id}/staff-count", new StaffCountChanged(25) { OccurredAt = Created.AddMinutes(5) });
        await AssertForbidden(write);
    }

    [Theory]
    [InlineData(Who.DistrictTeam, SecurityFixture.OtherDistrict)]
    [InlineData(Who.OtherDistrictTeam, DemoStory.District)]
    public async Task A_district_team_cannot_register_a_school_in_a_district_not_its_own(Who team, string district)
    {
        var id = NewId("school");

        using var response = await PostAs(team, $"/api/schools/{id}", new SchoolRegistered("Not Theirs Primary", district, 20) { OccurredAt = Created });

        await AssertForbidden(response);
        await AssertNothingRecorded($"/api/schools/{id}");
    }

    [Fact]
    public async Task A_district_team_without_a_district_creates_neither_schools_nor_initiatives()
    {
        var school = NewId("school");
        var initiative = NewId("initiative");
        using var client = fixture.Api.ClientFor(TeamWithoutDistrict);

        using var registered = await client.PostAsJsonAsync($"/api/schools/{school}", new SchoolRegistered("Nowhere Primary", DemoStory.District, 20) { OccurredAt = Created }, ApiFixture.Json);
        using var launched = await client.PostAsJsonAsync($"/api/initiatives/{initiative}", Launch(), ApiFixture.Json);

        await AssertForbidden(registered);
        await AssertForbidden(launched);
        await AssertNothingRecorded($"/api/schools/{school}");
        await AssertNothingRecorded($"/api/initiatives/{initiative}");
    }

    /// <summary>
    /// A district team launches an initiative and records on it, a network lead forms a network and admits a school,
    /// with the token they had; another team or lead can do neither.
    /// </summary>
    [Theory]
    [InlineData("initiative", Who.DistrictTeam, Who.OtherDistrictTeam, "stakeholders")]
    [InlineData("network", Who.NetworkLead, Who.OtherNetworkLead, "members")]
    public async Task The_founder_runs_the_new_record_without_a_new_token_and_no_one_else_does(string kind, Who founder, Who other, string route)
    {
        var id = NewId(kind);
        DomainEvent creation = kind == "network" ? new NetworkFormed("Harbor Circle", "Compare how roles take hold") { OccurredAt = Created } : Launch();
        DomainEvent next = kind == "network"
            ? new SchoolJoinedNetwork(DemoIds.MapleGrove) { OccurredAt = Created.AddMinutes(5) }
            : new StakeholderEngaged("Teachers' union", "Co-designs the roles") { OccurredAt = Created.AddMinutes(5) };

        using var created = await PostAs(founder, $"/api/{kind}s/{id}", creation);
        using var othersWrite = await PostAs(other, $"/api/{kind}s/{id}/{route}", next);
        using var othersRead = await fixture.Client(other).GetAsync($"/api/{kind}s/{id}/state");
        using var foundersWrite = await PostAs(founder, $"/api/{kind}s/{id}/{route}", next);
        using var foundersRead = await fixture.Client(founder).GetAsync($"/api/{kind}s/{id}/state");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await AssertForbidden(othersWrite);
        Assert.Equal(HttpStatusCode.Forbidden, othersRead.StatusCode);
        Assert.Equal(HttpStatusCode.OK, foundersWrite.StatusCode);
        Assert.Equal(HttpStatusCode.OK, foundersRead.StatusCode);
        var events = await fixture.Api.GetJson($"/api/{kind}s/{id}/events");
        Assert.Equal(2, events.GetProperty("events").GetArrayLength());
    }

    [Fact]
    public async Task A_principal_registers_a_teacher_at_their_school_and_not_at_another()
    {
        var ours = NewId("teacher");
        var theirs = NewId("teacher");

        using var registered = await PostAs(Who.MaplePrincipal, $"/api/teachers/{ours}", Teacher(DemoIds.MapleGrove));
        using var elsewhere = await PostAs(Who.MaplePrincipal, $"/api/teachers/{theirs}", Teacher(DemoIds.CedarHill));

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await AssertForbidden(elsewhere);
        await AssertNothingRecorded($"/api/teachers/{theirs}");
    }

    [Fact]
    public async Task The_demo_district_team_persona_carries_its_district()
    {
        using var response = await fixture.Api.Anonymous().PostAsJsonAsync(SignInEndpoints.DevTokensPath, new { persona = "district-team" });
        var token = (await response.Content.ReadFromJsonAsync<DevToken>())!;
        using var client = fixture.Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        var id = NewId("school");

        using var created = await client.PostAsJsonAsync($"/api/schools/{id}", new SchoolRegistered("Persona Primary", DemoStory.District, 18) { OccurredAt = Created }, ApiFixture.Json);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Theory]
    [MemberData(nameof(DeniedCreations))]
    public async Task A_role_the_organisation_does_not_give_the_right_creates_nothing(string kind, Who who)
    {
        var id = NewId(kind);
        DomainEvent creation = kind switch
        {
            "school" => new SchoolRegistered("Uninvited Primary", DemoStory.District, 20) { OccurredAt = Created },
            "initiative" => Launch(),
            "network" => new NetworkFormed("Uninvited Circle", "Compare") { OccurredAt = Created },
            _ => Teacher(DemoIds.MapleGrove),
        };

        using var response = await PostAs(who, $"/api/{kind}s/{id}", creation);

        await AssertForbidden(response);
        await AssertNothingRecorded($"/api/{kind}s/{id}");
    }

    private static InitiativeLaunched Launch() =>
        new("Coaching for all", Sponsor.District, "Every new teacher coached", ["Retention"]) { OccurredAt = Created };

    private static TeacherRegistered Teacher(string school) =>
        new("New Teacher", school, ["Science"], ["6"], 2) { OccurredAt = Created };

    private static string NewId(string kind) => $"{kind}-{Guid.NewGuid():N}"[..30];

    private Task<HttpResponseMessage> PostAs(Who who, string path, DomainEvent body) =>
        fixture.Client(who).PostAsync(path, JsonContent.Create(body, body.GetType(), options: ApiFixture.Json));

    private static async Task AssertForbidden(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"forbidden\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>As an administrator, the record has no state: the refused creation changed nothing.</summary>
    private async Task AssertNothingRecorded(string record)
    {
        using var response = await fixture.Api.Http.GetAsync($"{record}/state");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
