using LearningOrg.Domain.Common;

namespace LearningOrg.EventStore;

/// <summary>An event as the store holds it: the domain event with the store's own facts about it.</summary>
/// <param name="Sequence">Global order of recording across all streams (transaction time).</param>
/// <param name="Version">Position in its stream, from 1.</param>
/// <param name="Type">The contract name, e.g. <c>DecisionRecorded.v1</c>.</param>
/// <param name="RecordedAt">When the store took it.</param>
/// <param name="CommandId">The command (Idempotency-Key) that produced it.</param>
public sealed record RecordedEvent(
    Guid EventId,
    long Sequence,
    string StreamId,
    long Version,
    string Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string? RecordedBy,
    string? CommandId,
    DomainEvent Data);
