using Orleans.Storage;

namespace LearningOrg.GrainStorage.Azure;

/// <summary>Settings of one named <see cref="AzureBlobGrainStorage"/>.</summary>
public sealed class AzureBlobGrainStorageOptions : IStorageProviderSerializerOptions
{
    public const string DefaultContainerName = "grainstate";

    /// <summary>An Azure Storage connection string (infra/azurite.sh start prints one for Azurite).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob container, created at silo start when missing. Azure's rules: 3 to 63 of a-z, 0-9 and single inner hyphens.</summary>
    public string ContainerName { get; set; } = DefaultContainerName;

    /// <summary>The silo lifecycle stage at which the container is created; before any grain can read its state.</summary>
    public int InitStage { get; set; } = ServiceLifecycleStage.ApplicationServices;

    /// <summary>Left unset, Orleans fills in the silo's configured grain storage serializer.</summary>
    public IGrainStorageSerializer GrainStorageSerializer { get; set; } = null!;
}
