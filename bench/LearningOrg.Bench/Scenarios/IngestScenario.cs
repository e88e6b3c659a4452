using System.Globalization;
using LearningOrg.Bench.Harness;
using LearningOrg.Bench.Ingest;
using static System.FormattableString;

namespace LearningOrg.Bench.Scenarios;

/// <summary>Issue 7, scenario 1: single-event commands over HTTP from many clients, against raw Marten appends.</summary>
public sealed class IngestScenario : IScenario
{
    public int Number => 1;

    public string Name => "ingest";

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var run = await IngestRun.SharedAsync(context, cancellationToken);
        var (ours, baseline, w) = (run.Ours, run.Baseline, run.Workload);
        var ratio = ours.AcceptedPerSecond / baseline.AcceptedPerSecond;
        var method = Invariant($"{w.Copies} copies of the demo story ({w.Schools} schools, each copy with its teachers, network and initiative). ")
            + Invariant($"Each copy's history before {w.Cut:yyyy-MM-dd} (the story's middle date) was written into both stores beforehand with plain Marten appends; ")
            + Invariant($"the later events that are commands ({w.Commands:N0}; the follow-ups the grains write themselves are left out) were sent in story order, ")
            + Invariant($"each copy by one of {run.Clients} closed-loop clients. Ours: the Release build of src/Api as its own process (embedded silo, PostgreSQL ")
            + "on the same machine), one POST per event with an Idempotency-Key and an administrator's bearer token, over HttpClient with a kept-alive "
            + "connection per client; an event counts when its answer is a 2xx without Idempotent-Replayed (the grain answers after the transaction "
            + "that holds the event, its command record and any snapshot has committed). Baseline: the same events appended by as many writers to a "
            + "bare Marten store (same event names, serializer and metadata, no projections or documents), one transaction per event at the expected "
            + (context.Scale.IngestCommandsPerClient is { } perClient
                ? Invariant($"version. Each run: the first {perClient} commands of every client, all measured, without warm-up. ")
                : Invariant($"version. Each run: {run.Warmup.TotalSeconds:0.#} s of warm-up, then {run.Duration.TotalSeconds:0.#} s measured (less if a client ran out of commands). "))
            + "Latency is per request (per append for the baseline), successful ones only. "
            + "A third row, for diagnosis, sends the same commands straight to the grains in the bench's own silo, on a third store set up the same way.";
        var notes = new List<string>
        {
            Outcomes("Ours", ours),
            Outcomes("Grains in-process", run.Grains),
            Outcomes("Raw Marten", baseline),
            Invariant($"CPU while the API was loaded (warm-up included): the API process {run.ApiCpu.TotalMilliseconds / ours.Completed:0.00} ms per answered request ") +
            Invariant($"({run.ApiCpu.TotalSeconds:0.0} s for {ours.Completed:N0}), the load driver {run.DriverCpu.TotalMilliseconds / ours.Completed:0.00} ms per request; ") +
            "PostgreSQL's share is not measured here (the server is shared).",
        };
        if (ratio < 3)
        {
            // What the diagnostic row and the API's CPU say about where the missing throughput is.
            var apiCpuPerRequest = run.ApiCpu.TotalMilliseconds / ours.Completed;
            var ceiling = Environment.ProcessorCount * 1000 / apiCpuPerRequest;
            notes.Add(Invariant($"Where the time goes: the grains alone, without HTTP, reached {run.Grains.AcceptedPerSecond:N0} events/s ") +
                Invariant($"({run.Grains.AcceptedPerSecond / baseline.AcceptedPerSecond:0.00}x the baseline). Their appends already share transactions ") +
                "(group commit), so what is left there is work per command that raw Marten does not do: the grain call, the rules, the command's " +
                "idempotency record, the inline timeline and episode projections (a read-model document or two per event), and a second command on " +
                "the other aggregate for a two-aggregate event. " +
                Invariant($"HTTP, JSON, authentication and the separate process take the rest ({ours.AcceptedPerSecond / run.Grains.AcceptedPerSecond:0.00}x the in-process rate). ") +
                Invariant($"The ceiling is the CPU: at {apiCpuPerRequest:0.00} ms of the API's CPU per request, its {Environment.ProcessorCount} cores could answer ") +
                Invariant($"at most {ceiling:N0} requests/s even if PostgreSQL and the load driver used none, while 3x the baseline is ") +
                Invariant($"{3 * baseline.AcceptedPerSecond:N0} events/s; the baseline itself spends its CPU in PostgreSQL, on the same two cores."));
        }
        return
        [
            new ScenarioReport(1, "Command ingest over HTTP", method,
                [
                    new Measurement($"LearningOrg API over HTTP, {run.Clients} clients", ours.Accepted, "events", ours.AcceptedPerSecond, ours.Latency,
                        $"{ratio:0.00}x the baseline"),
                    new Measurement($"the same grains called in the bench's process (no HTTP), {run.Clients} callers", run.Grains.Accepted, "events",
                        run.Grains.AcceptedPerSecond, run.Grains.Latency, "diagnostic: the API layer's share is the difference"),
                    new Measurement($"raw Marten, one transaction per event, {run.Clients} writers", baseline.Accepted, "events", baseline.AcceptedPerSecond,
                        baseline.Latency),
                ],
                [
                    TargetCheck.AtLeast("events/s at least 3x raw Marten's", ratio, 3, "x"),
                    TargetCheck.AtMost("p99 latency at most 50 ms", ours.Latency.P99Ms, 50, "ms"),
                ],
                notes),
        ];
    }

    private static string Outcomes(string who, LoadResult result)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{who}: {result.Accepted:N0} accepted, {result.Replayed:N0} replayed, {result.Rejected:N0} rejected, {result.Errors:N0} errors " +
            $"in a {result.Window.TotalSeconds:0.0} s window{(result.RanOut ? " (a client ran out of commands, which ended the window)" : string.Empty)}; " +
            $"accepted in each second of the run, warm-up first: {string.Join(", ", result.AcceptedBySecond)}.");
        if (result.Problems.Count > 0)
        {
            text += " Problems over the whole run: " + string.Join("; ", result.Problems.OrderByDescending(p => p.Value).Take(5).Select(p => $"{p.Value} x {p.Key}")) + ".";
        }
        return text;
    }
}
