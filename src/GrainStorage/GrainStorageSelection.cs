using Azure.Storage.Blobs;
using LearningOrg.GrainStorage.AdoNet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Providers;
using Orleans.Storage;

namespace LearningOrg.GrainStorage;

/// <summary>Where grain state that is not event-sourced is kept (GrainStorage:Provider).</summary>
public enum GrainStorageProvider
{
    /// <summary>In the silo's memory: lost when the cluster stops. For development and tests.</summary>
    Memory,

    /// <summary>Azure Blob Storage (or Azurite) through Orleans' own provider, Microsoft.Orleans.Persistence.AzureStorage.</summary>
    AzureBlob,

    /// <summary>PostgreSQL through Microsoft.Orleans.Persistence.AdoNet, on our schema (infra/orleans/postgresql/persistence.sql).</summary>
    AdoNet,
}

public static class GrainStorageSelection
{
    /// <summary>The storage the streams' pub-sub keeps its subscriptions in (Orleans' ProviderConstants name).</summary>
    public const string PubSubStore = ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME;

    /// <summary>The storage of grains that name none.</summary>
    public const string Default = ProviderConstants.DEFAULT_STORAGE_PROVIDER_NAME;

    /// <summary>The storages every silo registers, each on the configured provider.</summary>
    public static IReadOnlyList<string> StorageNames { get; } = [Default, PubSubStore];

    public static GrainStorageProvider ProviderFrom(IConfiguration configuration)
    {
        var value = configuration["GrainStorage:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return GrainStorageProvider.Memory;
        }
        return Enum.TryParse<GrainStorageProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"GrainStorage:Provider must be Memory, AzureBlob or AdoNet, not {value}.");
    }

    /// <summary>
    /// Registers the default grain storage and "PubSubStore" on the provider GrainStorage:Provider names:
    /// Memory (the default), AzureBlob (GrainStorage:AzureConnectionString, GrainStorage:AzureContainer) or AdoNet
    /// (GrainStorage:AdoNetConnectionString, else ConnectionStrings:learningorg). Both storages go through
    /// <see cref="AddGrainStorage"/>, the one place to change to swap a provider's implementation.
    /// </summary>
    public static ISiloBuilder AddLearningOrgGrainStorage(this ISiloBuilder silo, IConfiguration configuration)
    {
        var provider = ProviderFrom(configuration);
        if (provider == GrainStorageProvider.AdoNet)
        {
            var connectionString = AdoNetConnectionString(configuration);
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new PersistenceSchema(connectionString, services.GetRequiredService<ILogger<PersistenceSchema>>()));
        }
        foreach (var name in StorageNames)
        {
            silo.AddGrainStorage(name, provider, configuration);
        }
        return silo;
    }

    private static void AddGrainStorage(this ISiloBuilder silo, string name, GrainStorageProvider provider, IConfiguration configuration)
    {
        switch (provider)
        {
            case GrainStorageProvider.Memory:
                silo.AddMemoryGrainStorage(name);
                break;
            case GrainStorageProvider.AzureBlob:
                // Read here, not in the options callback, so a missing setting stops the silo before it starts.
                var connectionString = AzureConnectionString(configuration);
                var container = configuration["GrainStorage:AzureContainer"] ?? AzureBlobStorageOptions.DEFAULT_CONTAINER_NAME;
                silo.AddAzureBlobGrainStorage(name, options =>
                {
                    options.BlobServiceClient = new BlobServiceClient(connectionString);
                    options.ContainerName = container;
                });
                break;
            case GrainStorageProvider.AdoNet:
                silo.AddAdoNetGrainStorage(name, options =>
                {
                    options.Invariant = "Npgsql";
                    options.ConnectionString = AdoNetConnectionString(configuration);
                });
                // Replaces the keyed provider just registered; the lifecycle registration resolves it by key, so
                // the wrapper (which passes Participate on) is what starts.
                silo.Services.AddKeyedSingleton<IGrainStorage>(name, (services, key) =>
                    new GrainTypeScopedStorage(AdoNetGrainStorageFactory.Create(services, (string)key!)));
                break;
            default:
                throw new InvalidOperationException($"No grain storage registration for {provider}.");
        }
    }

    /// <summary>GrainStorage:AzureConnectionString, required by the AzureBlob provider.</summary>
    public static string AzureConnectionString(IConfiguration configuration) =>
        configuration["GrainStorage:AzureConnectionString"]
        ?? throw new InvalidOperationException("GrainStorage:Provider is AzureBlob but GrainStorage:AzureConnectionString is not set (infra/azurite.sh start prints one).");

    private static string AdoNetConnectionString(IConfiguration configuration) =>
        configuration["GrainStorage:AdoNetConnectionString"]
        ?? configuration.GetConnectionString("learningorg")
        ?? throw new InvalidOperationException("GrainStorage:Provider is AdoNet but neither GrainStorage:AdoNetConnectionString nor ConnectionStrings:learningorg is set.");
}
