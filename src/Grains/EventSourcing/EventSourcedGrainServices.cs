using LearningOrg.EventStore;
using LearningOrg.EventStore.Telemetry;

namespace LearningOrg.Grains.EventSourcing;

/// <summary>
/// What an event-sourced grain reads, writes and reports through, shared by every activation of a silo: its stream
/// (<see cref="EventJournal"/>), the batched appends (<see cref="EventStore.GroupCommit"/>), the follow-ups waiting
/// for it (<see cref="FollowUpOutbox"/>), the metrics and the clock.
/// </summary>
public sealed record EventSourcedGrainServices(
    EventJournal Journal,
    GroupCommit GroupCommit,
    FollowUpOutbox Outbox,
    LearningOrgMetrics Metrics,
    TimeProvider Clock);
