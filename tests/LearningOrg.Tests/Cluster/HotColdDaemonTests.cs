using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace LearningOrg.Tests.Cluster;

/// <summary>
/// Two nodes run the async daemon against one schema, registered as the silos register it. Exactly one projects;
/// when it stops mid-work the other takes over, and the monthly counts equal a recount of the events: nothing lost,
/// nothing counted twice.
/// </summary>
public sealed class HotColdDaemonTests : IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(90);
    private readonly DaemonSchema schema = new();

    private DocumentStore writer => schema.Store;

    public Task InitializeAsync() => schema.InitializeAsync();

    public Task DisposeAsync() => schema.DisposeAsync();

    [Fact]
    public async Task One_node_projects_and_the_other_takes_over_when_it_stops_without_losing_or_repeating_work()
    {
        var first = await schema.StartNodeAsync();
        var second = await schema.StartNodeAsync();
        await AppendSchools("before", schools: 10, eventsEach: 60);

        var active = await Eventually(() => ActiveNodes() is [var only] && Progress(only) > 0 ? only : null, "one node projecting");
        var cold = active == first ? second : first;
        Assert.Empty(Agents(cold));

        // More work arrives, and the node doing it goes away at once.
        await AppendSchools("during", schools: 10, eventsEach: 200);
        await schema.StopNodeAsync(active);
        await AppendSchools("after", schools: 5, eventsEach: 40);

        var highWater = await HighestSequence();
        await Eventually(() => Agents(cold).Count > 0 && Progress(cold) >= highWater ? cold : null, "the other node caught up");

        Assert.Equal(await Recount(), await Projected());
    }

    /// <summary>
    /// Nodes on one schema compete for its shards' locks, and another schema's daemon never waits on them: a node on
    /// each of two schemas projects at once, each holding in PostgreSQL the lock ids of its own schema's shards. Marten's
    /// gap detector knows its own daemon's sessions only by these ids, and only when they are not negative.
    /// </summary>
    [Fact]
    public async Task Each_schemas_daemon_holds_lock_ids_of_its_own_that_Marten_knows_as_its_daemons()
    {
        var other = new DaemonSchema();
        await other.InitializeAsync();
        try
        {
            var mine = await schema.StartNodeAsync();
            var theirs = await other.StartNodeAsync();
            var myLocks = DaemonSchema.LockIds(schema.Store);
            var theirLocks = DaemonSchema.LockIds(other.Store);

            await Eventually(() => Agents(mine).Count > 0 && Agents(theirs).Count > 0 ? mine : null, "both schemas' nodes projecting");
            var held = await HeldAdvisoryLocksAsync(myLocks.Concat(theirLocks));

            Assert.NotEmpty(myLocks);
            Assert.Empty(myLocks.Intersect(theirLocks));
            Assert.Subset(held, myLocks.ToHashSet());
            Assert.Subset(held, theirLocks.ToHashSet());
            Assert.All(myLocks.Concat(theirLocks), id => Assert.InRange(id, 0, int.MaxValue));
        }
        finally
        {
            await other.DisposeAsync();
        }
    }

    /// <summary>Which of these advisory lock ids some session holds now, waiting (bounded) until all of them are.</summary>
    private static async Task<HashSet<long>> HeldAdvisoryLocksAsync(IEnumerable<long> ids)
    {
        var wanted = ids.ToHashSet();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        using var timeout = new CancellationTokenSource(Bounded);
        while (true)
        {
            // A bigint advisory key is split into classid (high half) and objid (low half), objsubid 1.
            await using var command = new NpgsqlCommand("""
                select (classid::bigint << 32) | objid::bigint from pg_locks
                where locktype = 'advisory' and objsubid = 1 and granted
                  and database = (select oid from pg_database where datname = current_database())
                """, connection);
            var held = new HashSet<long>();
            await using (var reader = await command.ExecuteReaderAsync(timeout.Token))
            {
                while (await reader.ReadAsync(timeout.Token))
                {
                    held.Add(reader.GetInt64(0));
                }
            }
            held.IntersectWith(wanted);
            if (held.SetEquals(wanted) || timeout.IsCancellationRequested)
            {
                return held;
            }
            await Task.Delay(100, timeout.Token);
        }
    }

    private List<IHost> ActiveNodes() => [.. schema.Nodes.Where(n => Agents(n).Count > 0)];

    private static IReadOnlyList<object> Agents(IHost node) => DaemonSchema.Agents(node);

    /// <summary>The highest sequence the activity projection has committed, as this node's store reads it.</summary>
    private static long Progress(IHost node)
    {
        var store = node.Services.GetRequiredService<IDocumentStore>();
        var progress = store.Advanced.AllProjectionProgress().GetAwaiter().GetResult();
        return progress.Where(p => p.ShardName.StartsWith(ReadModelSetup.SchoolActivity, StringComparison.Ordinal))
            .Select(p => p.Sequence).DefaultIfEmpty(0).Max();
    }

    private async Task<long> HighestSequence()
    {
        await using var session = writer.QuerySession();
        return await session.Events.QueryAllRawEvents().MaxAsync(e => e.Sequence);
    }

    /// <summary>Schools with events spread over many months, appended in several transactions.</summary>
    private async Task AppendSchools(string prefix, int schools, int eventsEach)
    {
        var start = new DateTimeOffset(2021, 1, 4, 9, 0, 0, TimeSpan.Zero);
        for (var s = 0; s < schools; s++)
        {
            await using var session = writer.LightweightSession();
            var events = new List<object> { new SchoolRegistered($"{prefix} {s}", "North", 30) { OccurredAt = start } };
            events.AddRange(Enumerable.Range(1, eventsEach - 1).Select(i => i % 3 == 0
                ? (object)new LeadershipStageAssessed(LeadershipStage.Emerging, "observed in meetings", "assessor") { OccurredAt = start.AddDays(i * 5) }
                : new StaffCountChanged(30 + i) { OccurredAt = start.AddDays(i * 5) }));
            session.Events.StartStream(StreamKeys.For(StreamKeys.School, $"{prefix}-{s}"), events);
            await session.SaveChangesAsync();
        }
    }

    private async Task<string[]> Recount()
    {
        await using var session = writer.QuerySession();
        var events = await session.Events.QueryAllRawEvents().ToListAsync();
        return [.. events
            .Where(e => e.Data is SchoolEvent)
            .GroupBy(e => SchoolMonthActivity.IdFor(StreamKeys.Parse(e.StreamKey!).Id, SchoolMonthActivity.MonthOf(((SchoolEvent)e.Data).OccurredAt)))
            .SelectMany(g => g.GroupBy(e => LearningOrg.Domain.EventCatalog.For(e.Data.GetType()).Kind)
                .Select(k => $"{g.Key} {k.Key} {k.Count()}"))
            .Order(StringComparer.Ordinal)];
    }

    private async Task<string[]> Projected()
    {
        await using var session = writer.QuerySession();
        var documents = await session.Query<SchoolMonthActivity>().ToListAsync();
        Assert.All(documents, d => Assert.Equal(d.ByKind.Values.Sum(), d.Events));
        return [.. documents.SelectMany(d => d.ByKind.Select(k => $"{d.Id} {k.Key} {k.Value}")).Order(StringComparer.Ordinal)];
    }

    private async Task<T> Eventually<T>(Func<T?> probe, string what)
        where T : class
    {
        using var timeout = new CancellationTokenSource(Bounded);
        while (true)
        {
            if (probe() is { } found)
            {
                return found;
            }
            if (timeout.IsCancellationRequested)
            {
                var seen = string.Join("; ", schema.Nodes.Select((n, i) => $"node {i}: {Agents(n).Count} agents, progress {Progress(n)}"));
                throw new TimeoutException($"Waited {Bounded.TotalSeconds} s for {what}; {seen}.");
            }
            await Task.Delay(200);
        }
    }
}
