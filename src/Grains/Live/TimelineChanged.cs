namespace LearningOrg.Grains.Live;

/// <summary>
/// Published on a school's live stream after an event that belongs on its timeline has been committed. It names the
/// event, not its content: no personal data travels on the stream, and a listener reads the entry from the timeline.
/// </summary>
/// <param name="StreamId">The stream the event was appended to, e.g. <c>teacher/maya-chen</c>.</param>
/// <param name="Version">The event's version in that stream.</param>
/// <param name="EventType">The contract name, e.g. <c>DecisionRecorded.v1</c>.</param>
[GenerateSerializer, Immutable, Alias("TimelineChanged")]
public sealed record TimelineChanged(
    [property: Id(0)] string SchoolId,
    [property: Id(1)] string StreamId,
    [property: Id(2)] long Version,
    [property: Id(3)] string EventType,
    [property: Id(4)] DateTimeOffset OccurredAt);
