using System.Net;
using LearningOrg.Domain;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Api;

public sealed class ContractTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Every_event_type_a_caller_may_record_has_a_route_in_the_OpenAPI_document()
    {
        var document = await api.GetJson("/openapi/v1.json");
        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(op => op.Name == "post"))
            .Select(op => op.Value.GetProperty("operationId").GetString()!)
            .ToHashSet();

        var missing = EventCatalog.All
            .Where(t => !t.IsFollowUpOnly && !t.IsSuperseded)
            .Where(t => !operations.Contains($"{t.Aggregate}-{t.ClrType.Name}"))
            .Select(t => t.Name)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task The_event_types_endpoint_lists_the_whole_catalog_with_fields()
    {
        var types = await api.GetJson("/api/event-types");

        Assert.Equal(EventCatalog.All.Count, types.GetArrayLength());
        var decision = types.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "DecisionRecorded.v1");
        var fields = decision.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("mode", fields);
        Assert.Contains("participants", fields);
        Assert.Contains("occurredAt", fields);
    }

    [Fact]
    public async Task Health_endpoints_answer_live_and_ready_with_PostgreSQL_up()
    {
        using var live = await api.Http.GetAsync("/health/live");
        using var ready = await api.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task The_API_reference_page_is_served()
    {
        using var response = await api.Http.GetAsync("/api/reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString() ?? string.Empty, StringComparison.Ordinal);
    }
}
