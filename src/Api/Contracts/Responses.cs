using LearningOrg.EventStore;
using LearningOrg.Research;

namespace LearningOrg.Api.Contracts;

/// <summary>The answer to an accepted command.</summary>
/// <param name="Replayed">True when this Idempotency-Key had been processed before: nothing new was recorded.</param>
public sealed record CommandAccepted(string StreamId, long Version, int EventsAppended, DateTimeOffset? OccurredAt, bool Replayed);

/// <summary>An aggregate's state; <paramref name="AsOf"/> is set when it was folded up to a date.</summary>
public sealed record StateResponse<TState>([property: Pseudonymized(PseudonymizedAs.AggregateId)] string Id, long Version, DateTimeOffset? AsOf, TState State);

/// <summary>A recorded event with its metadata, as the events endpoints and exports show it.</summary>
public sealed record EventEnvelope(
    Guid EventId,
    long Sequence,
    [property: Pseudonymized(PseudonymizedAs.StreamKey)] string StreamId,
    long Version,
    string Type,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    [property: Pseudonymized(PseudonymizedAs.User)] string? RecordedBy,
    [property: Pseudonymized(PseudonymizedAs.Command)] string? CommandId,
    object Data)
{
    public static EventEnvelope From(RecordedEvent e) =>
        new(e.EventId, e.Sequence, e.StreamId, e.Version, e.Type, e.OccurredAt, e.RecordedAt, e.RecordedBy, e.CommandId, e.Data);
}

/// <summary>A page of a stream's events.</summary>
/// <param name="NextFromVersion">Pass as fromVersion to read on; null at the end of the stream.</param>
public sealed record EventPage([property: Pseudonymized(PseudonymizedAs.StreamKey)] string StreamId, IReadOnlyList<EventEnvelope> Events, long? NextFromVersion);
