using Marten;

namespace LearningOrg.ReadModels;

/// <summary>
/// The async projections run in Marten's daemon in hot/cold mode: every node that hosts grains (a silo, or the API
/// with its embedded silo) starts it, the nodes race for a PostgreSQL advisory lock per projection, and only the holder
/// projects it. When it stops, its connection and so its lock go; another node takes the lock at its next poll and
/// carries on from the progress the last one committed.
/// </summary>
/// <remarks>
/// A writer that dies mid-append (its process killed, PostgreSQL crashed) leaves a gap in the event sequence that
/// nothing will fill. The daemon waits at a gap for <see cref="StaleSequenceThreshold"/>, then passes it once no
/// transaction that began before the gap is still open, because only such a transaction could still fill it. So the
/// leader holds its locks on an idle session, outside any transaction (Marten's default), and Marten's own lock ids
/// are kept: they are the ones its gap check recognises as the daemon's.
/// </remarks>
public static class ProjectionDaemon
{
    /// <summary>How often a cold node tries for the lock: the longest a projection stands still after its node stops.</summary>
    public static readonly TimeSpan LeadershipPolling = TimeSpan.FromSeconds(2);

    /// <summary>How long the daemon waits at a gap in the event sequence before it asks whether anything can still fill it.</summary>
    public static readonly TimeSpan StaleSequenceThreshold = TimeSpan.FromSeconds(3);

    public static void Configure(StoreOptions options)
    {
        // Each projection's lock id mixes in the schema (JasperFx's ProjectionLockIds), so schemas that share a
        // database elect their own nodes.
        options.Projections.LeadershipPollingTime = (int)LeadershipPolling.TotalMilliseconds;
        options.Projections.StaleSequenceThreshold = StaleSequenceThreshold;
    }
}
