using LearningOrg.EventStore.Telemetry;
using LearningOrg.GrainStorage.Azure;
using LearningOrg.Hosting;
using LearningOrg.ServiceDefaults;

// A standalone silo: hosts the grains for API nodes that run in client mode (Orleans:Mode=Client).
var builder = WebApplication.CreateBuilder(args);
if (args is [LegacyBlobMigration.Command, ..])
{
    // Moves grain state blobs of the legacy layout to Orleans' one, then exits (docs/grain-storage.md).
    return await LegacyBlobMigration.RunAsync(builder.Configuration, Console.Out);
}
builder.AddServiceDefaults("learningorg-silo");
builder.Services.AddHealthChecks()
    .AddPostgresReadiness(builder.Configuration.ConnectionString())
    .AddProjectionLagReadiness(services => services.GetRequiredService<ProjectionLag>().MeasureAsync);
builder.UseOrleans(silo => silo
    .UseLearningOrgClustering(builder.Configuration)
    .AddLearningOrgGrains(builder.Configuration)
    .AddDashboardWhenEnabled(builder.Configuration));

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDashboardWhenEnabled();
await app.RunAsync();
return 0;
