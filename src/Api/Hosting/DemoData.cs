using LearningOrg.Demo;

namespace LearningOrg.Api.Hosting;

/// <summary>Demo:Seed=true loads the demo story at start, before the API takes requests. Seeding is idempotent.</summary>
public static class DemoData
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue("Demo:Seed", false))
        {
            // Registered after the silo, so it starts once the grains can be called.
            builder.Services.AddHostedService<DemoDataLoader>();
        }
        return builder;
    }

    private sealed class DemoDataLoader(IGrainFactory grains, ILogger<DemoDataLoader> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await DemoSeeder.SeedAsync(grains, logger, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
