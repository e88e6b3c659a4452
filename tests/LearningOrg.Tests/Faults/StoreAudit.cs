using JasperFx.Events;
using LearningOrg.EventStore;
using Marten;

namespace LearningOrg.Tests.Faults;

/// <summary>
/// Reads a whole store (one schema) and checks that a set of commands landed exactly once: each command id has one
/// record and its events, at the version its answer gave; no event is recorded without its command or twice; nothing
/// else was recorded; every stream's versions run 1..N without a gap. Given <c>streams</c>, it looks at those streams
/// only, for a store that other tests write to as well.
/// </summary>
internal static class StoreAudit
{
    public static async Task AssertExactlyOnceAsync(
        IDocumentStore store, IReadOnlyCollection<PlannedCommand> commands, IReadOnlyDictionary<string, Answer.Accepted> acknowledged,
        IReadOnlySet<string>? streams = null)
    {
        await using var session = store.QuerySession();
        // Marten's tombstones fill the sequence numbers a failed transaction drew (a shared one can draw some for members
        // that are then committed in another): no command's events, and every reader of the store skips them.
        var events = (await session.Events.QueryAllRawEvents().ToListAsync())
            .Where(e => e.Data is not Tombstone && (streams?.Contains(e.StreamKey!) ?? true)).ToList();
        var records = (await session.Query<ProcessedCommand>().ToListAsync())
            .Where(r => streams?.Contains(r.StreamKey) ?? true).ToDictionary(r => r.Id);

        AssertStreamsHaveNoGaps(events);
        AssertEveryEventBelongsToOneRecord(events, records);

        var expected = commands.Select(c => (c.CommandId, c.StreamKey))
            .Concat(commands.Where(c => c.FollowUp is not null).Select(c => (c.FollowUp!.CommandId, c.FollowUp.StreamKey)))
            .ToList();
        foreach (var (commandId, streamKey) in expected)
        {
            Assert.True(records.TryGetValue(commandId, out var record), $"Command {commandId} was never recorded.");
            Assert.Equal(streamKey, record!.StreamKey);
            Assert.Equal(1, record.EventsAppended);
        }
        foreach (var command in commands)
        {
            Assert.True(acknowledged.TryGetValue(command.CommandId, out var answer), $"Command {command.CommandId} was never acknowledged.");
            // What the caller was told is what the store holds: the acknowledged version is this command's event.
            Assert.Equal(records[command.CommandId].Version, answer!.Version);
        }
        Assert.Equal(expected.Select(e => e.CommandId).Order(StringComparer.Ordinal), records.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count, events.Count);
    }

    /// <summary>Versions 1..N in every stream, each once: no gap left by a lost write, no version taken twice.</summary>
    private static void AssertStreamsHaveNoGaps(IReadOnlyList<IEvent> events)
    {
        foreach (var stream in events.GroupBy(e => e.StreamKey!))
        {
            var versions = stream.Select(e => e.Version).Order().ToList();
            Assert.True(versions.SequenceEqual(Enumerable.Range(1, versions.Count).Select(v => (long)v)),
                $"{stream.Key} has versions {string.Join(",", versions)}.");
        }
    }

    /// <summary>
    /// Every event's causation is a recorded command of its stream, and each record owns exactly the events it says,
    /// at the versions just before and at the version it answered with.
    /// </summary>
    private static void AssertEveryEventBelongsToOneRecord(IReadOnlyList<IEvent> events, IReadOnlyDictionary<string, ProcessedCommand> records)
    {
        var byCommand = events.GroupBy(e => e.CausationId ?? "(none)").ToDictionary(g => g.Key, g => g.ToList());
        foreach (var (commandId, owned) in byCommand)
        {
            Assert.True(records.TryGetValue(commandId, out var record), $"{owned.Count} event(s) carry the command id {commandId}, which has no record.");
            Assert.Equal(record!.EventsAppended, owned.Count);
            Assert.All(owned, e => Assert.Equal(record.StreamKey, e.StreamKey));
            var versions = owned.Select(e => e.Version).Order().ToList();
            Assert.Equal(Enumerable.Range(0, record.EventsAppended).Select(i => record.Version - record.EventsAppended + 1 + i), versions);
        }
        Assert.All(records.Values, r => Assert.True(byCommand.ContainsKey(r.Id), $"Command {r.Id} has a record but no events."));
    }
}
