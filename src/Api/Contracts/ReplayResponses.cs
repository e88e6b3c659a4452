using LearningOrg.Domain.Common;
using LearningOrg.EventStore;

namespace LearningOrg.Api.Contracts;

/// <summary>An aggregate's state as the store knew it once it had recorded global sequence <paramref name="AsOfSequence"/> (transaction time).</summary>
/// <param name="Version">The stream version the state reflects: its last event at or below that sequence.</param>
public sealed record SequenceStateResponse<TState>([property: Pseudonymized(PseudonymizedAs.AggregateId)] string Id, long Version, long AsOfSequence, TState State);

/// <summary>One step of a replay: an event with its metadata, and the aggregate's state right after it.</summary>
public sealed record ReplayStepResponse<TState>(EventEnvelope<object> Event, TState State);

/// <summary>A page of a replay.</summary>
/// <param name="NextFromVersion">Pass as fromVersion to read on; null at the end of the stream, where the last state is the live state.</param>
public sealed record ReplayPage<TState>([property: Pseudonymized(PseudonymizedAs.StreamKey)] string StreamId, IReadOnlyList<ReplayStepResponse<TState>> Steps, long? NextFromVersion);
