using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Npgsql;

namespace LearningOrg.ReadModels;

/// <summary>
/// PostgreSQL advisory locks held to the end of an inline projection's transaction, so two transactions that touch
/// one school take turns: the later one waits for the earlier to commit, and under READ COMMITTED its reads, made
/// after the wait, see the earlier's events. A teacher's lock covers the teacher's staff tenures, read to find the
/// schools a teacher's event touches. Every transaction takes its teacher locks before its school locks, each kind in
/// the order of its keys, so two transactions never wait on each other in a cycle.
/// </summary>
public static class IndicatorLocks
{
    /// <summary>Starts the session's transaction, if not started, and waits for the locks of these ids, in key order.</summary>
    public static async Task TakeAsync(IDocumentSession session, string kind, IEnumerable<string> ids, CancellationToken cancellation)
    {
        var keys = ids.Select(id => KeyOf(kind, id)).Distinct().Order().ToList();
        if (keys.Count == 0)
        {
            return;
        }
        // Marten opens the transaction only to write the batch; the reads must come after the wait, inside it.
        await session.BeginTransactionAsync(cancellation);
        await using var batch = new NpgsqlBatch(session.Connection);
        foreach (var key in keys)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("select pg_advisory_xact_lock($1)") { Parameters = { new() { Value = key } } });
        }
        await batch.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>A stable 64-bit key for an id of a kind: the first eight bytes of the SHA-256 of both.</summary>
    public static long KeyOf(string kind, string id) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"indicators/{kind}/{id}")));
}
