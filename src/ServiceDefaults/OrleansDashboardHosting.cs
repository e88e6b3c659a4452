using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace LearningOrg.ServiceDefaults;

/// <summary>
/// The Orleans dashboard (Microsoft.Orleans.Dashboard) at /dashboard, on a silo process, when
/// Orleans:Dashboard:Enabled is true. Off by default: it has no authentication of its own and shows grain state.
/// </summary>
public static class OrleansDashboardHosting
{
    public const string EnabledKey = "Orleans:Dashboard:Enabled";
    public const string Path = "/dashboard";

    public static bool DashboardEnabled(this IConfiguration configuration) => configuration.GetValue(EnabledKey, false);

    /// <summary>Adds the dashboard's grains and profiler to the silo when enabled; every silo of a cluster needs them.</summary>
    public static ISiloBuilder AddDashboardWhenEnabled(this ISiloBuilder silo, IConfiguration configuration) =>
        configuration.DashboardEnabled() ? silo.AddDashboard() : silo;

    /// <summary>Lets an API in client mode serve the dashboard of a cluster whose silos have it enabled.</summary>
    public static IClientBuilder AddDashboardWhenEnabled(this IClientBuilder client, IConfiguration configuration) =>
        configuration.DashboardEnabled() ? client.AddDashboard() : client;

    /// <summary>Serves the dashboard's pages and API at <see cref="Path"/> when enabled.</summary>
    public static WebApplication MapDashboardWhenEnabled(this WebApplication app)
    {
        if (app.Configuration.DashboardEnabled())
        {
            app.MapOrleansDashboard(routePrefix: Path);
        }
        return app;
    }
}
