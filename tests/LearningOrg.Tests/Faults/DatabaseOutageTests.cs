using System.Net;
using LearningOrg.Api.Http;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Xunit.Abstractions;

namespace LearningOrg.Tests.Faults;

/// <summary>
/// The real API on a PostgreSQL of the test's own, which the test stops and starts: with its embedded silo, or as a
/// client of a standalone one.
/// </summary>
internal sealed class PrivateDatabaseApi(string connectionString, string schema, StandaloneSilo? silo) : ApiFixture(schema)
{
    protected override string DatabaseConnectionString => connectionString;

    protected override string ClusterId => silo?.ClusterId ?? base.ClusterId;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (silo is not null)
        {
            builder.UseSetting("Orleans:Mode", "Client");
            builder.UseSetting("Orleans:GatewayPort", silo.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

/// <summary>
/// PostgreSQL stops (fast shutdown) and starts again while concurrent callers send commands through the API. While it
/// is down the API answers 503 problem details with Retry-After, never 500; it comes back by itself; the commands that
/// failed, retried with their Idempotency-Keys, land; and everything lands exactly once.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetryTimeout = TimeSpan.FromMinutes(2);

    /// <summary>How many stream commands are answered while the database is down before it starts again.</summary>
    private const int SentDuringOutage = 20;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_database_stopped_and_started_under_load_gives_503s_with_Retry_After_then_recovers_and_loses_nothing(bool standaloneSilo)
    {
        await using var postgres = await PrivatePostgres.StartAsync();
        var schema = TestDatabase.NewSchema();
        // In client mode the grains' failures reach the API serialized, as between processes.
        await using var silo = standaloneSilo ? await StandaloneSilo.StartAsync(postgres.ConnectionString, schema) : null;
        var api = new PrivateDatabaseApi(postgres.ConnectionString, schema, silo);
        await api.InitializeAsync();
        try
        {
            var http = new HttpCommands(api);
            var workload = new Workload("outage", schools: 6, callers: 4, commandsPerCaller: 60);
            await workload.SetUpAsync(http.Send);
            var probeSchool = workload.Schools[0];

            var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stream = workload.RunAsync(http.Send, pauseAfterFailure: TimeSpan.FromMilliseconds(50), secondHalfWaitsFor: down.Task);
            // Every caller has sent its first half and waits: the rest of the stream is sent while the database is down.
            await workload.WaitForAnswersAsync(workload.StreamCommands / 2, StreamTimeout);
            Assert.False(stream.IsCompleted, "The stream must still be running when the database stops.");
            await postgres.StopAsync();

            // A command whose grain is active, a command on a grain to activate, and a read straight from the store.
            Assert.IsType<Answer.Failed>(await workload.SendExtraAsync(http.Send, Workload.StaffCount("outage-probe-down", probeSchool, 77)));
            Assert.IsType<Answer.Failed>(await workload.SendExtraAsync(http.Send, Workload.School("outage-probe-new", "outage-unseen-school")));
            using (var events = await api.Http.GetAsync($"/api/schools/{probeSchool}/events"))
            {
                AssertUnavailable(await HttpCommands.Read(events));
            }
            using (var ready = await api.Http.GetAsync("/health/ready"))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }
            down.SetResult();
            await workload.WaitForAnswersAsync(workload.StreamCommands / 2 + SentDuringOutage, StreamTimeout);

            await postgres.RestartAsync();
            var attempts = await AttemptsUntilAccepted(() => workload.SendExtraAsync(http.Send, Workload.StaffCount("outage-probe-up", probeSchool, 78)));
            await stream.WaitAsync(StreamTimeout);

            var firstFailures = workload.FirstAnswers.Values.OfType<Answer.Failed>().Count();
            output.WriteLine($"{firstFailures} of {workload.StreamCommands} commands failed on their first attempt; " +
                $"after the restart the API accepted a command at attempt {attempts}; {http.Problems.Count} answers were not successes.");
            var failedDuringOutage = workload.SecondHalf.Count(c => workload.FirstAnswers[c.CommandId] is Answer.Failed);
            Assert.True(failedDuringOutage >= SentDuringOutage,
                $"Only {failedDuringOutage} commands of the second half failed; at least {SentDuringOutage} were answered during the outage.");
            Assert.Empty(workload.FirstAnswers.Values.OfType<Answer.Refused>());

            var unacknowledged = await workload.RetryUnacknowledgedAsync(http.Send, RetryTimeout);

            Assert.True(unacknowledged.Count == 0, "Still failing after retries: " +
                string.Join("; ", unacknowledged.Take(5).Select(p => $"{p.Command.CommandId}: {p.Last}")));
            // Every answer that was not a success, during the outage and after it, was a 503 a client can act on.
            Assert.All(http.Problems, AssertUnavailable);
            using var store = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, postgres.ConnectionString, api.Schema));
            await StoreAudit.AssertExactlyOnceAsync(store, [.. workload.All], workload.Acknowledged);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }

    /// <summary>Sends the same command until it is accepted (bounded): the API must come back without help.</summary>
    private static async Task<int> AttemptsUntilAccepted(Func<Task<Answer>> send)
    {
        var deadline = DateTime.UtcNow + RecoveryTimeout;
        for (var attempt = 1; ; attempt++)
        {
            var answer = await send();
            if (answer is Answer.Accepted)
            {
                return attempt;
            }
            Assert.IsType<Answer.Failed>(answer);
            Assert.True(DateTime.UtcNow < deadline, $"The API had not recovered {RecoveryTimeout} after the database came back: {answer}");
            // The pace of a client retrying; the deadline above bounds the wait.
            await Task.Delay(250);
        }
    }

    private static void AssertUnavailable(ProblemResponse problem)
    {
        Assert.True(problem.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503, got {(int)problem.Status}: {problem.Body}");
        Assert.Equal("application/problem+json", problem.MediaType);
        Assert.Equal(Problems.TypePrefix + "unavailable", problem.Type);
        Assert.Equal(ProblemExceptionHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.RetryAfter);
    }
}
