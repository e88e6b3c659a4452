using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningOrg.EventStore.Telemetry;

/// <summary>
/// Publishes <see cref="LearningOrgMetrics.ProjectionLag"/>: measures the lag every Telemetry:ProjectionLagInterval
/// (default 15 seconds) and lets the gauge report the last reading, because a metrics collection must not wait on
/// PostgreSQL. Logs a warning when a projection has not moved for a whole interval while events waited for it, and
/// again when it moves.
/// </summary>
public sealed class ProjectionLagGauge : BackgroundService
{
    private readonly ProjectionLag lag;
    private readonly TimeSpan interval;
    private readonly ILogger<ProjectionLagGauge> logger;
    private readonly HashSet<string> stalled = new(StringComparer.Ordinal);
    private long lastReading;
    private ProjectionLagReading? previous;

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
                var reading = await lag.ReadAsync(stoppingToken);
                Interlocked.Exchange(ref lastReading, reading.Events);
                ReportStalls(reading);
                previous = reading;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The readiness check reports an unreachable store; the gauge keeps its last reading.
                logger.LogWarning(e, "Could not measure the projection lag");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>A projection is stalled when events waited for it at the last reading and at this one, and it did not move.</summary>
    private void ReportStalls(ProjectionLagReading reading)
    {
        foreach (var (projection, position) in reading.Progress)
        {
            var behind = reading.ByProjection[projection];
            var stuck = behind > 0
                && previous is not null
                && previous.ByProjection.GetValueOrDefault(projection) > 0
                && previous.Progress.GetValueOrDefault(projection) == position;
            if (stuck && stalled.Add(projection))
            {
                logger.LogWarning("Projection {Projection} has not moved past event {Sequence} for {Interval} while {Lag} recorded events wait for it",
                    projection, position, interval, behind);
            }
            else if (!stuck && stalled.Remove(projection))
            {
                logger.LogInformation("Projection {Projection} moves again: at event {Sequence}, {Lag} events behind", projection, position, behind);
            }
        }
    }
}
