using LearningOrg.GrainStorage;
using Orleans.Storage;

namespace LearningOrg.Tests.GrainStorage;

/// <summary>A plain-state grain on a TestingHost cluster whose default grain storage is Azure Blob Storage (Azurite).</summary>
public sealed class AzureGrainPersistenceTests(AzureBlobStorageCluster cluster) : IClassFixture<AzureBlobStorageCluster>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_grains_state_survives_deactivation_and_is_read_back_from_its_blob()
    {
        var grain = cluster.Grains.GetGrain<INotebookGrain>($"survivor-{Guid.NewGuid():N}");
        await grain.Add("first entry");
        var before = await grain.Add("second entry");

        await grain.Deactivate();
        var after = await NextActivation(grain, before.Activation);

        Assert.Equal(["first entry", "second entry"], after.Entries);
        Assert.True(after.RecordExists);
        // Orleans' layout: {state name}-{grain id}.json.
        var blobName = $"notebook-{grain.GetGrainId()}.json";
        Assert.True((await cluster.Container.GetBlobClient(blobName).ExistsAsync()).Value, $"no blob {blobName} in {cluster.ContainerName}");
    }

    [Fact]
    public async Task A_grain_whose_state_another_writer_changed_is_refused_its_write_and_then_reads_the_other_writers_state()
    {
        var grain = cluster.Grains.GetGrain<INotebookGrain>($"contested-{Guid.NewGuid():N}");
        var before = await grain.Add("mine");
        var storage = cluster.Storage(GrainStorageSelection.Default);
        var other = new NotebookState(new Notebook());
        await storage.ReadStateAsync("notebook", grain.GetGrainId(), other);
        other.State.Entries.Add("theirs");
        await storage.WriteStateAsync("notebook", grain.GetGrainId(), other);

        await Assert.ThrowsAsync<InconsistentStateException>(() => grain.Add("mine again"));

        // Orleans drops an activation whose state proved stale; the next one reads what the other writer stored.
        var after = await NextActivation(grain, before.Activation);
        Assert.Equal(["mine", "theirs"], after.Entries);
    }

    /// <summary>Asks until an activation other than <paramref name="previous"/> answers (deactivation is asynchronous).</summary>
    private static async Task<NotebookPage> NextActivation(INotebookGrain grain, string previous)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (true)
        {
            var page = await grain.Read();
            if (page.Activation != previous)
            {
                return page;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
        }
    }
}
