using System.Net;
using System.Text.Json;
using LearningOrg.EventStore.Telemetry;
using LearningOrg.ServiceDefaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningOrg.Tests.Operations;

public sealed class ProjectionLagTests
{
    [Fact]
    public async Task A_store_whose_async_projections_have_caught_up_has_no_lag_however_many_events_it_holds()
    {
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: false);
        await store.AppendAsync(5);
        await store.CatchUpAsync();

        var (events, byProjection) = await new ProjectionLag(store.Store).MeasureAsync(CancellationToken.None);

        Assert.Equal(0, events);
        Assert.All(byProjection, projection => Assert.Equal(0, projection.Value));
    }

    [Fact]
    public async Task The_lag_counts_the_events_an_async_projection_has_not_processed_and_falls_to_zero_once_it_has()
    {
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: true);
        var lag = new ProjectionLag(store.Store);
        await store.AppendAsync(7);

        var (behind, byProjection) = await lag.MeasureAsync(CancellationToken.None);
        await store.CatchUpAsync();
        var (caughtUp, _) = await lag.MeasureAsync(CancellationToken.None);

        Assert.Equal(7, behind);
        // The store's own async projection (school activity) lags by as much; the probe is the one this test controls.
        var probe = Assert.Single(byProjection, p => p.Key.StartsWith(LaggingStore.ProbeProjection, StringComparison.Ordinal));
        Assert.Equal(7, probe.Value);
        Assert.Equal(0, caughtUp);
    }

    [Fact]
    public async Task Sequence_numbers_taken_by_a_transaction_that_rolled_back_are_no_lag()
    {
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: true);
        await store.AppendAsync(3);
        await store.AppendAndRollBackAsync(4);
        await store.CatchUpAsync();

        var (events, _) = await new ProjectionLag(store.Store).MeasureAsync(CancellationToken.None);

        Assert.Equal(0, events);
    }

    [Theory]
    [InlineData(2, HealthStatus.Healthy)]
    [InlineData(3, HealthStatus.Degraded)]
    [InlineData(30, HealthStatus.Degraded)]
    public async Task Readiness_reports_a_lag_over_the_threshold_as_degraded_however_far_it_goes(int eventsBehind, HealthStatus expected)
    {
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: true);
        await store.AppendAsync(eventsBehind);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ProjectionLagThreshold.Section}:DegradedAbove"] = "2",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(new ProjectionLag(store.Store));
        services.AddHealthChecks().AddProjectionLagReadiness(provider => provider.GetRequiredService<ProjectionLag>().MeasureAsync);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries[ProjectionLagHealthCheck.Name];
        Assert.Equal(expected, entry.Status);
        Assert.Equal((long)eventsBehind, entry.Data["lag"]);
    }

    /// <summary>The lag at which readiness once answered 503 and an orchestrator would have taken a serving node out.</summary>
    [Fact]
    public async Task A_node_whose_projections_trail_by_more_than_ten_thousand_events_stays_ready_and_says_it_is_degraded()
    {
        const int behind = 10_001;
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: true);
        await store.AppendAsync(behind);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(new ProjectionLag(store.Store));
        builder.Services.AddHealthChecks().AddProjectionLagReadiness(services => services.GetRequiredService<ProjectionLag>().MeasureAsync);
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();

        using var response = await app.GetTestClient().GetAsync(ServiceDefaultsExtensions.ReadyPath);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", report.GetProperty("status").GetString());
        Assert.Equal(behind, report.GetProperty("checks").GetProperty(ProjectionLagHealthCheck.Name).GetProperty("data").GetProperty("lag").GetInt64());
    }

    [Fact]
    public void The_threshold_defaults_to_a_thousand_events()
    {
        Assert.Equal(new ProjectionLagThreshold(1_000), ProjectionLagThreshold.From(new ConfigurationBuilder().Build()));
    }
}
