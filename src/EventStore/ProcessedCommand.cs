namespace LearningOrg.EventStore;

/// <summary>
/// The record of a command that produced events, written in the same transaction as its events. It makes commands
/// idempotent across grain activations and silos: a repeated command id finds it and gets the same answer.
/// </summary>
/// <param name="Id">The command id (the Idempotency-Key).</param>
/// <param name="PayloadHash">Hash of the stream key and the proposed event, to refuse a reused key with another payload.</param>
/// <param name="OccurredAt">The occurredAt the events were recorded with, so that a retry's follow-ups use the same.</param>
public sealed record ProcessedCommand(string Id, string StreamKey, string PayloadHash, long Version, int EventsAppended, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);
