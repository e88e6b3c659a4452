using Azure.Storage.Blobs;
using LearningOrg.GrainStorage;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LearningOrg.Tests.GrainStorage;

/// <summary>
/// A test cluster whose grain storage is chosen the way a deployment chooses it, through GrainStorage:* settings
/// read by AddLearningOrgGrainStorage. Tests reach a storage provider as the silo registered it.
/// </summary>
public abstract class StorageClusterFixture : ClusterFixture
{
    protected abstract IReadOnlyDictionary<string, string?> StorageSettings { get; }

    protected override void ConfigureCluster(TestClusterBuilder builder) =>
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(StorageSettings));

    /// <summary>The services of the (only) silo.</summary>
    public IServiceProvider SiloServices => ((InProcessSiloHandle)Cluster.Primary!).SiloHost.Services;

    /// <summary>The named grain storage of the silo, as grains get it.</summary>
    public IGrainStorage Storage(string name) => SiloServices.GetRequiredKeyedService<IGrainStorage>(name);
}

public sealed class MemoryStorageCluster : StorageClusterFixture
{
    // Nothing set: Memory is the default.
    protected override IReadOnlyDictionary<string, string?> StorageSettings { get; } = new Dictionary<string, string?>();
}

public sealed class AzureBlobStorageCluster : StorageClusterFixture
{
    public string ContainerName { get; } = TestAzurite.NewContainerName();

    public BlobContainerClient Container => new BlobServiceClient(TestAzurite.ConnectionString).GetBlobContainerClient(ContainerName);

    protected override IReadOnlyDictionary<string, string?> StorageSettings => new Dictionary<string, string?>
    {
        ["GrainStorage:Provider"] = "AzureBlob",
        ["GrainStorage:AzureConnectionString"] = TestAzurite.ConnectionString,
        ["GrainStorage:AzureContainer"] = ContainerName,
    };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Container.DeleteIfExistsAsync();
    }
}

public sealed class AdoNetStorageCluster : StorageClusterFixture
{
    // The Orleans tables go in the fixture's own schema, beside its event streams.
    protected override IReadOnlyDictionary<string, string?> StorageSettings => new Dictionary<string, string?>
    {
        ["GrainStorage:Provider"] = "AdoNet",
        ["GrainStorage:AdoNetConnectionString"] = $"{TestDatabase.ConnectionString};Search Path={Schema}",
    };
}
