using System.Collections.Concurrent;
using LearningOrg.Grains.Live;
using LearningOrg.Hosting;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.TestingHost;

namespace LearningOrg.Tests.Live;

/// <summary>
/// A silo set up as every LearningOrg silo is, whose grain storage "PubSubStore" is wrapped to note each write before
/// passing it on to the real one.
/// </summary>
public sealed class PubSubRecordingCluster : ClusterFixture
{
    /// <summary>The grains whose state the "PubSubStore" storage was asked to write (in-process silos share it).</summary>
    public static readonly ConcurrentQueue<GrainId> Writes = new();

    protected override void ConfigureCluster(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<Recorder>();
        builder.AddClientBuilderConfigurator<LiveClient>();
    }

    private sealed class LiveClient : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddLearningOrgLiveUpdates();
    }

    private sealed class Recorder : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var registered = siloBuilder.Services.Last(d =>
                d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, LiveUpdates.PubSubStorageName));
            var create = registered.KeyedImplementationFactory!;
            siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(LiveUpdates.PubSubStorageName,
                (services, key) => new RecordingStorage((IGrainStorage)create(services, key)));
        }
    }

    private sealed class RecordingStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            Writes.Enqueue(grainId);
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
    }
}

public sealed class PubSubStoreTests(PubSubRecordingCluster cluster) : IClassFixture<PubSubRecordingCluster>
{
    [Fact]
    public async Task Subscribing_to_a_schools_live_stream_keeps_the_subscription_in_the_PubSubStore_grain_storage()
    {
        var school = LiveScenario.NewId("pubsub");
        var stream = cluster.Cluster.Client.GetStreamProvider(LiveUpdates.ProviderName)
            .GetStream<TimelineChanged>(LiveUpdates.SchoolTimeline(school));

        var subscription = await stream.SubscribeAsync((_, _) => Task.CompletedTask);

        Assert.Contains(PubSubRecordingCluster.Writes, grain => grain.ToString().Contains(school, StringComparison.Ordinal));
        await subscription.UnsubscribeAsync();
    }
}
