using System.Diagnostics;
using Npgsql;

namespace LearningOrg.Bench.Harness;

/// <summary>
/// What a stretch of work cost: this process's CPU time and the bench database's committed transactions, rows written
/// and statements' row reads (pg_stat_database, which counts every session of the database: a run has it alone).
/// Evidence for a scenario's notes: where the time of a slow path goes.
/// </summary>
public sealed record WorkCounters(TimeSpan ProcessCpu, long Commits, long RowsWritten, long RowsRead)
{
    public static async Task<WorkCounters> ReadAsync(string connectionString, CancellationToken cancellationToken)
    {
        // An idle session may hold its counts back for seconds; one that ends reports them. So: close the idle pooled
        // connections, and give the statistics a moment.
        NpgsqlConnection.ClearAllPools();
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "select pg_stat_clear_snapshot(); select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched " +
            "from pg_stat_database where datname = current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new WorkCounters(Process.GetCurrentProcess().TotalProcessorTime, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public static WorkCounters operator -(WorkCounters after, WorkCounters before) =>
        new(after.ProcessCpu - before.ProcessCpu, after.Commits - before.Commits, after.RowsWritten - before.RowsWritten, after.RowsRead - before.RowsRead);

    /// <summary>This process's CPU time over <paramref name="wall"/>: near 0 when it mostly waited for PostgreSQL, up to the core count when CPU-bound.</summary>
    public double Busy(TimeSpan wall) => ProcessCpu / wall;

    /// <summary>Per event, for a note: CPU milliseconds, transactions, rows written and rows read.</summary>
    public string PerEvent(long events) => FormattableString.Invariant(
        $"{ProcessCpu.TotalMilliseconds / events:0.###} ms of this process's CPU, {(double)Commits / events:0.###} transactions (a statement outside one counts as one), {(double)RowsWritten / events:0.#} rows written and {(double)RowsRead / events:0.#} rows read in PostgreSQL per event");
}
