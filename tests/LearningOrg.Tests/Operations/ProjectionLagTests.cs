using LearningOrg.Grains.Telemetry;
using LearningOrg.ServiceDefaults;
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
    [InlineData(6, HealthStatus.Unhealthy)]
    public async Task Readiness_is_degraded_over_the_first_threshold_and_unhealthy_over_the_second(int eventsBehind, HealthStatus expected)
    {
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: true);
        await store.AppendAsync(eventsBehind);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ProjectionLagThresholds.Section}:DegradedAbove"] = "2",
            [$"{ProjectionLagThresholds.Section}:UnhealthyAbove"] = "5",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSingleton(new ProjectionLag(store.Store));
        services.AddHealthChecks().AddProjectionLagReadiness(provider => provider.GetRequiredService<ProjectionLag>().MeasureAsync);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries[ProjectionLagHealthCheck.Name];
        Assert.Equal(expected, entry.Status);
        Assert.Equal((long)eventsBehind, entry.Data["lag"]);
    }

    [Fact]
    public void Thresholds_default_to_a_thousand_and_ten_thousand_events_and_refuse_an_unhealthy_one_below_the_degraded_one()
    {
        var defaults = ProjectionLagThresholds.From(new ConfigurationBuilder().Build());
        var inverted = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ProjectionLagThresholds.Section}:DegradedAbove"] = "50",
            [$"{ProjectionLagThresholds.Section}:UnhealthyAbove"] = "10",
        }).Build();

        Assert.Equal(new ProjectionLagThresholds(1_000, 10_000), defaults);
        Assert.Throws<InvalidOperationException>(() => ProjectionLagThresholds.From(inverted));
    }
}
