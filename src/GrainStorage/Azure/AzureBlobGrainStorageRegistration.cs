using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace LearningOrg.GrainStorage.Azure;

public static class AzureBlobGrainStorageRegistration
{
    /// <summary>
    /// A named <see cref="AzureBlobGrainStorage"/>, registered the way Orleans registers its own providers: named
    /// options post-configured with the silo's grain storage serializer, a keyed IGrainStorage, and (through
    /// AddGrainStorage) a silo lifecycle participant that creates the container at start.
    /// </summary>
    public static IServiceCollection AddLearningOrgAzureBlobGrainStorage(this IServiceCollection services, string name, Action<AzureBlobGrainStorageOptions> configure)
    {
        services.AddOptions<AzureBlobGrainStorageOptions>(name).Configure(configure);
        services.AddTransient<IPostConfigureOptions<AzureBlobGrainStorageOptions>, DefaultStorageProviderSerializerOptionsConfigurator<AzureBlobGrainStorageOptions>>();
        return services.AddGrainStorage(name, (provider, key) =>
            ActivatorUtilities.CreateInstance<AzureBlobGrainStorage>(provider, key, provider.GetRequiredService<IOptionsMonitor<AzureBlobGrainStorageOptions>>().Get(key)));
    }
}
