using JasperFx.Events.Daemon;
using LearningOrg.Domain.Schools;
using LearningOrg.Grains.Hosting;
using LearningOrg.Grains.Persistence;
using LearningOrg.Grains.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Tests.Cluster;

/// <summary>
/// Two nodes run the async daemon against one schema, registered as the silos register it. Exactly one projects;
/// when it stops mid-work the other takes over, and the monthly counts equal a recount of the events: nothing lost,
/// nothing counted twice.
/// </summary>
public sealed class HotColdDaemonTests : IAsyncLifetime
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(90);
    private readonly string schema = TestDatabase.NewSchema();
    private DocumentStore writer = null!;
    private readonly List<IHost> nodes = [];

    public async Task InitializeAsync()
    {
        writer = DocumentStore.For(options => MartenSetup.Configure(options, TestDatabase.ConnectionString, schema));
        await writer.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.StopAsync();
            node.Dispose();
        }
        writer.Dispose();
    }

    [Fact]
    public async Task One_node_projects_and_the_other_takes_over_when_it_stops_without_losing_or_repeating_work()
    {
        var first = await StartNode();
        var second = await StartNode();
        await AppendSchools("before", schools: 10, eventsEach: 60);

        var active = await Eventually(() => ActiveNodes() is [var only] && Progress(only) > 0 ? only : null, "one node projecting");
        var cold = active == first ? second : first;
        Assert.Empty(Agents(cold));

        // More work arrives, and the node doing it goes away at once.
        await AppendSchools("during", schools: 10, eventsEach: 200);
        await active.StopAsync();
        nodes.Remove(active);
        active.Dispose();
        await AppendSchools("after", schools: 5, eventsEach: 40);

        var highWater = await HighestSequence();
        await Eventually(() => Agents(cold).Count > 0 && Progress(cold) >= highWater ? cold : null, "the other node caught up");

        Assert.Equal(await Recount(), await Projected());
    }

    [Fact]
    public void Every_schema_has_a_daemon_lock_of_its_own()
    {
        static int LockOf(string schema)
        {
            var options = new StoreOptions();
            MartenSetup.Configure(options, TestDatabase.ConnectionString, schema);
            return options.Projections.DaemonLockId;
        }

        // Two stores configured for one schema (two nodes) compete for one lock; another schema has another.
        Assert.Equal(LockOf("a_schema"), LockOf("a_schema"));
        Assert.Equal(ProjectionDaemon.LockIdFor("a_schema"), LockOf("a_schema"));
        Assert.NotEqual(LockOf("a_schema"), LockOf("another_schema"));
    }

    private async Task<IHost> StartNode()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{LearningOrgHosting.ConnectionStringName}"] = TestDatabase.ConnectionString,
            ["LearningOrg:Schema"] = schema,
        });
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("LEARNINGORG_DAEMON_LOG") is { } log)
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Information);
        }
        builder.Services.AddLearningOrgStore(builder.Configuration, runProjectionDaemon: true);
        var host = builder.Build();
        await host.StartAsync();
        nodes.Add(host);
        return host;
    }

    private List<IHost> ActiveNodes() => [.. nodes.Where(n => Agents(n).Count > 0)];

    private static IReadOnlyList<object> Agents(IHost node) =>
        [.. node.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase().CurrentAgents()];

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
                var seen = string.Join("; ", nodes.Select((n, i) => $"node {i}: {Agents(n).Count} agents, progress {Progress(n)}"));
                throw new TimeoutException($"Waited {Bounded.TotalSeconds} s for {what}; {seen}.");
            }
            await Task.Delay(200);
        }
    }
}
