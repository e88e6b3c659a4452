using LearningOrg.GrainStorage;
using Orleans.Storage;

namespace LearningOrg.Tests.GrainStorage;

/// <summary>A plain grain state, as a grain keeps it through IPersistentState.</summary>
[GenerateSerializer]
public sealed class Notebook
{
    [Id(0)] public string Title { get; set; } = "";
    [Id(1)] public List<string> Entries { get; set; } = [];
}

/// <summary>A grain state as the runtime hands it to a storage provider; its notebook is never null.</summary>
public sealed class NotebookState(Notebook notebook) : IGrainState<Notebook>
{
    private Notebook state = notebook;

    // A provider must hand back a state, never null: a null here fails the test that caused it.
    [System.Diagnostics.CodeAnalysis.AllowNull]
    public Notebook State { get => state; set => state = value ?? throw new ArgumentNullException(nameof(value), "The provider set a null state."); }

    public string? ETag { get; set; }

    public bool RecordExists { get; set; }
}

/// <summary>
/// What every grain storage provider we configure must do, run against each (memory, Azurite, PostgreSQL): keep a
/// state and give it back, move the ETag on every write, refuse a stale writer without changing anything, clear,
/// answer "no record" for a state never written, and keep apart states of different grain types, keys and names.
/// </summary>
public abstract class GrainStorageContract<TCluster>(TCluster cluster) where TCluster : StorageClusterFixture
{
    private const string StateName = "notebook";

    /// <summary>The implementation GrainStorage:Provider should have put behind both storage names.</summary>
    protected abstract Type ExpectedStorage { get; }

    private IGrainStorage Storage => cluster.Storage(GrainStorageSelection.Default);

    private static GrainId NewGrain(string type = "notebook") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    private static NotebookState Written(string title, params string[] entries) =>
        new(new Notebook { Title = title, Entries = [.. entries] });

    private async Task<NotebookState> Read(GrainId grain, string stateName = StateName, IGrainStorage? storage = null)
    {
        var state = new NotebookState(new Notebook { Title = "not read" });
        await (storage ?? Storage).ReadStateAsync(stateName, grain, state);
        return state;
    }

    /// <summary>Two writers read the stored state; the second writes <paramref name="newTitle"/>, so the first holds a stale ETag.</summary>
    private async Task<(NotebookState Stale, NotebookState Current)> OvertakenWriter(GrainId grain, string newTitle)
    {
        await Storage.WriteStateAsync(StateName, grain, Written("original"));
        var stale = await Read(grain);
        var current = await Read(grain);
        current.State.Title = newTitle;
        await Storage.WriteStateAsync(StateName, grain, current);
        return (stale, current);
    }

    [Theory]
    [InlineData(GrainStorageSelection.Default)]
    [InlineData(GrainStorageSelection.PubSubStore)]
    public async Task Both_storage_names_use_the_configured_provider_and_round_trip_a_state(string storageName)
    {
        var storage = cluster.Storage(storageName);
        var grain = NewGrain();
        var state = Written("Field notes", "first", "second");

        await storage.WriteStateAsync(StateName, grain, state);
        var read = await Read(grain, storage: storage);

        Assert.IsType(ExpectedStorage, storage);
        Assert.True(read.RecordExists);
        Assert.Equal("Field notes", read.State.Title);
        Assert.Equal(["first", "second"], read.State.Entries);
        Assert.Equal(state.ETag, read.ETag);
    }

    [Fact]
    public async Task A_write_gives_an_etag_and_every_later_write_a_new_one()
    {
        var grain = NewGrain();
        var state = Written("v1");

        await Storage.WriteStateAsync(StateName, grain, state);
        var first = state.ETag;
        state.State.Title = "v2";
        await Storage.WriteStateAsync(StateName, grain, state);
        var second = state.ETag;

        Assert.False(string.IsNullOrEmpty(first));
        Assert.False(string.IsNullOrEmpty(second));
        Assert.NotEqual(first, second);
        Assert.True(state.RecordExists);
        var read = await Read(grain);
        Assert.Equal("v2", read.State.Title);
        Assert.Equal(second, read.ETag);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_changes_nothing()
    {
        var grain = NewGrain();
        var (slow, fast) = await OvertakenWriter(grain, "fast writer");

        slow.State.Title = "slow writer";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, slow));

        var stored = await Read(grain);
        Assert.Equal("fast writer", stored.State.Title);
        Assert.Equal(fast.ETag, stored.ETag);
    }

    [Fact]
    public async Task A_first_write_is_refused_when_another_writer_created_the_state_meanwhile()
    {
        var grain = NewGrain();
        var first = await Read(grain);
        var second = await Read(grain);
        first.State.Title = "first";
        await Storage.WriteStateAsync(StateName, grain, first);

        second.State.Title = "second";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, second));

        Assert.Equal("first", (await Read(grain)).State.Title);
    }

    [Fact]
    public async Task Reading_a_state_never_written_gives_no_record_no_etag_and_a_fresh_state()
    {
        var read = await Read(NewGrain());

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal("", read.State.Title);
        Assert.Empty(read.State.Entries);
    }

    [Fact]
    public async Task Clearing_removes_the_state_so_a_read_finds_no_record_and_the_grain_can_write_again()
    {
        var grain = NewGrain();
        var state = Written("to be cleared", "entry");
        await Storage.WriteStateAsync(StateName, grain, state);

        await Storage.ClearStateAsync(StateName, grain, state);

        Assert.False(state.RecordExists);
        Assert.Equal("", state.State.Title);
        var read = await Read(grain);
        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
        Assert.Equal("", read.State.Title);

        state.State.Title = "written after the clear";
        await Storage.WriteStateAsync(StateName, grain, state);
        Assert.Equal("written after the clear", (await Read(grain)).State.Title);
    }

    [Fact]
    public async Task A_clear_with_a_stale_etag_is_refused_and_keeps_the_state()
    {
        var grain = NewGrain();
        var (stale, _) = await OvertakenWriter(grain, "newer");

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, grain, stale));

        var stored = await Read(grain);
        Assert.True(stored.RecordExists);
        Assert.Equal("newer", stored.State.Title);
    }

    [Fact]
    public async Task A_write_holding_the_etag_from_before_a_clear_is_refused()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync(StateName, grain, Written("original"));
        var stale = await Read(grain);
        var clearer = await Read(grain);
        await Storage.ClearStateAsync(StateName, grain, clearer);

        stale.State.Title = "resurrected";
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, grain, stale));

        Assert.False((await Read(grain)).RecordExists);
    }

    [Fact]
    public async Task States_of_different_grain_types_keys_and_state_names_are_kept_apart()
    {
        var key = Guid.NewGuid().ToString("N");
        var digits = Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        (GrainId Grain, string StateName)[] places =
        [
            (GrainId.Create("notebook", key), StateName),
            (GrainId.Create("diary", key), StateName),
            (GrainId.Create("notebook", key), "margin"),
            (GrainId.Create("notebook", key + "/x"), StateName),
            (GrainId.Create("notebook", key + "_2Fx"), StateName),
            (GrainId.Create("notebook", digits), StateName),
            (GrainId.Create("notebook", "0" + digits), StateName),
            (GrainId.Create("notebook", $"{key} école ✓"), StateName),
            (GrainId.Create("notebook", key + new string('k', 600)), StateName),
            (GrainId.Create("notebook", key + new string('k', 601)), StateName),
        ];

        for (var i = 0; i < places.Length; i++)
        {
            await Storage.WriteStateAsync(places[i].StateName, places[i].Grain, Written($"place {i}"));
        }

        for (var i = 0; i < places.Length; i++)
        {
            var read = await Read(places[i].Grain, places[i].StateName);
            Assert.True(read.RecordExists, $"place {i} ({places[i].Grain}, {places[i].StateName}) has no record");
            Assert.Equal($"place {i}", read.State.Title);
        }
    }
}

public sealed class MemoryGrainStorageContractTests(MemoryStorageCluster cluster)
    : GrainStorageContract<MemoryStorageCluster>(cluster), IClassFixture<MemoryStorageCluster>
{
    protected override Type ExpectedStorage => typeof(MemoryGrainStorage);
}

public sealed class AzureBlobGrainStorageContractTests(AzureBlobStorageCluster cluster)
    : GrainStorageContract<AzureBlobStorageCluster>(cluster), IClassFixture<AzureBlobStorageCluster>
{
    protected override Type ExpectedStorage => typeof(AzureBlobGrainStorage);
}

public sealed class AdoNetGrainStorageContractTests(AdoNetStorageCluster cluster)
    : GrainStorageContract<AdoNetStorageCluster>(cluster), IClassFixture<AdoNetStorageCluster>
{
    protected override Type ExpectedStorage => typeof(LearningOrg.GrainStorage.AdoNet.GrainTypeScopedStorage);
}
