using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace LearningOrg.ServiceDefaults;

/// <summary>
/// What every LearningOrg process shares: OpenTelemetry traces, metrics and logs (ASP.NET Core, HttpClient, Orleans,
/// Npgsql, Marten), exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, and the live and ready health checks.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string ReadyTag = "ready";

    /// <summary>Activity sources traced besides ASP.NET Core, HttpClient and Npgsql.</summary>
    public static readonly string[] TracedSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "Marten", "LearningOrg"];

    /// <summary>Meters collected besides ASP.NET Core, HttpClient and the runtime.</summary>
    public static readonly string[] Meters = ["Microsoft.Orleans", "Marten", "LearningOrg"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder, string serviceName)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES are read by the SDK's default resource detectors; naming the
        // service here as well would override the operator's OTEL_SERVICE_NAME, so the name is only a fallback.
        var configuredName = builder.Configuration["OTEL_SERVICE_NAME"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                if (string.IsNullOrWhiteSpace(configuredName))
                {
                    resource.AddService(serviceName);
                }
            })
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(Meters))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(TracedSources));

        // UseOtlpExporter reads the standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers, and their
        // per-signal forms) from configuration; without an endpoint nothing is exported.
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>Adds PostgreSQL to the readiness check.</summary>
    public static IHealthChecksBuilder AddPostgresReadiness(this IHealthChecksBuilder checks, string connectionString) =>
        checks.AddNpgSql(connectionString, name: "postgresql", tags: [ReadyTag], timeout: TimeSpan.FromSeconds(3));

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Probes carry no credentials: health stays public when the app requires authentication.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag) || check.Tags.Contains("live"),
            ResponseWriter = HealthReportJson.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
