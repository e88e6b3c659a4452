using System.Text.Json;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;
using LearningOrg.Tests.Research;

namespace LearningOrg.Tests.Api;

/// <summary>
/// Command routes that no other test sends a valid body to, each given one over HTTP in the order a user would record
/// them: the route accepts it, and the event is the stream's newest at the version the answer names, with the state
/// showing it.
/// </summary>
public sealed class CommandRouteBodiesTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset Start = new(2022, 9, 5, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Day(int n) => Start.AddDays(n);

    [Fact]
    public async Task The_school_routes_record_role_retirements_principal_moves_and_leadership_discussions()
    {
        var school = ResearchApi.NewId("cr-school");
        var teacher = ResearchApi.NewId("cr-teacher");
        await api.Recorded($"/api/schools/{school}", new SchoolRegistered("Birchwood Primary", "East", 35) { OccurredAt = Day(0) });
        await api.Recorded($"/api/teachers/{teacher}", new TeacherRegistered("Teacher of Birchwood", school, ["Maths"], ["4"], 8) { OccurredAt = Day(1) });
        await api.Recorded($"/api/schools/{school}/roles", Grains.Given.Role("coach", at: Day(2)));

        await RecordedAsNewest($"/api/schools/{school}", "principal-moves",
            new PrincipalMoveRecorded("Protected planning time", teacher, "One hour a week for the coach") { OccurredAt = Day(3) });
        await RecordedAsNewest($"/api/schools/{school}", "leadership-discussions",
            new LeadershipDiscussionHeld("Coaching cycles", [teacher], ["Meet every month"]) { OccurredAt = Day(4) });
        await RecordedAsNewest($"/api/schools/{school}", "role-retirements",
            new TeacherLeaderRoleRetired("coach", "Folded into the team lead role") { OccurredAt = Day(5) });

        var state = (await api.GetJson($"/api/schools/{school}/state")).GetProperty("state");
        Assert.Equal(1, state.GetProperty("principalMoves").GetInt32());
        Assert.Equal(1, state.GetProperty("leadershipDiscussions").GetInt32());
        Assert.Equal(JsonValueKind.String, state.GetProperty("roles").GetProperty("coach").GetProperty("retiredAt").ValueKind);
    }

    [Fact]
    public async Task The_role_revisions_route_records_a_revision_that_the_state_keeps_and_shows_in_force()
    {
        var school = ResearchApi.NewId("cr-school");
        await api.Recorded($"/api/schools/{school}", new SchoolRegistered("Alder Primary", "East", 30) { OccurredAt = Day(0) });
        await api.Recorded($"/api/schools/{school}/roles", Grains.Given.Role("coach", at: Day(1)));

        await RecordedAsNewest($"/api/schools/{school}", "role-revisions",
            new RoleRevised("coach", "Lead coach", "instruction", ["Lead the coaching team"], ["Report each term"], 6, 2, DecidedAt.School) { OccurredAt = Day(2) });

        var role = (await api.GetJson($"/api/schools/{school}/state")).GetProperty("state").GetProperty("roles").GetProperty("coach");
        Assert.Equal("Lead coach", role.GetProperty("definition").GetProperty("title").GetString());
        Assert.Equal("Lead coach", role.GetProperty("revisions")[0].GetProperty("title").GetString());
        Assert.Equal(1, role.GetProperty("revisions").GetArrayLength());
    }

    [Fact]
    public async Task The_initiative_routes_record_stakeholders_context_role_frameworks_phases_observations_and_withdrawals()
    {
        var initiative = ResearchApi.NewId("cr-init");
        var school = ResearchApi.NewId("cr-school");
        await api.Recorded($"/api/schools/{school}", new SchoolRegistered("Alder Secondary", "West", 60) { OccurredAt = Day(0) });
        await api.Recorded($"/api/initiatives/{initiative}",
            new InitiativeLaunched("Teacher leaders in every school", Sponsor.District, "Keep good teachers", ["Retention"]) { OccurredAt = Day(1) });
        await api.Recorded($"/api/initiatives/{initiative}/enrolments", new SchoolEnrolled(school) { OccurredAt = Day(2) });
        var path = $"/api/initiatives/{initiative}";

        await RecordedAsNewest(path, "stakeholders", new StakeholderEngaged("Teachers' association", "Advises on role design") { OccurredAt = Day(3) });
        await RecordedAsNewest(path, "context-assessments",
            new ContextAssessed(["Coaching budget"], ["Staff survey"], ["District grant"], ["Grade-level teams"], ["Past pilots ended early"]) { OccurredAt = Day(4) });
        await RecordedAsNewest(path, "role-frameworks", new RoleFrameworkSet("Instructional coach", ["Hours per week"], ["Focus area"]) { OccurredAt = Day(5) });
        await RecordedAsNewest(path, "phases", new PhaseAdvanced(Phase.Design) { OccurredAt = Day(6) });
        await api.Recorded($"{path}/measures", new MeasureDefined("retention", "Teacher retention", MeasureHorizon.ShortTerm, "percent", 80m, 90m) { OccurredAt = Day(7) });
        await RecordedAsNewest(path, "phases", new PhaseAdvanced(Phase.Implementation) { OccurredAt = Day(8) });
        await RecordedAsNewest(path, "measure-observations", new MeasureObserved("retention", 84m, "HR records") { OccurredAt = Day(9) });
        await RecordedAsNewest(path, "withdrawals", new SchoolWithdrawn(school, "Merged with another school") { OccurredAt = Day(10) });

        var state = (await api.GetJson($"{path}/state")).GetProperty("state");
        Assert.Equal("Implementation", state.GetProperty("phase").GetString());
        Assert.False(state.GetProperty("enrolledSchools").TryGetProperty(school, out _));
    }

    [Fact]
    public async Task The_network_route_records_a_departure()
    {
        var network = ResearchApi.NewId("cr-net");
        var school = ResearchApi.NewId("cr-school");
        await api.Recorded($"/api/schools/{school}", new SchoolRegistered("Rowan Middle", "South", 45) { OccurredAt = Day(0) });
        await api.Recorded($"/api/networks/{network}", new NetworkFormed("Southern coaches", "Share coaching practice") { OccurredAt = Day(1) });
        await api.Recorded($"/api/networks/{network}/members", new SchoolJoinedNetwork(school) { OccurredAt = Day(2) });

        await RecordedAsNewest($"/api/networks/{network}", "departures", new SchoolLeftNetwork(school) { OccurredAt = Day(3) });

        var state = (await api.GetJson($"/api/networks/{network}/state")).GetProperty("state");
        Assert.False(state.GetProperty("members").TryGetProperty(school, out _));
    }

    /// <summary>Posts the body to {aggregate}/{route}; it must be accepted, and be the stream's newest event at the answered version.</summary>
    private async Task RecordedAsNewest(string aggregate, string route, DomainEvent body)
    {
        var answer = await api.Recorded($"{aggregate}/{route}", body);
        var version = answer.GetProperty("version").GetInt64();

        var events = (await api.GetJson($"{aggregate}/events")).GetProperty("events");
        var newest = events[events.GetArrayLength() - 1];
        Assert.Equal(version, newest.GetProperty("version").GetInt64());
        Assert.Equal(EventCatalog.For(body.GetType()).Name, newest.GetProperty("type").GetString());
    }
}
