using System.Diagnostics;
using LearningOrg.Api.Security;
using LearningOrg.Bench.Generation;
using LearningOrg.Bench.Harness;
using LearningOrg.Bench.Ingest;
using LearningOrg.EventStore.Telemetry;
using Microsoft.Extensions.Options;

namespace LearningOrg.Bench.Scenarios;

/// <summary>
/// Scenario 1's run, shared with scenario 7 (the API's memory is measured during it): the data set, the raw Marten
/// baseline, then the API process under the same commands.
/// </summary>
public sealed record IngestRun(
    IngestWorkload Workload,
    int Clients,
    TimeSpan Warmup,
    TimeSpan Duration,
    LoadResult Ours,
    LoadResult Grains,
    LoadResult Baseline,
    ApiMemory Memory,
    TimeSpan ApiCpu,
    TimeSpan DriverCpu)
{
    /// <summary>The key the API signs with and the bench signs its token with; only for this run's private API.</summary>
    private const string SigningKey = "bench-only-signing-key-for-the-ingest-scenario-7c3e";

    public static Task<IngestRun> SharedAsync(BenchContext context, CancellationToken cancellationToken) =>
        context.Shared("ingest-run", () => RunAsync(context, cancellationToken));

    private static async Task<IngestRun> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var scale = context.Scale;
        var template = await context.Template;
        var workload = IngestWorkload.Build(template, scale.IngestSchools, scale.IngestClients);
        // Half the measured time first, unmeasured: a freshly started API runs unoptimized code for seconds (the JIT's
        // first tier, slow to be replaced on a busy machine), and the runs measured at quick scale showed it still
        // speeding up after 10 s. Every run gets the same warm-up.
        var warmup = scale.IngestCommandsPerClient is null ? scale.IngestDuration / 2 : TimeSpan.Zero;

        Task<LoadResult> Load<T>(IReadOnlyList<IReadOnlyList<T>> queues, Func<T, CancellationToken, Task<(SendOutcome, string?)>> send) =>
            scale.IngestCommandsPerClient is { } perClient
                ? LoadDriver.RunCountedAsync(queues, send, perClient, cancellationToken)
                : LoadDriver.RunAsync(queues, send, warmup, scale.IngestDuration, cancellationToken);
        context.Say($"Ingest: {workload.Copies} copies of the story ({workload.Schools} schools); {workload.Seeded.Count:N0} events set up per store, " +
            $"{workload.Commands:N0} commands from {workload.Cut:yyyy-MM-dd} on for {scale.IngestClients} clients");

        var apiSchema = await context.FreshSchemaAsync("ingest_api", cancellationToken);
        await using (var silo = await BenchSilo.StartAsync(context.ConnectionString, apiSchema, cancellationToken))
        {
            await RawSeeder.AppendAsync(silo.Store, workload.Seeded, 1_000, cancellationToken);
            await CaughtUpAsync(context, silo, cancellationToken);
        }
        // The same grains without HTTP, on a store of their own: the API layer's share is the difference.
        var grainSchema = await context.FreshSchemaAsync("ingest_grains", cancellationToken);
        LoadResult grains;
        await using (var silo = await BenchSilo.StartAsync(context.ConnectionString, grainSchema, cancellationToken))
        {
            await RawSeeder.AppendAsync(silo.Store, workload.Seeded, 1_000, cancellationToken);
            await CaughtUpAsync(context, silo, cancellationToken);
            context.Say("Ingest: grains called in-process");
            var grainCommands = new GrainCommands(silo.Grains);
            grains = await Load(GrainCommands.Prepare(workload, silo.Store.Options.Serializer()), grainCommands.SendAsync);
            context.Say($"Ingest: grains in-process {grains.AcceptedPerSecond:N0} events/s, p99 {grains.Latency.P99Ms:0.0} ms, {grains.Rejected} rejected");
        }
        var rawSchema = await context.FreshSchemaAsync("ingest_raw", cancellationToken);
        using var raw = RawAppendBaseline.Create(context.ConnectionString, rawSchema);
        await RawSeeder.AppendAsync(raw.Store, workload.Seeded, 1_000, cancellationToken);
        context.Say("Ingest: both stores set up; raw Marten appends");
        var baseline = await Load(raw.Prepare(workload), raw.AppendAsync);
        context.Say($"Ingest: raw Marten {baseline.AcceptedPerSecond:N0} events/s; starting the API");

        var logPath = Path.Combine(context.RepositoryRoot, ".local", "bench", "ingest-api.log");
        await using var api = await ApiProcess.StartAsync(context.RepositoryRoot, context.ConnectionString, apiSchema, SigningKey, logPath, cancellationToken);
        var (_, idleRss) = api.Memory();
        var token = new LocalTokenIssuer(Options.Create(new AuthOptions { SigningKey = SigningKey }), TimeProvider.System)
            .Issue(new Identity("bench-ingest", Roles.Admin));
        using var http = HttpCommands.CreateClient(api.Address, scale.IngestClients, token);
        var commands = new HttpCommands(http);
        var routes = await commands.RoutesAsync(cancellationToken);
        IReadOnlyList<IReadOnlyList<HttpCommand>> queues = [.. workload.Queues.Select(q => (IReadOnlyList<HttpCommand>)[.. q.Select(e => HttpCommands.For(e, routes))])];
        context.Say($"Ingest: API {api.ProcessId} up at {api.Address} ({idleRss:N0} MiB resident); sending commands");
        var (apiCpuBefore, driverCpuBefore) = (api.CpuTime(), Environment.CpuUsage.TotalTime);
        var ours = await Load(queues, commands.SendAsync);
        var (apiCpu, driverCpu) = (api.CpuTime() - apiCpuBefore, Environment.CpuUsage.TotalTime - driverCpuBefore);
        var (peak, current) = api.Memory();
        context.Say($"Ingest: API {ours.AcceptedPerSecond:N0} events/s, p99 {ours.Latency.P99Ms:0.0} ms, " +
            $"{ours.Rejected} rejected, {ours.Errors} errors; VmHWM {peak:N0} MiB");
        return new IngestRun(workload, scale.IngestClients, warmup, scale.IngestCommandsPerClient is null ? scale.IngestDuration : ours.Window, ours, grains, baseline,
            new ApiMemory(idleRss, api.PeakSampledRssMib, peak, current, api.Samples), apiCpu, driverCpu);
    }

    /// <summary>
    /// Waits until the silo's projection daemon has projected the seeded events, so that catching up on the set-up
    /// history is not measured as the cost of the commands (the API's daemon continues from the stored progress).
    /// </summary>
    private static async Task CaughtUpAsync(BenchContext context, BenchSilo silo, CancellationToken cancellationToken)
    {
        var lag = new ProjectionLag(silo.Store);
        var clock = Stopwatch.StartNew();
        while ((await lag.MeasureAsync(cancellationToken)).Events > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException("The projection daemon did not catch up with the seeded events within ten minutes.");
            }
            await Task.Delay(500, cancellationToken);
        }
        context.Say($"Ingest: async projections caught up after {clock.Elapsed.TotalSeconds:0.0} s");
    }
}

/// <summary>The API process's resident memory, in MiB: after start, the highest sample, the kernel's high-water mark, at the end.</summary>
public sealed record ApiMemory(double IdleMib, double PeakSampledMib, double HighWaterMib, double EndMib, long Samples);
