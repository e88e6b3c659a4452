using LearningOrg.Api.ApiDocument;
using LearningOrg.Api.Endpoints;
using LearningOrg.Api.Hosting;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Api.Web;
using LearningOrg.Domain.Json;
using LearningOrg.EventStore.Telemetry;
using LearningOrg.Hosting;
using LearningOrg.ReadModels;
using LearningOrg.Research;
using LearningOrg.ServiceDefaults;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults("learningorg-api");
builder.Services.AddHealthChecks()
    .AddPostgresReadiness(builder.Configuration.ConnectionString())
    .AddProjectionLagReadiness(services => services.GetRequiredService<ProjectionLag>().MeasureAsync);
builder.Services.ConfigureHttpJsonOptions(options => JsonContract.Configure(options.SerializerOptions));
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemExceptionHandler.NameTooLargeBodies);
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
// Unreadable bodies reach ProblemExceptionHandler, which names the offending field.
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddApiDocument();
builder.Services.AddSingleton<CultureQueries>();
builder.Services.AddSingleton<SchoolYearReviewQueries>();
builder.AddSecurity();
builder.AddWebPages();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxBodyBytes);
builder.AddOrleans();
builder.AddDemoData();
builder.Services.AddResearch(builder.Configuration);
builder.Services.AddErasure();

var app = builder.Build();

app.UseProxyHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurity();
app.UseDeclaredContentTypes();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/api/reference", options => options.WithTitle("LearningOrg API")).AllowAnonymous();
app.MapDefaultEndpoints();
app.MapDashboardWhenEnabled();
app.MapSignIn();
app.MapWebPages();
app.MapSchools();
app.MapTeachers();
app.MapInitiatives();
app.MapNetworks();
app.MapEventTypes();
app.MapCatalogs();
app.MapCulture();
app.MapTimelines();
app.MapLiveTimeline();
app.MapExports();
app.MapImports();
app.MapErasure();

app.Run();

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
