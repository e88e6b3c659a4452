using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LearningOrg.ServiceDefaults;

/// <summary>The lag, in events, over which readiness reports the projections as Degraded.</summary>
public sealed record ProjectionLagThreshold(long DegradedAbove)
{
    public const string Section = "Health:ProjectionLag";

    /// <summary>Health:ProjectionLag:DegradedAbove, by default 1,000.</summary>
    public static ProjectionLagThreshold From(IConfiguration configuration) =>
        new(configuration.GetValue($"{Section}:DegradedAbove", 1_000L));
}

/// <summary>A measure of how many events the projections trail by, with each projection's own lag.</summary>
public delegate Task<(long Events, IReadOnlyDictionary<string, long> ByProjection)> MeasureProjectionLag(CancellationToken cancellationToken);

/// <summary>
/// Reports the projection lag in the readiness answer: Degraded over the threshold, however far behind, never
/// Unhealthy. Every route reads the events or the inline projections, which are written with the events; only the
/// async projections can trail, and no route serves them. So a trailing projection does not make this node unable to
/// serve, and readiness must not take it out of service: the Degraded status, the learningorg.projection.lag gauge and
/// the gauge's log of a stalled projection tell the operator instead.
/// </summary>
public sealed class ProjectionLagHealthCheck(MeasureProjectionLag measure, ProjectionLagThreshold threshold) : IHealthCheck
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
        return events > threshold.DegradedAbove
            ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }
}

public static class ProjectionLagHealthCheckExtensions
{
    /// <summary>
    /// Adds projection lag to the readiness answer, with the threshold from configuration. A lag that cannot be
    /// measured is Degraded too: the PostgreSQL check already says whether the store answers.
    /// </summary>
    public static IHealthChecksBuilder AddProjectionLagReadiness(this IHealthChecksBuilder checks, Func<IServiceProvider, MeasureProjectionLag> measure) =>
        checks.Add(new HealthCheckRegistration(ProjectionLagHealthCheck.Name,
            services => new ProjectionLagHealthCheck(measure(services), ProjectionLagThreshold.From(services.GetRequiredService<IConfiguration>())),
            HealthStatus.Degraded, [ServiceDefaultsExtensions.ReadyTag], TimeSpan.FromSeconds(5)));
}
