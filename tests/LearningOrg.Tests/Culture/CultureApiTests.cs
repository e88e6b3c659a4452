using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningOrg.Demo;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.Culture;

/// <summary>The real API on its own schema, loaded with the demo story.</summary>
public sealed class SeededApiFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = new();

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        await DemoSeeder.SeedAsync(Api.Services.GetRequiredService<IGrainFactory>(), NullLogger.Instance, CancellationToken.None);
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Api).DisposeAsync();
}

public sealed class CultureApiTests(SeededApiFixture fixture) : IClassFixture<SeededApiFixture>
{
    private const string Network = $"/api/networks/{DemoIds.Network}";

    private ApiFixture Api => fixture.Api;

    private static JsonElement PointOf(JsonElement trajectory, string month) =>
        trajectory.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("month").GetString() == $"{month}-01");

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string[]> CsvLines(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];

    [Fact]
    public async Task Maple_Groves_density_and_shared_share_rise_between_2021_and_2024_and_its_latest_assessed_stage_is_Shared()
    {
        var trajectory = await Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/trajectory?from=2021-08&to=2024-06");
        var december2021 = PointOf(trajectory, "2021-12");
        var may2024 = PointOf(trajectory, "2024-05");

        Assert.True(may2024.GetProperty("leadershipDensity").GetDouble() > december2021.GetProperty("leadershipDensity").GetDouble());
        Assert.True(may2024.GetProperty("sharedDecisionShare").GetDouble() > december2021.GetProperty("sharedDecisionShare").GetDouble());
        Assert.Equal(3.0 / 31, december2021.GetProperty("leadershipDensity").GetDouble(), 4);
        Assert.Equal(0, december2021.GetProperty("sharedDecisionShare").GetDouble());
        Assert.Equal("Shared", trajectory.GetProperty("points").EnumerateArray().Last().GetProperty("assessedStage").GetString());
        Assert.Equal("Flat", december2021.GetProperty("assessedStage").GetString());
    }

    [Fact]
    public async Task By_default_a_trajectory_runs_from_the_registration_month_to_the_month_of_the_latest_event()
    {
        var trajectory = await Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/trajectory");

        Assert.Equal("2021-08-01", trajectory.GetProperty("from").GetString());
        Assert.Equal("2025-06-01", trajectory.GetProperty("to").GetString());
        Assert.Equal("2021-09-01", trajectory.GetProperty("firstRoleMonth").GetString());
        var points = trajectory.GetProperty("points");
        Assert.Equal(47, points.GetArrayLength());
        Assert.Equal("2025-06-30T23:59:59.9999999+00:00", points[points.GetArrayLength() - 1].GetProperty("at").GetString());
        Assert.Equal("Shared", points[points.GetArrayLength() - 1].GetProperty("assessedStage").GetString());
    }

    [Fact]
    public async Task Breaking_ranks_in_the_trajectory_follow_Maple_Groves_peer_observation_episode()
    {
        var trajectory = await Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/trajectory?from=2021-10&to=2022-02");
        var october = PointOf(trajectory, "2021-10").GetProperty("breakingRanks");
        var november = PointOf(trajectory, "2021-11").GetProperty("breakingRanks");
        var february = PointOf(trajectory, "2022-02").GetProperty("breakingRanks");

        Assert.Equal((1, 1, "SpeakingUp"), (october.GetProperty("opened").GetInt32(), october.GetProperty("open").GetInt32(), october.GetProperty("highestLevel").GetString()));
        Assert.Equal((0, 1, "AttractingAttention"), (november.GetProperty("opened").GetInt32(), november.GetProperty("open").GetInt32(), november.GetProperty("highestLevel").GetString()));
        // Opened 26 October 2021, resolved 15 February 2022: 112 days.
        Assert.Equal((0, 1, 112.0), (february.GetProperty("open").GetInt32(), february.GetProperty("resolved").GetInt32(), february.GetProperty("medianDaysToResolution").GetDouble()));
    }

    [Fact]
    public async Task The_comparison_lists_the_three_schools_with_their_indicators_at_the_date()
    {
        var comparison = await Api.GetJson($"{Network}/comparison?at=2024-06-30");

        Assert.Equal("2024-06-30T23:59:59.9999999+00:00", comparison.GetProperty("at").GetString());
        var schools = comparison.GetProperty("schools").EnumerateArray().ToList();
        Assert.Equal(DemoIds.Schools, schools.Select(s => s.GetProperty("schoolId").GetString()));
        Assert.Equal("Maple Grove Elementary", schools[0].GetProperty("name").GetString());
        Assert.All(schools, s => Assert.Equal("2024-06-30T23:59:59.9999999+00:00", s.GetProperty("indicators").GetProperty("at").GetString()));
        // Maple Grove on 30 June 2024: four roles vacated on 7 June leave 4 seats for a staff of 30.
        Assert.Equal(4, schools[0].GetProperty("indicators").GetProperty("filledSeats").GetInt32());
        Assert.Equal(30, schools[0].GetProperty("indicators").GetProperty("staffCount").GetInt32());
    }

    [Fact]
    public async Task The_comparison_lists_only_the_schools_that_were_members_at_the_date()
    {
        // Maple Grove and Cedar Hill joined on 27 September 2021, Harbor View on 4 October.
        var comparison = await Api.GetJson($"{Network}/comparison?at=2021-09-30");

        Assert.Equal([DemoIds.MapleGrove, DemoIds.CedarHill],
            comparison.GetProperty("schools").EnumerateArray().Select(s => s.GetProperty("schoolId").GetString()));
    }

    [Fact]
    public async Task The_comparison_as_CSV_is_an_attachment_with_a_header_and_one_row_per_school()
    {
        using var response = await Api.Http.GetAsync($"{Network}/comparison?at=2024-06-30&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var lines = CsvLines(await response.Content.ReadAsStringAsync());
        Assert.Equal(["schoolId", "name", "memberSince", "at", "staffCount", "teachersOnStaff", "filledSeats"], lines[0].Take(7));
        Assert.Contains("derivedStage", lines[0]);
        Assert.Equal(DemoIds.Schools, lines.Skip(1).Select(l => l[0]));
        Assert.All(lines, l => Assert.Equal(lines[0].Length, l.Length));
        var density = Array.IndexOf(lines[0], "leadershipDensity");
        Assert.Equal("0.1333", lines[1][density]);
    }

    [Fact]
    public async Task Every_indicator_column_of_the_CSV_is_documented_in_the_codebook()
    {
        using var response = await Api.Http.GetAsync($"{Network}/comparison?at=2024-06-30&format=csv");
        var header = CsvLines(await response.Content.ReadAsStringAsync())[0];
        var codebook = await Api.GetJson("/api/exports/codebook");
        var markdown = await Api.Http.GetStringAsync("/api/exports/codebook?format=md");

        var indicators = codebook.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(header.Skip(3), indicators.Select(i => i.GetProperty("name").GetString()));
        Assert.All(indicators, i => Assert.False(string.IsNullOrWhiteSpace(i.GetProperty("nullRule").GetString())));
        Assert.All(header.Skip(3), column => Assert.Contains($"| `{column}` |", markdown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accept_text_csv_gives_the_CSV_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Network}/comparison?at=2024-06-30");
        request.Headers.Accept.ParseAdd("text/csv");
        using var response = await Api.Http.SendAsync(request);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(4, CsvLines(await response.Content.ReadAsStringAsync()).Count);
    }

    [Fact]
    public async Task Series_aligned_by_first_role_start_at_month_index_0_in_each_schools_first_role_month()
    {
        var series = await Api.GetJson($"{Network}/series?align=first-role");

        Assert.Equal("first-role", series.GetProperty("align").GetString());
        var schools = series.GetProperty("schools").EnumerateArray().ToList();
        Assert.Equal(DemoIds.Schools, schools.Select(s => s.GetProperty("schoolId").GetString()));
        foreach (var school in schools)
        {
            var points = school.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(0, points[0].GetProperty("monthIndex").GetInt32());
            Assert.Equal(school.GetProperty("firstRoleMonth").GetString(), points[0].GetProperty("indicators").GetProperty("month").GetString());
            Assert.True(points[0].GetProperty("indicators").GetProperty("filledSeats").GetInt32() > 0);
            Assert.Equal(Enumerable.Range(0, points.Count), points.Select(p => p.GetProperty("monthIndex").GetInt32()));
        }
        Assert.Equal("2023-01-01", schools[1].GetProperty("firstRoleMonth").GetString());
        // Harbor View's principal-appointed department heads are administrative: its clock starts with the data lead.
        Assert.Equal("2022-08-01", schools[2].GetProperty("firstRoleMonth").GetString());
    }

    [Fact]
    public async Task The_comparison_gives_the_network_median_and_quartiles_of_the_schools_listed()
    {
        var comparison = await Api.GetJson($"{Network}/comparison?at=2024-06-30");

        var densities = comparison.GetProperty("schools").EnumerateArray()
            .Select(s => s.GetProperty("indicators").GetProperty("leadershipDensity").GetDouble()).Order().ToList();
        var density = comparison.GetProperty("network").GetProperty("leadershipDensity");
        Assert.Equal(3, density.GetProperty("schools").GetInt32());
        Assert.Equal(densities[1], density.GetProperty("median").GetDouble());
        Assert.Equal(Math.Round((densities[0] + densities[1]) / 2, 4, MidpointRounding.AwayFromZero), density.GetProperty("lowerQuartile").GetDouble());
        Assert.Equal(Math.Round((densities[1] + densities[2]) / 2, 4, MidpointRounding.AwayFromZero), density.GetProperty("upperQuartile").GetDouble());
    }

    [Fact]
    public async Task Series_give_the_network_spread_per_month_and_the_stage_agreement()
    {
        var series = await Api.GetJson($"{Network}/series?from=2024-01&to=2024-03");

        var network = series.GetProperty("network").EnumerateArray().ToList();
        Assert.Equal([(0, "2024-01-01"), (1, "2024-02-01"), (2, "2024-03-01")],
            network.Select(m => (m.GetProperty("monthIndex").GetInt32(), m.GetProperty("month").GetString())));
        Assert.InRange(network[0].GetProperty("indicators").GetProperty("sharedDecisionShare").GetProperty("schools").GetInt32(), 1, 3);
        var agreement = series.GetProperty("agreement");
        Assert.True(agreement.GetProperty("pairs").GetInt32() >= 2);
        Assert.InRange(agreement.GetProperty("weightedKappa").GetDouble(), -1, 1);
        Assert.Equal(agreement.GetProperty("pairs").GetInt32(), agreement.GetProperty("table").EnumerateArray().Sum(r => r.EnumerateArray().Sum(c => c.GetInt32())));
    }

    [Theory]
    [InlineData("first-shared-decision", null)]
    [InlineData("initiative", DemoIds.Initiative)]
    public async Task Series_align_each_school_on_its_own_month_0(string align, string? initiative)
    {
        var query = initiative is null ? $"align={align}" : $"align={align}&initiative={initiative}";
        var series = await Api.GetJson($"{Network}/series?{query}");

        Assert.Equal(align, series.GetProperty("align").GetString());
        var aligned = series.GetProperty("schools").EnumerateArray().Where(s => s.GetProperty("monthZero").ValueKind != JsonValueKind.Null).ToList();
        Assert.NotEmpty(aligned);
        foreach (var school in aligned)
        {
            var first = school.GetProperty("points")[0];
            Assert.Equal((0, school.GetProperty("monthZero").GetString()), (first.GetProperty("monthIndex").GetInt32(), first.GetProperty("indicators").GetProperty("month").GetString()));
        }
    }

    [Fact]
    public async Task Aligning_by_initiative_needs_an_initiative_that_exists()
    {
        using var withoutInitiative = await Api.Http.GetAsync($"{Network}/series?align=initiative");
        using var unknownInitiative = await Api.Http.GetAsync($"{Network}/series?align=initiative&initiative=no-such-initiative");

        Assert.True((await Problem(withoutInitiative, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("initiative", out _));
        await Problem(unknownInitiative, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Series_aligned_by_calendar_share_one_axis_from_the_first_registration()
    {
        var series = await Api.GetJson($"{Network}/series");

        Assert.Equal("calendar", series.GetProperty("align").GetString());
        Assert.Equal("2021-08-01", series.GetProperty("from").GetString());
        Assert.Equal("2025-06-01", series.GetProperty("to").GetString());
        foreach (var school in series.GetProperty("schools").EnumerateArray())
        {
            var points = school.GetProperty("points");
            Assert.Equal(47, points.GetArrayLength());
            Assert.Equal((0, "2021-08-01"), (points[0].GetProperty("monthIndex").GetInt32(), points[0].GetProperty("indicators").GetProperty("month").GetString()));
        }
    }

    [Fact]
    public async Task Series_as_CSV_are_in_long_format_one_row_per_school_and_month()
    {
        using var calendar = await Api.Http.GetAsync($"{Network}/series?format=csv&from=2024-01&to=2024-03");
        var calendarLines = CsvLines(await calendar.Content.ReadAsStringAsync());
        using var firstRole = await Api.Http.GetAsync($"{Network}/series?align=first-role&format=csv&to=2024-03");
        var firstRoleLines = CsvLines(await firstRole.Content.ReadAsStringAsync());

        Assert.Equal("attachment", calendar.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(["schoolId", "name", "month", "at"], calendarLines[0].Take(4));
        Assert.Equal(1 + (3 * 3), calendarLines.Count);
        Assert.Equal([DemoIds.MapleGrove, "Maple Grove Elementary", "2024-01"], calendarLines[1].Take(3));
        Assert.Equal(["schoolId", "name", "monthIndex", "month"], firstRoleLines[0].Take(4));
        Assert.Equal([DemoIds.CedarHill, "Cedar Hill Middle School", "0", "2023-01"],
            firstRoleLines.First(l => l[0] == DemoIds.CedarHill).Take(4));
        // Maple Grove: September 2021 to March 2024 (31 months); Cedar Hill: January 2023 on (15); Harbor View: from its
        // data lead in August 2022 (20), its appointed department heads being administrative.
        Assert.Equal(1 + 31 + 15 + 20, firstRoleLines.Count);
    }

    [Fact]
    public async Task A_school_that_never_filled_a_role_is_listed_without_points_when_aligned_by_first_role()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (network, school) = ($"n-{suffix}", $"s-{suffix}");
        var at = new DateTimeOffset(2022, 1, 10, 15, 0, 0, TimeSpan.Zero);
        (await Api.Post($"/api/schools/{school}", new SchoolRegistered("No Roles School", "District", 20) { OccurredAt = at })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/networks/{network}", new NetworkFormed("Test Network", "Testing") { OccurredAt = at })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/networks/{network}/members", new SchoolJoinedNetwork(school) { OccurredAt = at })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/networks/{network}/members", new SchoolJoinedNetwork(DemoIds.CedarHill) { OccurredAt = at })).EnsureSuccessStatusCode();

        var series = await Api.GetJson($"/api/networks/{network}/series?align=first-role");

        var schools = series.GetProperty("schools").EnumerateArray().ToList();
        Assert.Equal([school, DemoIds.CedarHill], schools.Select(s => s.GetProperty("schoolId").GetString()));
        Assert.Equal(JsonValueKind.Null, schools[0].GetProperty("firstRoleMonth").ValueKind);
        Assert.Equal(0, schools[0].GetProperty("points").GetArrayLength());
        Assert.NotEqual(0, schools[1].GetProperty("points").GetArrayLength());
    }

    [Fact]
    public async Task A_teachers_informal_acts_count_only_at_the_school_they_were_on_the_staff_of()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (first, second, teacher) = ($"a-{suffix}", $"b-{suffix}", $"t-{suffix}");
        var day = new DateTimeOffset(2022, 1, 3, 15, 0, 0, TimeSpan.Zero);
        (await Api.Post($"/api/schools/{first}", new SchoolRegistered("First", "District", 10) { OccurredAt = day })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/schools/{second}", new SchoolRegistered("Second", "District", 10) { OccurredAt = day })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/teachers/{teacher}", new TeacherRegistered("Teacher", first, ["Science"], ["7"], 5) { OccurredAt = day })).EnsureSuccessStatusCode();
        var act = new InformalLeadershipObserved(LeadershipAct.ModeledPractice, LeadershipDomain.Instruction, "", "principal");
        (await Api.Post($"/api/teachers/{teacher}/informal-leadership", act with { OccurredAt = day.AddDays(10) })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/teachers/{teacher}/moves", new TeacherMovedSchool(first, second) { OccurredAt = day.AddDays(60) })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/teachers/{teacher}/informal-leadership", act with { OccurredAt = day.AddDays(70) })).EnsureSuccessStatusCode();

        // 13 January: the act at the first school, within the 180 days up to the end of June but not of July.
        // 14 March: the act at the second school, within the 180 days up to the ends of March to August; never at the first.
        var atFirst = await Api.GetJson($"/api/schools/{first}/trajectory?from=2022-01&to=2022-08");
        var atSecond = await Api.GetJson($"/api/schools/{second}/trajectory?from=2022-01&to=2022-08");

        Assert.Equal([1, 1, 1, 1, 1, 1, 0, 0], atFirst.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("activeTeacherLeaders").GetInt32()));
        Assert.Equal([0, 0, 1, 1, 1, 1, 1, 1], atSecond.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("activeTeacherLeaders").GetInt32()));
    }

    [Theory]
    [InlineData($"/api/schools/{DemoIds.MapleGrove}/trajectory?from=2021-13", "from")]
    [InlineData($"/api/schools/{DemoIds.MapleGrove}/trajectory?to=June", "to")]
    [InlineData($"/api/schools/{DemoIds.MapleGrove}/trajectory?from=2024-01&to=2023-12", "from")]
    [InlineData($"/api/schools/{DemoIds.MapleGrove}/trajectory?from=1900-01&to=2024-01", "to")]
    [InlineData($"/api/schools/Not_An_Id/trajectory", "id")]
    [InlineData($"{Network}/comparison?at=yesterday", "at")]
    [InlineData($"{Network}/comparison?at=2024-02-30", "at")]
    [InlineData($"{Network}/comparison?format=xml", "format")]
    [InlineData($"{Network}/series?align=fiscal", "align")]
    [InlineData($"{Network}/series?align=first-role&from=2022-01", "from")]
    [InlineData($"{Network}/series?format=pdf", "format")]
    [InlineData($"{Network}/series?to=2024-1", "to")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string field)
    {
        using var response = await Api.Http.GetAsync(path);

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors names {field}: {problem}");
    }

    [Theory]
    [InlineData("/api/schools/no-such-school/trajectory")]
    [InlineData("/api/networks/no-such-network/comparison?at=2024-06-30")]
    [InlineData("/api/networks/no-such-network/comparison?format=csv")]
    [InlineData("/api/networks/no-such-network/series?align=first-role")]
    public async Task An_unknown_school_or_network_is_a_404(string path)
    {
        using var response = await Api.Http.GetAsync(path);

        await Problem(response, HttpStatusCode.NotFound);
    }
}
