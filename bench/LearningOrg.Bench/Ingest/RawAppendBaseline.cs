using LearningOrg.Bench.Generation;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;
using Marten;

namespace LearningOrg.Bench.Ingest;

/// <summary>
/// Scenario 1's baseline: a bare Marten event store (the same event type names, serializer settings and event
/// metadata as <see cref="MartenSetup.ConfigureEventStore"/>, but no projections and no documents), where
/// each writer appends one event per transaction at the stream's expected version.
/// </summary>
public sealed class RawAppendBaseline(IDocumentStore store) : IDisposable
{
    public IDocumentStore Store => store;

    public static RawAppendBaseline Create(string connectionString, string schema) =>
        new(DocumentStore.For(options => MartenSetup.ConfigureEventStore(options, connectionString, schema)));

    /// <summary>One writer's work: its events turned into records, with each stream's version where appends continue.</summary>
    public sealed class Writer(IReadOnlyDictionary<string, long> seededVersions)
    {
        private readonly Dictionary<string, long> versions = new(StringComparer.Ordinal);

        public long NextVersion(string streamKey)
        {
            var version = (versions.TryGetValue(streamKey, out var v) ? v : seededVersions.GetValueOrDefault(streamKey)) + 1;
            versions[streamKey] = version;
            return version;
        }
    }

    public sealed record Append(Writer Writer, string StreamKey, DomainEvent Event, string CommandId, string RecordedBy);

    /// <summary>Per writer, the appends of its queue, deserialized beforehand so the measured phase only writes.</summary>
    public IReadOnlyList<IReadOnlyList<Append>> Prepare(IngestWorkload workload)
    {
        var serializer = store.Options.Serializer();
        return
        [
            .. workload.Queues.Select(queue =>
            {
                var writer = new Writer(workload.SeededVersions);
                return (IReadOnlyList<Append>)[.. queue.Select(e => new Append(writer, e.StreamKey, e.ToEvent(serializer), $"bench-{e.EventId:N}", e.RecordedBy ?? "bench"))];
            }),
        ];
    }

    public async Task<(SendOutcome Outcome, string? Problem)> AppendAsync(Append append, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.CausationId = append.CommandId;
        session.LastModifiedBy = append.RecordedBy;
        var version = append.Writer.NextVersion(append.StreamKey);
        if (version == 1)
        {
            session.Events.StartStream(append.StreamKey, append.Event);
        }
        else
        {
            session.Events.Append(append.StreamKey, version, append.Event);
        }
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return (SendOutcome.Accepted, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (SendOutcome.Error, e.GetType().Name);
        }
    }

    public void Dispose() => store.Dispose();
}
