using System.Net;
using System.Text.Json;
using LearningOrg.Demo;
using LearningOrg.Research;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Security;

/// <summary>
/// A researcher without identifiable access reads every school, but never a teacher's name or id: teacher ids come
/// back as the exports' keyed pseudonyms (which name the teacher in the route), names are gone, who recorded and the
/// command ids are hashed.
/// </summary>
public sealed class PseudonymizedReadTests(SecurityFixture fixture) : IClassFixture<SecurityFixture>
{
    private readonly Pseudonymizer pseudonyms = new(ApiFixture.PseudonymKey);

    public static TheoryData<string> TeacherReads() => new()
    {
        "/api/teachers/{teacher}/state",
        "/api/teachers/{teacher}/events",
        "/api/teachers/{teacher}/replay",
        $"/api/schools/{DemoIds.MapleGrove}/state",
        $"/api/schools/{DemoIds.MapleGrove}/events?limit=1000",
        $"/api/schools/{DemoIds.MapleGrove}/replay?limit=200",
        $"/api/schools/{DemoIds.MapleGrove}/timeline?pageSize=500",
    };

    [Theory]
    [MemberData(nameof(TeacherReads))]
    public async Task A_researcher_reads_pseudonyms_where_a_granted_researcher_reads_the_teacher(string template)
    {
        var hidden = await ReadAsync(Who.Researcher, template.Replace("{teacher}", pseudonyms.Teacher(fixture.MapleTeacher), StringComparison.Ordinal));
        var granted = await ReadAsync(Who.IdentifiableResearcher, template.Replace("{teacher}", fixture.MapleTeacher, StringComparison.Ordinal));

        Assert.Contains(fixture.MapleTeacher, granted, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.MapleTeacher, hidden, StringComparison.Ordinal);
        Assert.DoesNotContain(fixture.MapleTeacherName, hidden, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(pseudonyms.Teacher(fixture.MapleTeacher), hidden, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_researcher_reads_who_recorded_and_the_command_ids_hashed()
    {
        var hidden = JsonDocument.Parse(await ReadAsync(Who.Researcher, $"/api/schools/{DemoIds.MapleGrove}/events?limit=1")).RootElement;

        var first = hidden.GetProperty("events")[0];
        Assert.Equal(pseudonyms.User(DemoIds.RecordedBy), first.GetProperty("recordedBy").GetString());
        Assert.StartsWith("c-", first.GetProperty("commandId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(DemoIds.CommandIdPrefix, first.GetProperty("commandId").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_principal_reads_their_own_teachers_by_name()
    {
        var state = await ReadAsync(Who.MaplePrincipal, $"/api/teachers/{fixture.MapleTeacher}/state");

        Assert.Contains(fixture.MapleTeacherName, state, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_identifiable_export_is_for_admins_and_granted_researchers_only()
    {
        const string Query = "/api/exports/events?scope=all&upToSequence=50&identifiable=true";

        using var researcher = await fixture.Client(Who.Researcher).GetAsync(Query);
        using var granted = await fixture.Client(Who.IdentifiableResearcher).GetAsync(Query);
        using var admin = await fixture.Client(Who.Admin).GetAsync(Query);

        Assert.Equal(HttpStatusCode.Forbidden, researcher.StatusCode);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Fact]
    public async Task A_principal_exports_their_own_school_pseudonymized_and_not_another()
    {
        using var own = await fixture.Client(Who.MaplePrincipal).GetAsync($"/api/exports/events?scope=school:{DemoIds.MapleGrove}");
        using var other = await fixture.Client(Who.MaplePrincipal).GetAsync($"/api/exports/events?scope=school:{DemoIds.CedarHill}");
        using var identifiable = await fixture.Client(Who.MaplePrincipal).GetAsync($"/api/exports/events?scope=school:{DemoIds.MapleGrove}&identifiable=true");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.DoesNotContain(fixture.MapleTeacher, await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, identifiable.StatusCode);
    }

    private async Task<string> ReadAsync(Who who, string path)
    {
        using var response = await fixture.Client(who).GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{who} GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }
}
