using System.Collections.Immutable;

namespace LearningOrg.EventStore.Privacy;

/// <summary>
/// The erasure log: one record per erased teacher, saying when, at whose request, and which fields of which events
/// were masked. It holds ids and field names only, never what was erased.
/// </summary>
public sealed record ErasureRecord(string TeacherId, DateTimeOffset ErasedAt, string RequestedBy, ImmutableArray<ErasedField> Fields);

/// <summary>One field of one event that the erasure masked.</summary>
/// <param name="Field">The field's contract name, e.g. <c>name</c> or <c>observedBy</c>.</param>
public sealed record ErasedField(Guid EventId, string StreamId, long Version, string Type, string Field);
