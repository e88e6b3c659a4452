using LearningOrg.EventStore.Telemetry;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;

namespace LearningOrg.Tests.Operations;

[Collection(MetricsCollection.Name)]
public sealed class ProjectionLagGaugeTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_gauge_reports_the_events_an_async_projection_trails_by()
    {
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: true);
        await store.AppendAsync(4);
        var exported = new List<MetricSnapshot>();
        await using var provider = Services(store, new CapturedLogs(), exported);
        var meters = provider.GetRequiredService<MeterProvider>();
        var gauge = provider.GetRequiredService<ProjectionLagGauge>();

        await gauge.StartAsync(CancellationToken.None);
        long? reported = null;
        for (var deadline = DateTime.UtcNow + Bounded; reported != 4 && DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            exported.Clear();
            meters.ForceFlush();
            reported = exported.LastOrDefault(m => m.Name == LearningOrgMetrics.ProjectionLag)?.MetricPoints.Single().GetGaugeLastValueLong();
        }
        await gauge.StopAsync(CancellationToken.None);

        Assert.Equal(4, reported);
    }

    [Fact]
    public async Task A_projection_that_stands_still_while_events_wait_is_logged_as_stalled_and_again_once_it_moves()
    {
        await using var store = await LaggingStore.CreateAsync(withAsyncProjection: true);
        await store.AppendAsync(3);
        var logs = new CapturedLogs();
        await using var provider = Services(store, logs, []);
        var gauge = provider.GetRequiredService<ProjectionLagGauge>();

        await gauge.StartAsync(CancellationToken.None);
        var stalled = await Logged(logs, LogLevel.Warning, $"Projection {LaggingStore.ProbeProjection}");
        await store.CatchUpAsync();
        var moving = await Logged(logs, LogLevel.Information, $"Projection {LaggingStore.ProbeProjection}");
        await gauge.StopAsync(CancellationToken.None);

        Assert.Contains("has not moved past event 0", stalled, StringComparison.Ordinal);
        Assert.Contains("3 recorded events wait", stalled, StringComparison.Ordinal);
        Assert.Contains("moves again: at event 3", moving, StringComparison.Ordinal);
    }

    private static ServiceProvider Services(LaggingStore store, CapturedLogs logs, List<MetricSnapshot> exported)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:ProjectionLagInterval"] = "00:00:00.100",
        }).Build();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(logs)).AddMetrics()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(new ProjectionLag(store.Store))
            .AddSingleton<LearningOrgMetrics>()
            .AddSingleton<ProjectionLagGauge>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(LearningOrgMetrics.MeterName).AddInMemoryExporter(exported));
        return services.BuildServiceProvider();
    }

    private static async Task<string> Logged(CapturedLogs logs, LogLevel level, string start)
    {
        using var deadline = new CancellationTokenSource(Bounded);
        while (true)
        {
            if (logs.Records.FirstOrDefault(r => r.Level == level && r.Message.StartsWith(start, StringComparison.Ordinal)).Message is { } message)
            {
                return message;
            }
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Nothing logged at {level} starting '{start}' in {Bounded.TotalSeconds} s.");
            }
            await Task.Delay(50);
        }
    }
}
