using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningOrg.Api.Security;
using LearningOrg.Demo;
using LearningOrg.Domain.Networks;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.Culture;

/// <summary>The demo story, and a second network of two of its schools that joined in January 2024.</summary>
public sealed class TwoNetworksFixture : IAsyncLifetime
{
    public const string Second = "group-comparison-second";

    public ApiFixture Api { get; } = new();

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        await DemoSeeder.SeedAsync(Api.Services.GetRequiredService<IGrainFactory>(), NullLogger.Instance, CancellationToken.None);
        var joined = new DateTimeOffset(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);
        (await Api.Post($"/api/networks/{Second}", new NetworkFormed("Second network", "A second look") { OccurredAt = joined.AddDays(-1) })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/networks/{Second}/members", new SchoolJoinedNetwork(DemoIds.MapleGrove) { OccurredAt = joined })).EnsureSuccessStatusCode();
        (await Api.Post($"/api/networks/{Second}/members", new SchoolJoinedNetwork(DemoIds.HarborView) { OccurredAt = joined })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Api).DisposeAsync();
}

public sealed class GroupComparisonApiTests(TwoNetworksFixture fixture) : IClassFixture<TwoNetworksFixture>
{
    private const string Both = $"/api/comparisons?network={DemoIds.Network}&network={TwoNetworksFixture.Second}";

    private static readonly string[] SpreadIndicators =
        ["leadershipDensity", "sharedDecisionShare", "decisionCentralization", "activeTeacherLeaderRate", "medianDaysToResolution"];

    private ApiFixture Api => fixture.Api;

    private static double? Number(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetDouble();

    private static List<JsonElement> Rows(JsonElement comparison) => [.. comparison.GetProperty("rows").EnumerateArray()];

    [Fact]
    public async Task A_networks_rows_are_its_single_comparison_each_school_beside_the_networks_median_and_quartiles()
    {
        var groups = await Api.GetJson($"{Both}&from=2024-06&to=2024-06");
        var single = await Api.GetJson($"/api/networks/{DemoIds.Network}/comparison?at=2024-06-30");

        var rows = Rows(groups).Where(r => r.GetProperty("groupId").GetString() == DemoIds.Network).ToList();
        var schools = single.GetProperty("schools").EnumerateArray().ToList();
        Assert.Equal(schools.Count * SpreadIndicators.Length, rows.Count);
        foreach (var school in schools)
        {
            foreach (var indicator in SpreadIndicators)
            {
                var row = rows.Single(r => r.GetProperty("schoolId").GetString() == school.GetProperty("schoolId").GetString()
                    && r.GetProperty("indicator").GetString() == indicator);
                var spread = single.GetProperty("network").GetProperty(indicator);
                Assert.Equal("2024-06-01", row.GetProperty("month").GetString());
                Assert.Equal(Number(IndicatorOf(school.GetProperty("indicators"), indicator)), Number(row.GetProperty("value")));
                Assert.Equal(spread.GetProperty("schools").GetInt32(), row.GetProperty("groupSchools").GetInt32());
                Assert.Equal(Number(spread.GetProperty("median")), Number(row.GetProperty("groupMedian")));
                Assert.Equal(Number(spread.GetProperty("lowerQuartile")), Number(row.GetProperty("groupLowerQuartile")));
                Assert.Equal(Number(spread.GetProperty("upperQuartile")), Number(row.GetProperty("groupUpperQuartile")));
            }
        }
    }

    [Fact]
    public async Task The_second_networks_median_is_the_mean_of_its_two_schools_and_its_rows_start_when_they_joined()
    {
        var groups = await Api.GetJson($"{Both}&from=2023-12&to=2024-01");

        Assert.Equal([("network", DemoIds.Network, "Riverbend Learning Network"), ("network", TwoNetworksFixture.Second, "Second network")],
            groups.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("kind").GetString(), g.GetProperty("id").GetString(), g.GetProperty("name").GetString())));
        var second = Rows(groups).Where(r => r.GetProperty("groupId").GetString() == TwoNetworksFixture.Second).ToList();
        // Its schools joined on 10 January 2024: nothing in December.
        Assert.All(second, r => Assert.Equal("2024-01-01", r.GetProperty("month").GetString()));
        var density = second.Where(r => r.GetProperty("indicator").GetString() == "leadershipDensity").ToList();
        Assert.Equal([DemoIds.MapleGrove, DemoIds.HarborView], density.Select(r => r.GetProperty("schoolId").GetString()));
        var values = density.Select(r => r.GetProperty("value").GetDouble()).ToList();
        var mean = Math.Round((values[0] + values[1]) / 2, 4, MidpointRounding.AwayFromZero);
        Assert.All(density, r =>
        {
            Assert.Equal(2, r.GetProperty("groupSchools").GetInt32());
            Assert.Equal(mean, r.GetProperty("groupMedian").GetDouble());
            Assert.Equal("Second network", r.GetProperty("groupName").GetString());
        });
    }

    [Fact]
    public async Task A_district_holds_the_schools_registered_in_it_from_their_registration()
    {
        var district = Uri.EscapeDataString(DemoStory.District);
        var groups = await Api.GetJson($"/api/comparisons?district={district}&from=2021-08&to=2021-08");

        Assert.Equal(("district", DemoStory.District), groups.GetProperty("groups").EnumerateArray()
            .Select(g => (g.GetProperty("kind").GetString(), g.GetProperty("id").GetString())).Single());
        var rows = Rows(groups).Where(r => r.GetProperty("indicator").GetString() == "leadershipDensity").ToList();
        Assert.Equal(DemoIds.Schools.Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("schoolId").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(new DateTimeOffset(2021, 8, 2, 0, 0, 0, TimeSpan.Zero).Date, r.GetProperty("memberSince").GetDateTimeOffset().UtcDateTime.Date));
        Assert.All(rows, r => Assert.Equal(3, r.GetProperty("groupSchools").GetInt32()));
    }

    [Fact]
    public async Task The_CSV_has_one_column_per_JSON_property_and_the_same_rows()
    {
        var json = Rows(await Api.GetJson($"{Both}&from=2024-05&to=2024-06"));
        using var response = await Api.Http.GetAsync($"{Both}&from=2024-05&to=2024-06&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.Equal(json[0].EnumerateObject().Select(p => p.Name), lines[0]);
        Assert.Equal(json.Count, lines.Count - 1);
        foreach (var (row, line) in json.Zip(lines.Skip(1)))
        {
            foreach (var (property, cell) in row.EnumerateObject().Zip(line))
            {
                switch (property.Value.ValueKind)
                {
                    case JsonValueKind.Null:
                        Assert.Equal("", cell);
                        break;
                    case JsonValueKind.Number:
                        Assert.Equal(property.Value.GetDouble(), double.Parse(cell, CultureInfo.InvariantCulture));
                        break;
                    case JsonValueKind.String when property.Name == "memberSince":
                        Assert.Equal(property.Value.GetDateTimeOffset(), DateTimeOffset.Parse(cell, CultureInfo.InvariantCulture));
                        break;
                    default:
                        Assert.Equal(property.Value.GetString(), cell);
                        break;
                }
            }
        }
    }

    [Fact]
    public async Task A_network_lead_compares_only_their_networks_and_no_district()
    {
        using var lead = Api.ClientFor(Roles.NetworkLead, DemoIds.Network);

        using var own = await lead.GetAsync($"/api/comparisons?network={DemoIds.Network}&from=2024-06&to=2024-06");
        using var withOther = await lead.GetAsync($"{Both}&from=2024-06&to=2024-06");
        using var district = await lead.GetAsync($"/api/comparisons?district={Uri.EscapeDataString(DemoStory.District)}&from=2024-06&to=2024-06");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withOther.StatusCode);
        Assert.Contains(TwoNetworksFixture.Second, (await withOther.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, district.StatusCode);
    }

    [Fact]
    public async Task A_researcher_reads_every_group_as_an_administrator_does()
    {
        using var researcher = Api.ClientFor(Roles.Researcher);
        var path = $"{Both}&district={Uri.EscapeDataString(DemoStory.District)}&from=2024-06&to=2024-06";

        using var response = await researcher.GetAsync(path);
        var asAdmin = await Api.Http.GetStringAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(asAdmin, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/comparisons", "network")]
    [InlineData("/api/comparisons?network=no-such-network", "network")]
    [InlineData("/api/comparisons?network=Not_An_Id", "network")]
    [InlineData("/api/comparisons?district=Nowhere%20District", "district")]
    [InlineData("/api/comparisons?network=n0&network=n1&network=n2&network=n3&network=n4&network=n5&network=n6&network=n7&network=n8&network=n9&district=d", "district")]
    [InlineData("/api/comparisons?network=n0&network=n1&network=n2&network=n3&network=n4&network=n5&network=n6&network=n7&network=n8&network=n9&network=n10", "network")]
    [InlineData($"/api/comparisons?network={DemoIds.Network}&from=2024-13", "from")]
    [InlineData($"/api/comparisons?network={DemoIds.Network}&from=2024-06&to=2024-05", "from")]
    [InlineData($"/api/comparisons?network={DemoIds.Network}&from=2023-01&to=2024-01", "to")]
    [InlineData($"/api/comparisons?network={DemoIds.Network}&to=3000-01", "to")]
    [InlineData($"/api/comparisons?network={DemoIds.Network}&format=xml", "format")]
    public async Task A_bad_parameter_is_a_400_naming_it(string path, string field)
    {
        using var response = await Api.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors names {field}: {problem}");
    }

    private static JsonElement IndicatorOf(JsonElement point, string indicator) =>
        indicator == "medianDaysToResolution" ? point.GetProperty("breakingRanks").GetProperty(indicator) : point.GetProperty(indicator);
}
