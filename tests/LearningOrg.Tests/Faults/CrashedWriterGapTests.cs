using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.EventStore.Telemetry;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Marten.Services;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LearningOrg.Tests.Faults;

/// <summary>
/// A writer dies in the middle of its transaction (its process killed, PostgreSQL restarted): the event sequence
/// numbers it took are never filled. The async projections must pass that gap, on the node that was running and on a
/// node that starts after the crash, and count every recorded event once.
/// </summary>
public sealed class CrashedWriterGapTests : IAsyncLifetime
{
    /// <summary>Generous for a loaded machine; a stalled daemon never gets there.</summary>
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(60);

    private readonly DaemonSchema schema = new();

    private DocumentStore writer => schema.Store;

    public Task InitializeAsync() => schema.InitializeAsync();

    public Task DisposeAsync() => schema.DisposeAsync();

    [Fact]
    public async Task A_node_started_after_a_writer_died_mid_transaction_projects_past_the_gap_it_left()
    {
        await AppendSchool("before");
        await WriterDiesMidTransaction("lost", meanwhile: () => AppendSchool("after"));

        await schema.StartNodeAsync();

        await EveryProjectionCaughtUp();
        Assert.Equal(await RecordedSchoolEvents(), await CountedSchoolEvents());
    }

    [Fact]
    public async Task A_running_daemon_passes_the_gap_of_a_writer_terminated_mid_transaction()
    {
        await schema.StartNodeAsync();
        await AppendSchool("before");
        await EveryProjectionCaughtUp();

        await WriterDiesMidTransaction("lost", meanwhile: () => AppendSchool("after"));

        await EveryProjectionCaughtUp();
        Assert.Equal(await RecordedSchoolEvents(), await CountedSchoolEvents());
    }

    /// <summary>
    /// Marten's gap detector holds a gap while any transaction older than it is open, since that one may still fill
    /// it; a leader that kept its lock in an open transaction would hold every gap a crash leaves, for good.
    /// </summary>
    [Fact]
    public async Task The_daemons_leader_holds_its_lock_without_an_open_transaction()
    {
        var node = await schema.StartNodeAsync();
        await AppendSchool("any");
        await Eventually(() => Task.FromResult(DaemonSchema.Agents(node).Count > 0), "the node to take the daemon's lock");

        var holders = await LockHolders();

        Assert.NotEmpty(holders);
        Assert.All(holders, holder => Assert.Null(holder.TransactionStart));
    }

    /// <summary>
    /// A writer appends in a transaction that it never commits; while it is open, another writer commits events
    /// numbered after its own; then its backend is terminated, as when its process is killed.
    /// </summary>
    private async Task WriterDiesMidTransaction(string school, Func<Task> meanwhile)
    {
        // Unpooled: closing it after its backend is gone must not try to reset a session that no longer exists.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var session = writer.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            session.Events.StartStream(StreamKeys.For(StreamKeys.School, school), SchoolEvents(school));
            await session.SaveChangesAsync();
        }
        await meanwhile();

        await using var admin = new NpgsqlConnection(TestDatabase.ConnectionString);
        await admin.OpenAsync();
        await using var terminate = new NpgsqlCommand("select pg_terminate_backend($1)", admin);
        terminate.Parameters.AddWithValue(connection.ProcessID);
        Assert.True((bool)(await terminate.ExecuteScalarAsync())!);
    }

    private async Task AppendSchool(string school)
    {
        await using var session = writer.LightweightSession();
        session.Events.StartStream(StreamKeys.For(StreamKeys.School, school), SchoolEvents(school));
        await session.SaveChangesAsync();
    }

    private static object[] SchoolEvents(string school)
    {
        var start = new DateTimeOffset(2021, 1, 4, 9, 0, 0, TimeSpan.Zero);
        return
        [
            new SchoolRegistered($"School {school}", "North", 30) { OccurredAt = start },
            .. Enumerable.Range(1, 20).Select(i => new StaffCountChanged(30 + i) { OccurredAt = start.AddDays(i * 10) }),
        ];
    }

    /// <summary>Waits until no async projection trails the recorded events.</summary>
    private Task EveryProjectionCaughtUp()
    {
        var lag = new ProjectionLag(writer);
        return Eventually(async () =>
        {
            var (events, byProjection) = await lag.MeasureAsync(CancellationToken.None);
            return byProjection.Count > 0 && events == 0;
        }, "every async projection to reach the last recorded event");
    }

    private async Task<int> RecordedSchoolEvents()
    {
        await using var session = writer.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        return events.Count(e => e.Data is SchoolEvent);
    }

    private async Task<int> CountedSchoolEvents()
    {
        await using var session = writer.QuerySession();
        var months = await session.Query<SchoolMonthActivity>().ToListAsync();
        return months.Sum(m => m.Events);
    }

    /// <summary>The sessions that hold this schema's daemon locks, and when their open transaction began (null: none).</summary>
    private async Task<List<(int Pid, DateTimeOffset? TransactionStart)>> LockHolders()
    {
        var keys = DaemonSchema.LockIds(writer);
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        // pg_locks shows an advisory lock's 64-bit key as its two 32-bit halves; joined again, they are the key.
        await using var command = new NpgsqlCommand("""
            select a.pid, a.xact_start
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted
              and l.database = (select oid from pg_database where datname = current_database())
              and (l.classid::bigint << 32) | l.objid::bigint = any($1)
            """, connection);
        command.Parameters.AddWithValue(keys);
        var holders = new List<(int, DateTimeOffset?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            holders.Add((reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1)));
        }
        return holders;
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        using var deadline = new CancellationTokenSource(Bounded);
        while (!await condition())
        {
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Waited {Bounded.TotalSeconds} s for {what}.");
            }
            await Task.Delay(100);
        }
    }
}
