using System.Diagnostics;
using LearningOrg.Bench.Harness;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LearningOrg.Bench.Scenarios;

/// <summary>
/// Issue 7, scenario 6: every projection rebuilt from the bulk store's events by Marten's daemon, against a raw scan
/// of the events table (the read limit).
/// </summary>
public sealed class RebuildScenario : IScenario
{
    /// <summary>Every projection of <see cref="ReadModelSetup"/>: the two inline ones and the async one.</summary>
    public static readonly string[] Projections = [ReadModelSetup.Timeline, ReadModelSetup.EpisodeSpans, ReadModelSetup.SchoolActivity];

    public int Number => 6;

    public string Name => "rebuild";

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var bulk = await context.Shared(BulkStore.Key, () => BulkStore.SeedAsync(context, cancellationToken));
        var beforeScan = await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken);
        var (scanned, scanElapsed) = await ScanAsync(context.ConnectionString, bulk.Schema, cancellationToken);
        var scanWork = await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken) - beforeScan;
        context.Say($"Scanned {scanned:N0} events in {scanElapsed.TotalSeconds:N1} s");

        await using var store = bulk.Open(context.ConnectionString);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        using var daemon = await store.BuildProjectionDaemonAsync(logger: NullLogger.Instance);
        var each = new List<(string Projection, TimeSpan Elapsed, WorkCounters Work)>();
        foreach (var projection in Projections)
        {
            var before = await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken);
            var began = Stopwatch.GetTimestamp();
            await daemon.RebuildProjectionAsync(projection, cancellationToken);
            var took = Stopwatch.GetElapsedTime(began);
            each.Add((projection, took, await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken) - before));
            context.Say($"Rebuilt {projection} in {took.TotalSeconds:N1} s");
        }
        {
            // The indicator table is not replayed through the daemon: IndicatorRebuild computes each school once.
            var before = await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken);
            var began = Stopwatch.GetTimestamp();
            await IndicatorRebuild.RebuildAsync(store, cancellationToken);
            var took = Stopwatch.GetElapsedTime(began);
            each.Add((ReadModelSetup.Indicators, took, await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken) - before));
            context.Say($"Rebuilt {ReadModelSetup.Indicators} in {took.TotalSeconds:N1} s");
        }
        // The rebuilds' own time, without the pauses in which the counters were read.
        var elapsed = TimeSpan.FromTicks(each.Sum(p => p.Elapsed.Ticks));

        var ours = bulk.Events / elapsed.TotalSeconds;
        var scan = scanned / scanElapsed.TotalSeconds;
        return
        [
            new ScenarioReport(Number, "Rebuilding every projection",
                $"The {bulk.Events:N0} events of {(bulk.Import is null ? "a store seeded with the generated events (scenario 2 did not run)" : "scenario 2's import")} " +
                $"are replayed through every projection ({string.Join(", ", Projections)}), one after another, by Marten's projection daemon " +
                "(RebuildProjectionAsync: each projection's documents are emptied, then every event is read and applied in the daemon's batches); " +
                "then the indicator table is built by IndicatorRebuild: each school's history read once, in groups of schools, its monthly rows " +
                "computed once and written by bulk copy. " +
                "Events per second: the store's events over the wall time of all the rebuilds. Baseline: one Npgsql query reading every row " +
                "of mt_events in sequence order, every column including the JSON data (read as text), which is the most a rebuild could read.",
                [
                    new Measurement("LearningOrg: rebuild of every projection", bulk.Events, "events", ours, null,
                        string.Join("; ", each.Select(p => $"{p.Projection} {bulk.Events / p.Elapsed.TotalSeconds:N0} events/s"))),
                    new Measurement("raw scan of mt_events with Npgsql", scanned, "events", scan, null),
                ],
                [
                    TargetCheck.AtLeast("rebuild events/s at least a quarter of the raw scan's", ours / scan, 0.25, "× baseline"),
                    TargetCheck.AtLeast("indicator table rebuild events/s at least a quarter of the raw scan's",
                        bulk.Events / each[^1].Elapsed.TotalSeconds / scan, 0.25, "× baseline"),
                ],
                ours / scan >= 0.25 ? [] :
                [
                    $"Cost per event. Raw scan: {scanWork.PerEvent(scanned)}. " +
                    string.Join(" ", each.Select(p => $"Rebuild of {p.Projection}: {p.Work.PerEvent(bulk.Events)}; this process was busy " +
                        $"{p.Work.Busy(p.Elapsed):0.00} cores of the rebuild's wall time, waiting for PostgreSQL the rest.")),
                    "Each rebuild reads every event again and deserializes it into its event record (the scan reads the JSON as text), and " +
                    "writes its documents with their progress, batch by batch; the episode spans, which write a document for few events, " +
                    "show what reading and deserializing alone cost, and the timeline, which writes an entry (a JSON document with the " +
                    "event's data and summary) for nearly every event, shows what the writes add. The scan writes nothing.",
                ]),
        ];
    }

    /// <summary>Reads every event row, every column; returns the rows read and the time it took.</summary>
    private static async Task<(long Rows, TimeSpan Elapsed)> ScanAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var started = Stopwatch.GetTimestamp();
        await using var command = new NpgsqlCommand($"select * from \"{schema}\".mt_events order by seq_id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync(cancellationToken))
        {
            reader.GetValues(values);
            rows++;
        }
        return (rows, Stopwatch.GetElapsedTime(started));
    }
}
