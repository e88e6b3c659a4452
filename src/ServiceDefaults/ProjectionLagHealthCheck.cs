using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningOrg.ServiceDefaults;

/// <summary>The lag, in events, over which readiness turns Degraded and then Unhealthy.</summary>
public sealed record ProjectionLagThresholds(long DegradedAbove, long UnhealthyAbove)
{
    public const string Section = "Health:ProjectionLag";

    /// <summary>Health:ProjectionLag:DegradedAbove (default 1,000) and :UnhealthyAbove (default 10,000).</summary>
    public static ProjectionLagThresholds From(IConfiguration configuration)
    {
        var degraded = configuration.GetValue($"{Section}:DegradedAbove", 1_000L);
        var unhealthy = configuration.GetValue($"{Section}:UnhealthyAbove", 10_000L);
        return unhealthy < degraded
            ? throw new InvalidOperationException($"{Section}:UnhealthyAbove ({unhealthy}) must not be below {Section}:DegradedAbove ({degraded}).")
            : new ProjectionLagThresholds(degraded, unhealthy);
    }
}

/// <summary>A measure of how many events the projections trail by, with each projection's own lag.</summary>
public delegate Task<(long Events, IReadOnlyDictionary<string, long> ByProjection)> MeasureProjectionLag(CancellationToken cancellationToken);

/// <summary>
/// Readiness by projection lag: Degraded over the first threshold (reads may be stale, but the node still serves),
/// Unhealthy over the second (the projections are stuck or far behind).
/// </summary>
public sealed class ProjectionLagHealthCheck(MeasureProjectionLag measure, ProjectionLagThresholds thresholds) : IHealthCheck
{
    public const string Name = "projection-lag";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (events, byProjection) = await measure(cancellationToken);
        var data = new Dictionary<string, object> { ["lag"] = events };
        foreach (var (projection, lag) in byProjection)
        {
            data[projection] = lag;
        }
        var description = $"The projections trail the event store by {events} events.";
        return events > thresholds.UnhealthyAbove ? new HealthCheckResult(context.Registration.FailureStatus, description, data: data)
            : events > thresholds.DegradedAbove ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}

public static class ProjectionLagHealthCheckExtensions
{
    /// <summary>Adds projection lag to the readiness check, with the thresholds from configuration.</summary>
    public static IHealthChecksBuilder AddProjectionLagReadiness(this IHealthChecksBuilder checks, Func<IServiceProvider, MeasureProjectionLag> measure) =>
        checks.Add(new HealthCheckRegistration(ProjectionLagHealthCheck.Name,
            services => new ProjectionLagHealthCheck(measure(services), ProjectionLagThresholds.From(services.GetRequiredService<IConfiguration>())),
            HealthStatus.Unhealthy, [ServiceDefaultsExtensions.ReadyTag], TimeSpan.FromSeconds(5)));
}
