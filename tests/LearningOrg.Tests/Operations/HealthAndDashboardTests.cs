using System.Net;
using System.Text.Json;
using LearningOrg.ServiceDefaults;
using LearningOrg.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace LearningOrg.Tests.Operations;

public sealed class ReadinessTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Readiness_reports_PostgreSQL_and_the_projection_lag_by_name()
    {
        using var response = await api.Http.GetAsync(ServiceDefaultsExtensions.ReadyPath);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        var checks = report.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgresql").GetProperty("status").GetString());
        var lag = checks.GetProperty(ProjectionLagHealthCheck.Name);
        Assert.Equal("Healthy", lag.GetProperty("status").GetString());
        Assert.Equal(0, lag.GetProperty("data").GetProperty("lag").GetInt64());
    }
}

/// <summary>The API with its embedded silo's dashboard switched on.</summary>
public sealed class DashboardApiFixture : ApiFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(OrleansDashboardHosting.EnabledKey, "true");
    }
}

public sealed class DashboardOnTests(DashboardApiFixture api) : IClassFixture<DashboardApiFixture>
{
    [Fact]
    public async Task With_the_switch_on_the_dashboard_page_is_served()
    {
        using var response = await api.Http.GetAsync($"{OrleansDashboardHosting.Path}/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Orleans", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class DashboardOffTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task By_default_there_is_no_dashboard()
    {
        using var response = await api.Http.GetAsync($"{OrleansDashboardHosting.Path}/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
