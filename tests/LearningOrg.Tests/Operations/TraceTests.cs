using System.Diagnostics;
using System.Net;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Tests.Operations;

public sealed class TraceTests(TelemetryApiFixture api) : IClassFixture<TelemetryApiFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private async Task<(string Path, ActivityTraceId TraceId)> RegisterSchool()
    {
        var id = $"s-{Guid.NewGuid():N}"[..14];
        var path = $"/api/schools/{id}";
        using var response = await api.Post(path, new SchoolRegistered("Trace", "North", 30), idempotencyKey: $"trace-{id}");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var spans = await api.SpansWhen(all => all.Any(s => IsServerSpanOf(s, path)), Patience);
        return (path, spans.Single(s => IsServerSpanOf(s, path)).TraceId);
    }

    private static bool IsServerSpanOf(Activity span, string path) =>
        span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore" && (string?)span.GetTagItem("url.path") == path;

    [Fact]
    public async Task A_command_is_one_trace_from_the_HTTP_request_through_the_grain_call_to_the_SQL_commands()
    {
        var (path, traceId) = await RegisterSchool();
        static bool IsGrainCall(Activity s, ActivityKind kind) => s.Kind == kind && s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            && s.DisplayName.Contains("ISchoolGrain", StringComparison.Ordinal);

        var trace = await api.SpansWhen(all => all.Any(s => s.TraceId == traceId && s.Source.Name == "Npgsql")
            && all.Any(s => s.TraceId == traceId && IsGrainCall(s, ActivityKind.Server)), Patience);
        var spans = trace.Where(s => s.TraceId == traceId).ToList();
        var byId = spans.ToDictionary(s => s.SpanId);

        var request = spans.Single(s => IsServerSpanOf(s, path));
        var grainClient = spans.Single(s => IsGrainCall(s, ActivityKind.Client));
        var grainServer = spans.Single(s => IsGrainCall(s, ActivityKind.Server));
        Assert.True(IsBelow(grainClient, request, byId), "the grain call's client span lies under the HTTP request's span");
        Assert.Equal(grainClient.SpanId, grainServer.ParentSpanId);
        var sql = spans.Where(s => s.Source.Name == "Npgsql").ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, command => Assert.True(IsBelow(command, grainServer, byId), $"{command.DisplayName} lies under the grain's server span"));
        Assert.Contains(sql, command => ((string?)command.GetTagItem("db.query.text") ?? (string?)command.GetTagItem("db.statement") ?? string.Empty)
            .Contains("mt_", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_log_record_written_while_handling_a_command_carries_the_request_trace_id()
    {
        var (_, traceId) = await RegisterSchool();

        var appended = api.Logs.Where(log => log.TraceId == traceId && log.CategoryName == "LearningOrg.Grains.Schools.SchoolGrain").ToList();

        Assert.Contains(appended, log => log.FormattedMessage?.StartsWith("Appended 1 events to school/", StringComparison.Ordinal) == true);
        var spanIds = api.Spans.Where(s => s.TraceId == traceId).Select(s => s.SpanId).ToHashSet();
        Assert.All(appended, log => Assert.Contains(log.SpanId, spanIds));
    }

    /// <summary>True when <paramref name="ancestor"/> is on the parent chain of <paramref name="span"/>.</summary>
    private static bool IsBelow(Activity span, Activity ancestor, Dictionary<ActivitySpanId, Activity> byId)
    {
        var parent = span.ParentSpanId;
        while (parent != default)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }
            parent = byId.TryGetValue(parent, out var next) ? next.ParentSpanId : default;
        }
        return false;
    }
}
