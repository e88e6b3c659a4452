using LearningOrg.Domain.Common;

namespace LearningOrg.EventStore;

/// <summary>
/// An event with the store's own facts about it: the one envelope of the store, the API and the exports, which differ
/// only in what carries the event's fields (the domain event, an object for the API, JSON for an export).
/// </summary>
/// <param name="Sequence">Global order of recording across all streams (transaction time).</param>
/// <param name="Version">Position in its stream, from 1.</param>
/// <param name="Type">The contract name, e.g. <c>DecisionRecorded.v1</c>.</param>
/// <param name="RecordedAt">When the store took it.</param>
/// <param name="CommandId">The command (Idempotency-Key) that produced it.</param>
public sealed record EventEnvelope<TData>(
    Guid EventId,
    long Sequence,
    [property: Pseudonymized(PseudonymizedAs.StreamKey)] string StreamId,
    long Version,
    string Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    [property: Pseudonymized(PseudonymizedAs.User)] string? RecordedBy,
    [property: Pseudonymized(PseudonymizedAs.Command)] string? CommandId,
    TData Data)
{
    /// <summary>The same envelope around another form of the event's fields.</summary>
    public EventEnvelope<TOther> WithData<TOther>(TOther data) =>
        new(EventId, Sequence, StreamId, Version, Type, OccurredAt, RecordedAt, RecordedBy, CommandId, data);
}
