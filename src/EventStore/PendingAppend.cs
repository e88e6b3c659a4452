using LearningOrg.Domain.Common;

namespace LearningOrg.EventStore;

/// <summary>
/// One command's write, as a grain hands it to <see cref="GroupCommit"/>: its events for a stream expected to be at
/// <see cref="ExpectedVersion"/> (0: the stream must not exist yet), the command's idempotency record, the
/// snapshot of the new state when one is due, and the outbox rows it adds and removes.
/// </summary>
/// <param name="RecordedBy">Stored as each event's user name.</param>
/// <param name="CorrelationId">Stored as each event's correlation id: the trace of the request that sent the command.</param>
/// <param name="Snapshot">A <see cref="Snapshot{TState}"/> to store with the events, or null.</param>
/// <param name="FollowUps">The follow-ups the events send to other aggregates, written to the outbox with them.</param>
/// <param name="Delivers">The outbox row these events record, when they are a follow-up: removed with them.</param>
public sealed record PendingAppend(
    string StreamKey,
    long ExpectedVersion,
    IReadOnlyList<DomainEvent> Events,
    ProcessedCommand Command,
    string RecordedBy,
    string? CorrelationId,
    object? Snapshot,
    IReadOnlyList<FollowUpMessage>? FollowUps = null,
    string? Delivers = null)
{
    public long NewVersion => ExpectedVersion + Events.Count;
}
