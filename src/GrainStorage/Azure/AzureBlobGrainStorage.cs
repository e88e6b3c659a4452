using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace LearningOrg.GrainStorage.Azure;

/// <summary>
/// Grain state in Azure Blob Storage, one blob per grain state (see <see cref="BlobNames"/>), written with the
/// silo's grain storage serializer. The blob's ETag is the grain state's ETag: every write and clear is conditional
/// on it (If-Match, or If-None-Match: * when the grain saw no record), so a stale writer gets an
/// <see cref="InconsistentStateException"/> and the blob stays as it was. Clearing deletes the blob.
/// </summary>
public sealed class AzureBlobGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly AzureBlobGrainStorageOptions _options;
    private readonly IActivatorProvider _activators;
    private readonly ILogger<AzureBlobGrainStorage> _logger;
    private readonly BlobContainerClient _container;

    public AzureBlobGrainStorage(string name, AzureBlobGrainStorageOptions options, IActivatorProvider activators, ILogger<AzureBlobGrainStorage> logger)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new InvalidOperationException($"Grain storage {name}: the Azure Storage connection string is not set (GrainStorage:AzureConnectionString).");
        }
        if (!BlobNames.IsValidContainerName(options.ContainerName))
        {
            throw new InvalidOperationException(
                $"Grain storage {name}: '{options.ContainerName}' is not a valid blob container name (3 to 63 of a-z, 0-9 and single inner hyphens).");
        }
        ArgumentNullException.ThrowIfNull(options.GrainStorageSerializer);
        _name = name;
        _options = options;
        _activators = activators;
        _logger = logger;
        _container = new BlobServiceClient(options.ConnectionString).GetBlobContainerClient(options.ContainerName);
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(OptionFormattingUtilities.Name<AzureBlobGrainStorage>(_name), _options.InitStage, InitializeAsync);

    /// <summary>Creates the container when it is missing. Orleans calls it at silo start; callable again.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _logger.LogInformation("Grain storage {Name} keeps grain state in blob container {Container} at {Endpoint}", _name, _container.Name, _container.Uri.GetLeftPart(UriPartial.Authority));
    }

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = Blob(stateName, grainId);
        try
        {
            var download = await blob.DownloadContentAsync();
            grainState.State = _options.GrainStorageSerializer.Deserialize<T>(download.Value.Content);
            grainState.ETag = download.Value.Details.ETag.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No blob (or no container yet): the grain starts from a fresh state.
            grainState.State = NewState<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = Blob(stateName, grainId);
        var content = _options.GrainStorageSerializer.Serialize(grainState.State);
        var upload = new BlobUploadOptions { Conditions = Expecting(grainState.ETag) };
        try
        {
            var written = await blob.UploadAsync(content, upload);
            grainState.ETag = written.Value.ETag.ToString();
            grainState.RecordExists = true;
        }
        catch (RequestFailedException e) when (IsStale(e, grainState.ETag))
        {
            throw Conflict("write", blob, grainState.ETag, e);
        }
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var blob = Blob(stateName, grainId);
        try
        {
            await blob.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, Expecting(grainState.ETag));
        }
        catch (RequestFailedException e) when (e.Status == 404 && grainState.ETag is null)
        {
            // Nothing stored and the grain expected nothing: already clear.
        }
        catch (RequestFailedException e) when (IsStale(e, grainState.ETag))
        {
            throw Conflict("clear", blob, grainState.ETag, e);
        }
        grainState.State = NewState<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private BlobClient Blob(string stateName, GrainId grainId) => _container.GetBlobClient(BlobNames.For(_name, grainId, stateName));

    /// <summary>The blob must still carry the ETag the grain read; with none, the blob must not exist.</summary>
    private static BlobRequestConditions Expecting(string? etag) =>
        etag is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(etag) };

    /// <summary>
    /// 412: the ETag no longer matches; 409: a blob appeared though the grain saw none. 404 with an ETag: the blob
    /// the grain read has been deleted since. All three mean another writer got there first.
    /// </summary>
    private static bool IsStale(RequestFailedException e, string? etag) =>
        e.Status is 412 or 409 || (e.Status == 404 && etag is not null && e.ErrorCode != BlobErrorCode.ContainerNotFound);

    private InconsistentStateException Conflict(string operation, BlobClient blob, string? etag, RequestFailedException e)
    {
        _logger.LogWarning("Grain storage {Name}: {Operation} of {Blob} refused, the stored state is not the one read (ETag {ETag})", _name, operation, blob.Name, etag);
        return new InconsistentStateException(
            $"Grain storage {_name}: the {operation} of {blob.Name} was refused because the stored state changed since it was read (ETag {etag ?? "none"}).",
            storedEtag: "unknown", currentEtag: etag ?? string.Empty, e);
    }

    private T NewState<T>() => _activators.GetActivator<T>().Create();
}
