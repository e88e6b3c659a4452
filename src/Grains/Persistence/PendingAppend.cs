using LearningOrg.Domain.Common;

namespace LearningOrg.Grains.Persistence;

/// <summary>
/// One command's write, as a grain hands it to <see cref="GroupCommit"/>: its events for a stream expected to be at
/// <see cref="ExpectedVersion"/> (0: the stream must not exist yet), the command's idempotency record, and the
/// snapshot of the new state when one is due.
/// </summary>
/// <param name="RecordedBy">Stored as each event's user name.</param>
/// <param name="CorrelationId">Stored as each event's correlation id: the trace of the request that sent the command.</param>
/// <param name="Snapshot">A <see cref="Snapshot{TState}"/> to store with the events, or null.</param>
public sealed record PendingAppend(
    string StreamKey,
    long ExpectedVersion,
    IReadOnlyList<DomainEvent> Events,
    ProcessedCommand Command,
    string RecordedBy,
    string? CorrelationId,
    object? Snapshot)
{
    public long NewVersion => ExpectedVersion + Events.Count;
}
