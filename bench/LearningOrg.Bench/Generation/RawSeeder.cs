using LearningOrg.Bench.Harness;
using Marten;

namespace LearningOrg.Bench.Generation;

/// <summary>
/// Writes generated events straight into a store, many to a transaction, the way a migration would: no rules and no
/// command records, but the store's inline projections run as for any append. For setting up data that scenarios read,
/// not for measuring the write path.
/// </summary>
public static class RawSeeder
{
    public static async Task<long> AppendAsync(IDocumentStore store, IEnumerable<TemplateEvent> events, int batchSize, CancellationToken cancellationToken)
    {
        var serializer = store.Options.Serializer();
        long written = 0;
        foreach (var batch in events.Chunk(batchSize))
        {
            await using var session = store.LightweightSession();
            foreach (var stream in batch.GroupBy(e => e.StreamKey))
            {
                session.Events.Append(stream.Key, stream.Select(e => (object)e.ToEvent(serializer)));
            }
            await session.SaveChangesAsync(cancellationToken);
            written += batch.Length;
        }
        return written;
    }
}
