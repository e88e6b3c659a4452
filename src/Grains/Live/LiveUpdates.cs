using Orleans.Providers;

namespace LearningOrg.Grains.Live;

/// <summary>The Orleans stream provider and stream ids that carry <see cref="TimelineChanged"/> notifications.</summary>
public static class LiveUpdates
{
    /// <summary>The stream provider's name, on the silos and on API clients alike.</summary>
    public const string ProviderName = "LiveUpdates";

    /// <summary>The grain storage Orleans' stream pub-sub keeps its subscriptions in.</summary>
    public const string PubSubStorageName = ProviderConstants.DEFAULT_PUBSUB_PROVIDER_NAME;

    /// <summary>The namespace of the per-school streams.</summary>
    public const string SchoolTimelineNamespace = "school-timeline";

    public static StreamId SchoolTimeline(string schoolId) => StreamId.Create(SchoolTimelineNamespace, schoolId);
}
