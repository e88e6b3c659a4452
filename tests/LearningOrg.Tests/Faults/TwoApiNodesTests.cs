using System.Net;
using LearningOrg.Api.Http;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Xunit.Abstractions;

namespace LearningOrg.Tests.Faults;

/// <summary>An API node with an embedded silo of its own cluster, on a schema it shares with other nodes.</summary>
public sealed class ApiNode(string schema, string name) : ApiFixture(schema)
{
    protected override string ClusterId => $"{Schema}-{name}";
}

/// <summary>
/// Two API nodes on one store, each with its own cluster: each has its own activation of a school's grain, so both
/// write to the same stream and only the store's expected-version check stands between them.
/// </summary>
public sealed class TwoApiNodesFixture : IAsyncLifetime
{
    private readonly string schema = TestDatabase.NewSchema();

    public ApiNode A { get; private set; } = null!;

    public ApiNode B { get; private set; } = null!;

    public IDocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // One after the other: the first creates the schema, the second finds it.
        A = new ApiNode(schema, "a");
        await A.InitializeAsync();
        B = new ApiNode(schema, "b");
        await B.InitializeAsync();
        Store = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, TestDatabase.ConnectionString, schema));
    }

    public async Task DisposeAsync()
    {
        Store?.Dispose();
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}

/// <summary>Two API nodes writing to one school at once: no acknowledged write is lost, none is overwritten.</summary>
public sealed class TwoApiNodesTests(TwoApiNodesFixture nodes, ITestOutputHelper output) : IClassFixture<TwoApiNodesFixture>
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RetryTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Concurrent_writers_on_two_nodes_lose_no_acknowledged_write_and_leave_no_gap()
    {
        const string school = "two-nodes-busy";
        var a = new HttpCommands(nodes.A);
        var b = new HttpCommands(nodes.B);
        // Callers 0 and 2 write through node A, 1 and 3 through node B, all to the same school.
        var callers = Enumerable.Range(0, 4)
            .Select(c => (IReadOnlyList<PlannedCommand>)[.. Enumerable.Range(0, 25).Select(k => Workload.StaffCount($"busy-{c}-{k}", school, 100 + (c * 100) + k))])
            .ToList();
        var workload = new Workload([Workload.School("busy-register", school)], callers);
        var nodeOf = callers.SelectMany((commands, c) => commands.Select(command => (command.CommandId, Node: c % 2 == 0 ? a : b)))
            .ToDictionary(x => x.CommandId, x => x.Node);
        Send send = command => (nodeOf.GetValueOrDefault(command.CommandId) ?? a).Send(command);

        await workload.SetUpAsync(send);
        await workload.RunAsync(send).WaitAsync(StreamTimeout);

        var refused = workload.FirstAnswers.Values.OfType<Answer.Refused>().ToList();
        output.WriteLine($"{workload.Acknowledged.Count - 1} of {workload.StreamCommands} commands accepted at once; " +
            $"{refused.Count} refused as other writers kept moving the stream.");
        // A writer that lost the race three times in a row is told so, and nothing of its command is recorded.
        Assert.All(refused, r => Assert.Equal("concurrent-writers", r.Code));
        Assert.Empty(workload.FirstAnswers.Values.OfType<Answer.Failed>());

        var unacknowledged = await workload.RetryUnacknowledgedAsync(send, RetryTimeout);

        Assert.Empty(unacknowledged);
        await StoreAudit.AssertExactlyOnceAsync(nodes.Store, [.. workload.All], workload.Acknowledged, new HashSet<string> { $"school/{school}" });
        var stream = await nodes.Store.StreamAsync($"school/{school}");
        Assert.Equal(1 + workload.StreamCommands, stream.Count);
    }

    [Fact]
    public async Task Writers_on_two_nodes_sending_the_same_If_Match_get_one_success_and_the_rest_412()
    {
        const string school = "two-nodes-if-match";
        var a = new HttpCommands(nodes.A);
        var b = new HttpCommands(nodes.B);
        var registered = Assert.IsType<Answer.Accepted>(await a.Send(Workload.School("if-match-register", school)));
        var version = registered.Version;
        var acknowledged = new Dictionary<string, Answer.Accepted> { ["if-match-register"] = registered };
        var commands = new List<PlannedCommand> { Workload.School("if-match-register", school) };

        for (var round = 0; round < 5; round++)
        {
            var contenders = Enumerable.Range(0, 6).Select(w => Workload.StaffCount($"if-match-{round}-{w}", school, 200 + (round * 10) + w)).ToList();
            var etag = CommandHeaders.ETag(version);
            var answers = await Task.WhenAll(contenders.Select((command, w) => (w % 2 == 0 ? a : b).Send(command, etag)));

            var winners = contenders.Zip(answers).Where(x => x.Second is Answer.Accepted).ToList();
            var winner = Assert.Single(winners);
            var accepted = (Answer.Accepted)winner.Second;
            Assert.Equal(version + 1, accepted.Version);
            Assert.All(answers.Where(x => x is not Answer.Accepted), x => Assert.Equal("stale-version", Assert.IsType<Answer.Refused>(x).Code));
            commands.Add(winner.First);
            acknowledged[winner.First.CommandId] = accepted;
            version = accepted.Version;
        }

        Assert.All(a.Problems.Concat(b.Problems), p => Assert.Equal(HttpStatusCode.PreconditionFailed, p.Status));
        // Only the winners were recorded: the losers' commands left nothing behind.
        await StoreAudit.AssertExactlyOnceAsync(nodes.Store, commands, acknowledged, new HashSet<string> { $"school/{school}" });
    }

    [Fact]
    public async Task An_If_Match_with_the_version_the_other_node_wrote_is_accepted_not_refused_as_stale()
    {
        const string school = "two-nodes-catch-up";
        var a = new HttpCommands(nodes.A);
        var b = new HttpCommands(nodes.B);
        Assert.IsType<Answer.Accepted>(await a.Send(Workload.School("catch-up-register", school)));
        var onB = Assert.IsType<Answer.Accepted>(await b.Send(Workload.StaffCount("catch-up-b", school, 41)));

        // Node A's grain last saw version 1; the ETag the caller holds is node B's version 2.
        var onA = await a.Send(Workload.StaffCount("catch-up-a", school, 42), CommandHeaders.ETag(onB.Version));

        Assert.Equal(onB.Version + 1, Assert.IsType<Answer.Accepted>(onA).Version);
        var stream = await nodes.Store.StreamAsync($"school/{school}");
        Assert.Equal(["catch-up-register", "catch-up-b", "catch-up-a"], stream.Select(e => e.CausationId));
    }
}
