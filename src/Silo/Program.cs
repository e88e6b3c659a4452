using LearningOrg.Grains.Hosting;
using LearningOrg.Grains.Telemetry;
using LearningOrg.ServiceDefaults;

// A standalone silo: hosts the grains for API nodes that run in client mode (Orleans:Mode=Client).
var builder = WebApplication.CreateBuilder(args);
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
app.Run();
