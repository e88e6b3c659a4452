using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningOrg.Domain.Schools;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Api;

public sealed class SchoolApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset Founded = new(2021, 8, 16, 0, 0, 0, TimeSpan.Zero);

    private static string NewId() => $"s-{Guid.NewGuid():N}"[..14];

    private async Task<string> Registered()
    {
        var id = NewId();
        using var response = await api.Post($"/api/schools/{id}", new SchoolRegistered("Lincoln", "North", 30) { OccurredAt = Founded });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return id;
    }

    private async Task<int> EventCount(string id)
    {
        using var response = await api.Http.GetAsync($"/api/schools/{id}/events");
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return 0;
        }
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("events").GetArrayLength();
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Registering_a_school_answers_201_with_its_state_as_location_and_version_as_ETag()
    {
        var id = NewId();
        using var response = await api.Post($"/api/schools/{id}", new SchoolRegistered("Lincoln", "North", 30) { OccurredAt = Founded });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/schools/{id}/state", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var state = await api.GetJson($"/api/schools/{id}/state");
        Assert.Equal("Lincoln", state.GetProperty("state").GetProperty("name").GetString());
        Assert.Equal(1, state.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task The_same_Idempotency_Key_twice_records_once_and_answers_the_same()
    {
        var id = await Registered();
        using var first = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(33), idempotencyKey: $"{id}-k1");
        using var second = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(33), idempotencyKey: $"{id}-k1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("version").GetInt64(), b.GetProperty("version").GetInt64());
        Assert.Equal(a.GetProperty("occurredAt").GetString(), b.GetProperty("occurredAt").GetString());
        Assert.True(b.GetProperty("replayed").GetBoolean());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(2, await EventCount(id));
    }

    [Fact]
    public async Task A_reused_Idempotency_Key_with_another_payload_is_409_and_records_nothing()
    {
        var id = await Registered();
        using var first = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(33), idempotencyKey: $"{id}-k2");
        using var second = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(34), idempotencyKey: $"{id}-k2");

        var problem = await Problem(second, HttpStatusCode.Conflict);
        Assert.Equal("idempotency-key-reused", problem.GetProperty("code").GetString());
        Assert.Equal(2, await EventCount(id));
    }

    [Fact]
    public async Task A_command_on_a_school_never_registered_is_404()
    {
        using var response = await api.Post($"/api/schools/{NewId()}/staff-count", new StaffCountChanged(33));

        var problem = await Problem(response, HttpStatusCode.NotFound);
        Assert.Equal("not-found", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Registering_a_school_twice_is_409()
    {
        var id = await Registered();
        using var response = await api.Post($"/api/schools/{id}", new SchoolRegistered("Other", "South", 10) { OccurredAt = Founded });

        var problem = await Problem(response, HttpStatusCode.Conflict);
        Assert.Equal("already-exists", problem.GetProperty("code").GetString());
        Assert.Equal(1, await EventCount(id));
    }

    [Fact]
    public async Task A_stale_If_Match_is_412_and_a_current_one_is_accepted()
    {
        var id = await Registered();
        using var stale = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(31), ifMatch: "\"7\"");
        using var current = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(31), ifMatch: "\"1\"");

        var problem = await Problem(stale, HttpStatusCode.PreconditionFailed);
        Assert.Equal("stale-version", problem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("\"2\"", current.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Reading_state_with_its_ETag_in_If_None_Match_is_304()
    {
        var id = await Registered();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/schools/{id}/state");
        request.Headers.TryAddWithoutValidation("If-None-Match", "\"1\"");
        using var response = await api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"staffCount\": \"many\"}", "staffCount")]
    [InlineData("{\"staffCount\": 3, \"colour\": \"red\"}", "colour")]
    [InlineData("{}", "staffCount")]
    [InlineData("{\"staffCount\": 3", "staffCount")]
    [InlineData("{\"staffCount\": 0}", "staffCount")]
    [InlineData("{\"staffCount\": 3, \"occurredAt\": \"2999-01-01T00:00:00Z\"}", "occurredAt")]
    [InlineData("{\"staffCount\": 3, \"occurredAt\": \"yesterday\"}", "occurredAt")]
    [InlineData("{\"staffCount\": 3, \"occurredAt\": \"2021-09-01T00:00:00\"}", "occurredAt")]
    [InlineData("{\"staffCount\": 3, \"occurredAt\": \"2021-09-01\"}", "occurredAt")]
    public async Task An_unreadable_or_invalid_body_is_400_naming_the_field_and_records_nothing(string body, string field)
    {
        var id = await Registered();
        using var response = await api.PostRaw($"/api/schools/{id}/staff-count", body);

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(1, await EventCount(id));
    }

    [Fact]
    public async Task An_unknown_enum_value_is_400_naming_the_field()
    {
        var id = await Registered();
        using var response = await api.PostRaw($"/api/schools/{id}/decisions",
            "{\"decisionId\":\"d1\",\"title\":\"Timetable\",\"area\":\"scheduling\",\"mode\":\"Dictatorship\",\"participants\":[],\"equityFocus\":false,\"rationale\":\"\"}");

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("mode", out _), problem.ToString());
    }

    [Fact]
    public async Task An_over_long_name_is_400_naming_the_field()
    {
        using var response = await api.Post($"/api/schools/{NewId()}", new SchoolRegistered(new string('x', 201), "North", 30));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _), problem.ToString());
    }

    [Theory]
    [InlineData("Lincoln%20High")]
    [InlineData("UPPER")]
    [InlineData("a--")]
    public async Task An_id_of_the_wrong_shape_is_400(string id)
    {
        using var response = await api.Post($"/api/schools/{id}", new SchoolRegistered("Lincoln", "North", 30));

        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
    }

    [Fact]
    public async Task Events_come_back_in_order_with_metadata_and_paged_by_version()
    {
        var id = await Registered();
        for (var count = 31; count <= 34; count++)
        {
            using var _ = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(count), idempotencyKey: $"{id}-{count}");
        }
        var first = await api.GetJson($"/api/schools/{id}/events?limit=2");
        var rest = await api.GetJson($"/api/schools/{id}/events?fromVersion={first.GetProperty("nextFromVersion").GetInt64()}&limit=10");

        var events = first.GetProperty("events").EnumerateArray().Concat(rest.GetProperty("events").EnumerateArray()).ToList();
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.GetProperty("version").GetInt64()));
        Assert.Equal("SchoolRegistered.v1", events[0].GetProperty("type").GetString());
        Assert.Equal("StaffCountChanged.v1", events[1].GetProperty("type").GetString());
        Assert.Equal($"{id}-31", events[1].GetProperty("commandId").GetString());
        Assert.Equal(31, events[1].GetProperty("data").GetProperty("staffCount").GetInt32());
        Assert.True(events[1].GetProperty("recordedAt").GetDateTimeOffset() > events[1].GetProperty("occurredAt").GetDateTimeOffset().AddSeconds(-5));
        Assert.Equal(JsonValueKind.Null, rest.GetProperty("nextFromVersion").ValueKind);
    }

    [Fact]
    public async Task State_as_of_a_date_folds_only_what_had_happened_by_then()
    {
        var id = await Registered();
        using var later = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(45) { OccurredAt = Founded.AddYears(2) });
        // Entered afterwards, but it happened earlier: valid time, not recording order, decides.
        using var earlier = await api.Post($"/api/schools/{id}/staff-count", new StaffCountChanged(38) { OccurredAt = Founded.AddYears(1) });

        var atStart = await api.GetJson($"/api/schools/{id}/state?asOf={Uri.EscapeDataString(Founded.AddMonths(6).ToString("O"))}");
        var afterOneYear = await api.GetJson($"/api/schools/{id}/state?asOf={Uri.EscapeDataString(Founded.AddMonths(18).ToString("O"))}");
        using var beforeFounding = await api.Http.GetAsync($"/api/schools/{id}/state?asOf={Uri.EscapeDataString(Founded.AddDays(-1).ToString("O"))}");

        Assert.Equal(30, atStart.GetProperty("state").GetProperty("staffCount").GetInt32());
        Assert.Equal(38, afterOneYear.GetProperty("state").GetProperty("staffCount").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, beforeFounding.StatusCode);
    }
}
