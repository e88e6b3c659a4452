using LearningOrg.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace LearningOrg.Tests.Operations;

[Collection(MetricsCollection.Name)]
public sealed class ProjectionLagGaugeTests
{
    [Fact]
    public async Task The_gauge_reports_the_events_an_async_projection_trails_by()
    {
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: true);
        await store.AppendAsync(4);
        var exported = new List<MetricSnapshot>();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:ProjectionLagInterval"] = "00:00:00.100",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddMetrics()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(new ProjectionLag(store.Store))
            .AddSingleton<LearningOrgMetrics>()
            .AddSingleton<ProjectionLagGauge>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(LearningOrgMetrics.MeterName).AddInMemoryExporter(exported));
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<MeterProvider>();
        var gauge = provider.GetRequiredService<ProjectionLagGauge>();

        await gauge.StartAsync(CancellationToken.None);
        long? reported = null;
        for (var deadline = DateTime.UtcNow.AddSeconds(15); reported != 4 && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            exported.Clear();
            meters.ForceFlush();
            reported = exported.LastOrDefault(m => m.Name == LearningOrgMetrics.ProjectionLag)?.MetricPoints.Single().GetGaugeLastValueLong();
        }
        await gauge.StopAsync(CancellationToken.None);

        Assert.Equal(4, reported);
    }
}
