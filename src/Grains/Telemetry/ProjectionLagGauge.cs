using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.Telemetry;

/// <summary>
/// Publishes <see cref="LearningOrgMetrics.ProjectionLag"/>: measures the lag every Telemetry:ProjectionLagInterval
/// (default 15 seconds) and lets the gauge report the last reading, because a metrics collection must not wait on
/// PostgreSQL.
/// </summary>
public sealed class ProjectionLagGauge : BackgroundService
{
    private readonly ProjectionLag lag;
    private readonly TimeSpan interval;
    private readonly ILogger<ProjectionLagGauge> logger;
    private long lastReading;

    public ProjectionLagGauge(ProjectionLag lag, LearningOrgMetrics metrics, IConfiguration configuration, ILogger<ProjectionLagGauge> logger)
    {
        this.lag = lag;
        this.logger = logger;
        interval = configuration.GetValue("Telemetry:ProjectionLagInterval", TimeSpan.FromSeconds(15));
        metrics.Meter.CreateObservableGauge(LearningOrgMetrics.ProjectionLag, () => Interlocked.Read(ref lastReading), "{event}",
            "Events recorded that the slowest asynchronous projection has not processed yet; zero without async projections.");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                Interlocked.Exchange(ref lastReading, (await lag.MeasureAsync(stoppingToken)).Events);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The readiness check reports an unreachable store; the gauge keeps its last reading.
                logger.LogWarning(e, "Could not measure the projection lag");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
