using LearningOrg.Hosting;
using LearningOrg.ServiceDefaults;

namespace LearningOrg.Api.Hosting;

/// <summary>
/// Orleans:Mode chooses how the API reaches the grains: "Embedded" (the default) hosts a silo in this process;
/// "Client" joins a cluster of src/Silo processes through their gateway.
/// </summary>
public static class OrleansHosting
{
    public static WebApplicationBuilder AddOrleans(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Orleans:Mode"] ?? "Embedded";
        if (string.Equals(mode, "Client", StringComparison.OrdinalIgnoreCase))
        {
            // Reads (events, asOf) go to Marten directly; commands go through the cluster.
            builder.Services.AddLearningOrgStore(builder.Configuration);
            builder.UseOrleansClient(client => client
                .UseLearningOrgClustering(builder.Configuration)
                .AddDashboardWhenEnabled(builder.Configuration));
        }
        else if (string.Equals(mode, "Embedded", StringComparison.OrdinalIgnoreCase))
        {
            builder.UseOrleans(silo => silo
                .UseLearningOrgClustering(builder.Configuration)
                .AddLearningOrgGrains(builder.Configuration)
                .AddDashboardWhenEnabled(builder.Configuration));
        }
        else
        {
            throw new InvalidOperationException($"Orleans:Mode must be Embedded or Client, not {mode}.");
        }
        return builder;
    }
}
