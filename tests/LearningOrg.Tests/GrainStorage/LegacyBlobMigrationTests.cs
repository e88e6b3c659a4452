using Azure.Storage.Blobs;
using LearningOrg.GrainStorage;
using LearningOrg.GrainStorage.Azure;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace LearningOrg.Tests.GrainStorage;

/// <summary>The names of the legacy layout, read back without a store.</summary>
public sealed class LegacyBlobNameTests
{
    [Theory]
    [InlineData("PubSubStore/pubsubrendezvous/provider_2Fnamespace_2Fkey/pubsub", "PubSubStore", "pubsubrendezvous", "provider/namespace/key", "pubsub")]
    [InlineData("Default/notebook/_C3_A9cole_20_E2_9C_93/notebook", "Default", "notebook", "école ✓", "notebook")]
    [InlineData("Default/notebook/a_5F2Fb/margin", "Default", "notebook", "a_2Fb", "margin")]
    [InlineData("_/notebook/abc/_", "", "notebook", "abc", "")]
    public void A_legacy_name_gives_back_the_storage_grain_and_state_it_was_made_from(string name, string storage, string grainType, string grainKey, string stateName)
    {
        var legacy = LegacyBlobName.TryParse(name);

        Assert.Equal(new LegacyBlobName(storage, GrainId.Create(grainType, grainKey), stateName), legacy);
        Assert.Equal($"{stateName}-{grainType}/{grainKey}.json", legacy!.OrleansBlobName);
    }

    [Theory]
    [InlineData("notebook-notebook/abc.json")]
    [InlineData("pubsub-pubsubrendezvous/provider/namespace/key.json")]
    [InlineData("Default/notebook/abc")]
    [InlineData("Default/notebook/abc/notebook/extra")]
    [InlineData("Default/notebook//notebook")]
    public void Names_of_orleans_layout_or_of_another_shape_are_not_legacy(string name)
    {
        Assert.False(LegacyBlobName.IsLegacy(name));
        Assert.Null(LegacyBlobName.TryParse(name));
    }

    [Theory]
    [InlineData("Default/notebook/kkkk~0a1b2c/notebook")]
    [InlineData("Default/notebook/bad_G1escape/notebook")]
    [InlineData("Default/notebook/cut_4/notebook")]
    [InlineData("Default/notebook/_/notebook")]
    public void A_legacy_name_with_a_part_cut_to_a_hash_a_broken_escape_or_no_grain_key_cannot_be_read_back(string name)
    {
        Assert.True(LegacyBlobName.IsLegacy(name));
        Assert.Null(LegacyBlobName.TryParse(name));
    }
}

/// <summary>
/// Blobs written in the legacy layout, moved by the migration the silo runs as a command, then read by Orleans'
/// provider on a cluster whose default grain storage is that container (Azurite).
/// </summary>
public sealed class LegacyBlobMigrationTests(AzureBlobStorageCluster cluster) : IClassFixture<AzureBlobStorageCluster>
{
    private IGrainStorageSerializer Serializer => cluster.SiloServices.GetRequiredService<IGrainStorageSerializer>();

    private static IConfiguration Settings(string container) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["GrainStorage:AzureConnectionString"] = TestAzurite.ConnectionString,
        ["GrainStorage:AzureContainer"] = container,
    }).Build();

    private static async Task Upload(BlobContainerClient container, string name, BinaryData content) =>
        await container.GetBlobClient(name).UploadAsync(content, overwrite: true);

    private static async Task<BinaryData?> Content(BlobContainerClient container, string name)
    {
        var blob = container.GetBlobClient(name);
        return (await blob.ExistsAsync()).Value ? (await blob.DownloadContentAsync()).Value.Content : null;
    }

    private static async Task<(int ExitCode, string Output)> RunCommand(string container)
    {
        using var output = new StringWriter();
        var exitCode = await LegacyBlobMigration.RunAsync(Settings(container), output);
        return (exitCode, output.ToString());
    }

    [Fact]
    public async Task Grains_read_the_state_they_had_in_the_legacy_layout_once_the_command_moved_their_blobs()
    {
        var plainKey = $"moved-{Guid.NewGuid():N}";
        var escapedKey = $"école/{Guid.NewGuid():N}";
        var plainLegacy = $"Default/notebook/{plainKey}/notebook";
        var escapedLegacy = $"Default/notebook/_C3_A9cole_2F{escapedKey[6..]}/notebook";
        await Upload(cluster.Container, plainLegacy, Serializer.Serialize(new Notebook { Title = "plain", Entries = ["kept"] }));
        await Upload(cluster.Container, escapedLegacy, Serializer.Serialize(new Notebook { Title = "escaped", Entries = ["kept too"] }));

        var (exitCode, output) = await RunCommand(cluster.ContainerName);

        Assert.Equal(0, exitCode);
        Assert.Contains("2 grain state blobs moved", output, StringComparison.Ordinal);
        Assert.Equal(["kept"], (await cluster.Grains.GetGrain<INotebookGrain>(plainKey).Read()).Entries);
        var escaped = new NotebookState(new Notebook());
        await cluster.Storage(GrainStorageSelection.Default).ReadStateAsync("notebook", GrainId.Create("notebook", escapedKey), escaped);
        Assert.True(escaped.RecordExists);
        Assert.Equal("escaped", escaped.State.Title);
        Assert.Null(await Content(cluster.Container, plainLegacy));
        Assert.Null(await Content(cluster.Container, escapedLegacy));
    }

    [Fact]
    public async Task Running_the_command_again_moves_nothing_and_leaves_the_moved_state_as_it_is()
    {
        var key = $"twice-{Guid.NewGuid():N}";
        await Upload(cluster.Container, $"Default/notebook/{key}/notebook", Serializer.Serialize(new Notebook { Entries = ["once"] }));
        await RunCommand(cluster.ContainerName);
        var moved = await Content(cluster.Container, $"notebook-notebook/{key}.json");

        var (exitCode, output) = await RunCommand(cluster.ContainerName);

        Assert.Equal(0, exitCode);
        Assert.Contains(" 0 grain state blobs moved", output, StringComparison.Ordinal);
        Assert.NotNull(moved);
        Assert.Equal(moved.ToArray(), (await Content(cluster.Container, $"notebook-notebook/{key}.json"))!.ToArray());
        Assert.Equal(["once"], (await cluster.Grains.GetGrain<INotebookGrain>(key).Read()).Entries);
    }

    [Fact]
    public async Task A_blob_whose_new_name_holds_other_content_or_whose_name_was_cut_to_a_hash_is_left_and_reported()
    {
        var container = new BlobServiceClient(TestAzurite.ConnectionString).GetBlobContainerClient(TestAzurite.NewContainerName());
        await container.CreateAsync();
        try
        {
            await Upload(container, "notebook-notebook/clash.json", BinaryData.FromString("written by the new provider"));
            await Upload(container, "Default/notebook/clash/notebook", BinaryData.FromString("the legacy state"));
            await Upload(container, "Default/notebook/same/notebook", BinaryData.FromString("copied before a stop"));
            await Upload(container, "notebook-notebook/same.json", BinaryData.FromString("copied before a stop"));
            await Upload(container, "Default/notebook/kkkk~0a1b2c/notebook", BinaryData.FromString("unknown grain"));

            var (exitCode, output) = await RunCommand(container.Name);

            Assert.Equal(1, exitCode);
            Assert.Contains("left Default/notebook/clash/notebook", output, StringComparison.Ordinal);
            Assert.Contains("left Default/notebook/kkkk~0a1b2c/notebook", output, StringComparison.Ordinal);
            Assert.Equal("written by the new provider", (await Content(container, "notebook-notebook/clash.json"))?.ToString());
            Assert.Equal("the legacy state", (await Content(container, "Default/notebook/clash/notebook"))?.ToString());
            Assert.Equal("unknown grain", (await Content(container, "Default/notebook/kkkk~0a1b2c/notebook"))?.ToString());
            // A copy that a stopped run made already counts as moved: the legacy blob goes.
            Assert.Null(await Content(container, "Default/notebook/same/notebook"));
            Assert.Equal("copied before a stop", (await Content(container, "notebook-notebook/same.json"))?.ToString());
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }
}
