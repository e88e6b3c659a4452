using LearningOrg.Domain.Common;
using LearningOrg.EventStore;

namespace LearningOrg.Api.Contracts;

/// <summary>The answer to an accepted command.</summary>
/// <param name="Replayed">True when this Idempotency-Key had been processed before: nothing new was recorded.</param>
public sealed record CommandAccepted(string StreamId, long Version, int EventsAppended, DateTimeOffset? OccurredAt, bool Replayed);

/// <summary>An aggregate's state; <paramref name="AsOf"/> is set when it was folded up to a date.</summary>
public sealed record StateResponse<TState>([property: Pseudonymized(PseudonymizedAs.AggregateId)] string Id, long Version, DateTimeOffset? AsOf, TState State);

/// <summary>A page of a stream's events.</summary>
/// <param name="NextFromVersion">Pass as fromVersion to read on; null at the end of the stream.</param>
public sealed record EventPage([property: Pseudonymized(PseudonymizedAs.StreamKey)] string StreamId, IReadOnlyList<EventEnvelope<object>> Events, long? NextFromVersion);
