using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace LearningOrg.GrainStorage.Azure;

/// <summary>What a migration did: blobs moved, and the legacy blobs it left where they were, with the reason.</summary>
public sealed record LegacyBlobMigrationReport(int Moved, IReadOnlyList<string> Conflicting, IReadOnlyList<string> Unreadable)
{
    /// <summary>Every legacy blob was moved.</summary>
    public bool Complete => Conflicting.Count == 0 && Unreadable.Count == 0;
}

/// <summary>
/// Renames the grain state blobs of a container from the legacy layout (<see cref="LegacyBlobName"/>) to the one
/// Orleans' AzureBlobGrainStorage reads. The bytes are copied as they are: both providers store what the silo's grain
/// storage serializer writes. Run it while no silo runs; running it again moves only what is left.
/// </summary>
public static class LegacyBlobMigration
{
    /// <summary>The silo's command-line verb (src/Silo) that runs the migration on the configured container.</summary>
    public const string Command = "migrate-legacy-grain-blobs";

    /// <summary>
    /// Migrates the container GrainStorage:AzureConnectionString and GrainStorage:AzureContainer name, printing what
    /// it did. Exit code 0 when every legacy blob was moved, 1 when some were left.
    /// </summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, CancellationToken cancellationToken = default)
    {
        var containerName = configuration["GrainStorage:AzureContainer"] ?? AzureBlobStorageOptions.DEFAULT_CONTAINER_NAME;
        var container = new BlobServiceClient(GrainStorageSelection.AzureConnectionString(configuration)).GetBlobContainerClient(containerName);
        var report = await MigrateAsync(container, cancellationToken);
        await output.WriteLineAsync($"Container {containerName}: {report.Moved} grain state blobs moved to Orleans' layout.");
        foreach (var name in report.Conflicting)
        {
            await output.WriteLineAsync($"left {name}: its new name holds different content (two storages kept the same grain state)");
        }
        foreach (var name in report.Unreadable)
        {
            await output.WriteLineAsync($"left {name}: a part of its name was cut to a hash, so the grain it belongs to is unknown");
        }
        return report.Complete ? 0 : 1;
    }

    public static async Task<LegacyBlobMigrationReport> MigrateAsync(BlobContainerClient container, CancellationToken cancellationToken = default)
    {
        var moved = 0;
        var conflicting = new List<string>();
        var unreadable = new List<string>();
        if (!await container.ExistsAsync(cancellationToken))
        {
            return new(moved, conflicting, unreadable);
        }
        await foreach (var item in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (!LegacyBlobName.IsLegacy(item.Name))
            {
                continue;
            }
            if (LegacyBlobName.TryParse(item.Name) is not { } legacy)
            {
                unreadable.Add(item.Name);
                continue;
            }
            if (await MoveAsync(container.GetBlobClient(item.Name), container.GetBlobClient(legacy.OrleansBlobName), cancellationToken))
            {
                moved++;
            }
            else
            {
                conflicting.Add(item.Name);
            }
        }
        return new(moved, conflicting, unreadable);
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="target"/> unless the target exists, then deletes the
    /// source. A target that already holds the same bytes (a run stopped between copy and delete) counts as moved;
    /// one that holds other bytes is never overwritten.
    /// </summary>
    private static async Task<bool> MoveAsync(BlobClient source, BlobClient target, CancellationToken cancellationToken)
    {
        var content = (await source.DownloadContentAsync(cancellationToken)).Value;
        try
        {
            await target.UploadAsync(content.Content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            var existing = (await target.DownloadContentAsync(cancellationToken)).Value.Content;
            if (!existing.ToMemory().Span.SequenceEqual(content.Content.ToMemory().Span))
            {
                return false;
            }
        }
        await source.DeleteAsync(DeleteSnapshotsOption.IncludeSnapshots, new BlobRequestConditions { IfMatch = content.Details.ETag }, cancellationToken);
        return true;
    }
}
