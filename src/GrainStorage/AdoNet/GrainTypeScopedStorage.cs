using Orleans.Storage;

namespace LearningOrg.GrainStorage.AdoNet;

/// <summary>
/// Puts the grain type into the key the ADO.NET provider stores under. Orleans' AdoNetGrainStorage keys a state by
/// its state name and the grain's key only (dotnet/orleans#9737), so two grain types with the same key and state
/// name would share one row, and it reads an all-digit string key as a number ("020235" and "20235" share a row,
/// dotnet/orleans#9706). Handing it the whole grain id ("type/key") as a string key avoids both.
/// </summary>
public sealed class GrainTypeScopedStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    // The scoped id keeps the grain's type, so it is a valid GrainId; its key always holds a '/', so it never
    // parses as a number or a GUID.
    private static GrainId Scoped(GrainId grainId) => GrainId.Create(grainId.Type, grainId.ToString());

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, Scoped(grainId), grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, Scoped(grainId), grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, Scoped(grainId), grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
