using System.Security.Cryptography;
using System.Text;
using Marten;

namespace LearningOrg.Grains.ReadModels;

/// <summary>
/// The async projections run in Marten's daemon in hot/cold mode: every node that hosts grains (a silo, or the API
/// with its embedded silo) starts it, the nodes race for a PostgreSQL advisory lock, and only the holder projects.
/// When it stops, its connection and so its lock go; another node takes the lock at its next poll and carries on from
/// the progress the last one committed.
/// </summary>
public static class ProjectionDaemon
{
    /// <summary>How often a cold node tries for the lock: the longest a projection stands still after its node stops.</summary>
    public static readonly TimeSpan LeadershipPolling = TimeSpan.FromSeconds(2);

    public static void Configure(StoreOptions options)
    {
        // One lock per schema: schemas in one database (the tests', or several deployments) each elect their own node.
        options.Projections.DaemonLockId = LockIdFor(options.DatabaseSchemaName);
        options.Projections.LeadershipPollingTime = (int)LeadershipPolling.TotalMilliseconds;
        // The session-scoped lock needs Patched.DistributedLock.Postgres, which our feed replaces with
        // DistributedLock.Postgres 1.3.1 (infra/nuget/README.md); that version refuses a data source without
        // this option. A transaction-scoped lock is released the same way when the leader's connection goes.
        options.Events.UseAdvisoryLockTransaction = true;
    }

    /// <summary>A stable number for a schema name (string.GetHashCode differs from process to process).</summary>
    public static int LockIdFor(string schema) =>
        BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"learningorg.daemon.{schema}")), 0);
}
