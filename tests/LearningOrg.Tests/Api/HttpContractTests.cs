using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearningOrg.Domain.Schools;
using LearningOrg.Tests.Hostile;

namespace LearningOrg.Tests.Api;

/// <summary>
/// What the HTTP contract promises beyond one field: where a 201 points, every missing field named on its own, a
/// state fixed at a sequence the store has reached, comparisons only up to now, and dates only with their offset.
/// </summary>
public sealed class HttpContractTests(HostileApi api) : IClassFixture<HostileApi>
{
    private static readonly string[] CreatedKinds = ["initiative", "network", "school", "teacher"];

    [Fact]
    public async Task Every_Location_a_creation_answers_can_be_read()
    {
        await api.SeedAsync();
        var creations = CommandRoutes.From(api.Services).Where(r => r.IsCreation).ToList();

        Assert.Equal(CreatedKinds, creations.Select(r => r.Aggregate).Order(StringComparer.Ordinal));
        foreach (var route in creations)
        {
            using var created = await api.Http.PostAsync(route.Path(),
                new StringContent(route.ValidBody().ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{route}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
            var location = created.Headers.Location;
            Assert.NotNull(location);

            using var read = await api.Http.GetAsync(location);

            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{route}: GET {location} answered {(int)read.StatusCode}");
        }
    }

    [Fact]
    public async Task Each_missing_required_field_is_named_on_its_own()
    {
        await api.SeedAsync();
        var required = CommandRoutes.FieldsOf(typeof(TeacherLeaderRoleDefined)).Where(f => !f.Optional).Select(f => f.Name).Order(StringComparer.Ordinal).ToList();

        using var response = await api.Http.PostAsync($"/api/schools/{HostileApi.Seeded.School}/roles",
            new StringContent("{}", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        var errors = problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString());
        Assert.Equal(required, errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors, e => Assert.Contains(e.Key, e.Value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2021-01-04T09:00:00")]
    [InlineData("2021-01-04T09:00")]
    [InlineData("2021-01-04")]
    public async Task An_occurredAt_without_an_offset_is_refused_with_the_expected_format(string occurredAt)
    {
        var id = CommandRoute.NewId();

        using var response = await api.Http.PostAsync($"/api/schools/{id}", new StringContent(
            $"{{\"name\":\"Offset Elementary\",\"district\":\"North\",\"staffCount\":20,\"occurredAt\":\"{occurredAt}\"}}", Encoding.UTF8, "application/json"));
        using var state = await api.Http.GetAsync($"/api/schools/{id}/state");

        var problem = await ProblemAsync(response);
        var message = problem.GetProperty("errors").GetProperty("occurredAt")[0].GetString();
        Assert.Contains("2021-01-01T09:00:00+01:00", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, state.StatusCode);
    }

    [Fact]
    public async Task An_occurredAt_with_an_offset_is_recorded_at_that_instant()
    {
        var id = CommandRoute.NewId();

        using var response = await api.Http.PostAsync($"/api/schools/{id}", new StringContent(
            "{\"name\":\"Offset Elementary\",\"district\":\"North\",\"staffCount\":20,\"occurredAt\":\"2021-01-04T09:00:00+01:00\"}", Encoding.UTF8, "application/json"));
        var events = await api.GetJson($"/api/schools/{id}/events");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(new DateTimeOffset(2021, 1, 4, 8, 0, 0, TimeSpan.Zero), events.GetProperty("events")[0].GetProperty("occurredAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_state_at_a_sequence_the_store_has_not_reached_is_refused()
    {
        await api.SeedAsync();
        var events = await api.GetJson($"/api/schools/{HostileApi.Seeded.School}/events");
        var last = events.GetProperty("events").EnumerateArray().Max(e => e.GetProperty("sequence").GetInt64());

        using var reached = await api.Http.GetAsync($"/api/schools/{HostileApi.Seeded.School}/state?asOfSequence={last}");
        using var beyond = await api.Http.GetAsync($"/api/schools/{HostileApi.Seeded.School}/state?asOfSequence={last + 1_000_000}");

        Assert.Equal(HttpStatusCode.OK, reached.StatusCode);
        var problem = await ProblemAsync(beyond);
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOfSequence", out _), problem.ToString());
    }

    [Fact]
    public async Task A_comparison_is_answered_up_to_today_and_refused_after_it()
    {
        await api.SeedAsync();
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var comparison = $"/api/networks/{HostileApi.Seeded.Network}/comparison";

        using var answered = await api.Http.GetAsync($"{comparison}?at={today}");
        using var nextDay = await api.Http.GetAsync($"{comparison}?at={tomorrow}");
        using var farFuture = await api.Http.GetAsync($"{comparison}?at=3000-01-01");
        using var withoutOffset = await api.Http.GetAsync($"{comparison}?at=2024-06-30T12:00:00");

        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        foreach (var refused in new[] { nextDay, farFuture })
        {
            var problem = await ProblemAsync(refused);
            Assert.Contains("future", problem.GetProperty("errors").GetProperty("at")[0].GetString(), StringComparison.Ordinal);
        }
        var format = await ProblemAsync(withoutOffset);
        Assert.Contains("2024-06-30T12:00:00+02:00", format.GetProperty("errors").GetProperty("at")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_query_that_cannot_be_read_is_refused_with_the_expected_format()
    {
        await api.SeedAsync();

        using var response = await api.Http.GetAsync($"/api/schools/{HostileApi.Seeded.School}/state?asOf=yesterday");

        var problem = await ProblemAsync(response);
        Assert.Contains("2021-01-01T09:00:00+01:00", problem.GetProperty("errors").GetProperty("asOf")[0].GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
