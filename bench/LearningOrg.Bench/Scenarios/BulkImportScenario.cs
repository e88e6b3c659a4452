using System.Diagnostics;
using System.IO.Pipelines;
using System.Text.Json;
using JasperFx.Events;
using LearningOrg.Bench.Generation;
using LearningOrg.Bench.Harness;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;
using LearningOrg.Research;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Bench.Scenarios;

/// <summary>
/// Issue 7, scenario 2: the research import of <see cref="BenchScale.ImportEvents"/> events (the product's bulk path),
/// against raw Marten appending the same file's events with quick append, 1,000 to a transaction.
/// </summary>
public sealed class BulkImportScenario : IScenario
{
    public const int BaselineBatch = 1_000;

    public int Number => 2;

    public string Name => "import";

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var template = await context.Template;
        var path = Path.Combine(context.RepositoryRoot, ".local", "bench", $"import-{context.Scale.Name}.ndjson");
        context.Say($"Writing {context.Scale.ImportEvents:N0} events to {path}");
        var file = await ImportFile.WriteAsync(path, ScaledStory.Copies(template, context.Scale.ImportEvents), cancellationToken);
        try
        {
            var store = await context.Shared(BulkStore.Key, () => ImportAsync(context, file, cancellationToken));
            var import = store.Import ?? throw new InvalidOperationException("The bulk store was seeded, not imported: scenario 2 must make it.");
            var (rawEvents, rawElapsed, rawBatches, rawWork) = await RawAppendAsync(context, file, cancellationToken);

            var ours = store.Events / import.Elapsed.TotalSeconds;
            var raw = rawEvents / rawElapsed.TotalSeconds;
            var report = import.Report;
            return
            [
                new ScenarioReport(Number, "Bulk import",
                    $"A file of {file.Lines:N0} lines ({file.Bytes / 1e6:N0} MB) in the export's shape, generated from copies of the demo story, " +
                    "is imported into a fresh schema by the API's Importer (the code behind POST /api/imports) reading it through a PipeReader, " +
                    "with LearningOrg's grains in the same process (BenchSilo: memory grain storage, Marten on PostgreSQL). Events per second " +
                    "count every event the store holds afterwards over the import's wall time. Its latency is the time per " +
                    $"{ImportFile.LinesPerMark:N0} lines of the file: the importer reads on only as lines finish (at most {Importer.Window:N0} in flight). " +
                    $"Baseline: a bare Marten store (the same event type names, serializer settings, metadata columns and event-id index, " +
                    $"AppendMode quick, no projections) appends the same file's events, {BaselineBatch:N0} per transaction, reading and " +
                    "deserializing the lines inside the timed loop; its latency is per transaction.",
                    [
                        new Measurement("LearningOrg import (Importer → grains → Marten)", store.Events, "events", ours, import.Intervals,
                            $"{report.Lines:N0} lines: {report.Accepted:N0} accepted, {report.Skipped:N0} follow-ups skipped (the grains write them again), " +
                            $"{report.Replayed:N0} replayed, {report.RejectedCount:N0} rejected; latency per {ImportFile.LinesPerMark:N0} lines"),
                        new Measurement($"raw Marten quick append, {BaselineBatch:N0} events per transaction", rawEvents, "events", raw, rawBatches,
                            "latency per transaction"),
                    ],
                    [TargetCheck.AtLeast("import events/s at least half of raw Marten's batched quick append", ours / raw, 0.5, "× baseline")],
                    ours / raw >= 0.5 ? [] :
                    [
                        $"Cost per event, import: {import.Work.PerEvent(store.Events)}; this process (importer, grains and the async daemon) " +
                        $"was busy {import.Work.Busy(import.Elapsed):0.00} cores of the import's wall time. " +
                        $"Raw Marten: {rawWork.PerEvent(rawEvents)}; busy {rawWork.Busy(rawElapsed):0.00} cores. " +
                        "Each import line is a command to its aggregate's grain with its own idempotency record: the grain looks the command " +
                        "id up, decides, and appends the event in a transaction of its own that also runs the inline projections (timeline, " +
                        "episode spans); a line that has follow-ups (a registration puts the teacher on the school's staff) sends a second " +
                        $"command. The importer runs at most {Importer.Parallelism} lines at a time, and lines in order per stream. The raw " +
                        $"baseline writes {BaselineBatch:N0} events per transaction with no look-ups, rules or projections. The gap is the " +
                        "per-command work and one commit per event (the transactions counted above include every look-up); group commit (appends of many grains in one transaction) removes " +
                        "most of the commits but not the look-ups and projections.",
                    ]),
            ];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<BulkStore> ImportAsync(BenchContext context, ImportFile file, CancellationToken cancellationToken)
    {
        var schema = await context.FreshSchemaAsync("bulk", cancellationToken);
        await using var silo = await BenchSilo.StartAsync(context.ConnectionString, schema, cancellationToken);
        var importer = new Importer(silo.Grains, silo.Reader, NullLogger<Importer>.Instance);
        var intervals = new Latencies();
        context.Say($"Importing {file.Lines:N0} lines into {schema}");
        var before = await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        ImportReport report;
        await using (var stream = new MarkedReadStream(File.OpenRead(file.Path), file.Marks, intervals))
        {
            report = await importer.ImportAsync(PipeReader.Create(stream), "bench", cancellationToken);
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var work = await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken) - before;
        if (report.RejectedCount > 0)
        {
            var first = report.Rejected[0];
            throw new InvalidOperationException($"The import rejected {report.RejectedCount} lines; line {first.Line}: {first.Code} {first.Reason}");
        }
        var events = await BulkStore.CountEventsAsync(context.ConnectionString, schema, cancellationToken);
        context.Say($"Imported {events:N0} events in {elapsed.TotalSeconds:N1} s");
        return new BulkStore(schema, events, new ImportRun(file.Lines, file.Bytes, report, elapsed, intervals.Summarize(), work));
    }

    private static async Task<(long Events, TimeSpan Elapsed, LatencySummary Batches, WorkCounters Work)> RawAppendAsync(
        BenchContext context, ImportFile file, CancellationToken cancellationToken)
    {
        var schema = await context.FreshSchemaAsync("bulk_raw", cancellationToken);
        await using var store = DocumentStore.For(options =>
        {
            options.Connection(context.ConnectionString);
            options.DatabaseSchemaName = schema;
            options.Events.DatabaseSchemaName = schema;
            options.AutoCreateSchemaObjects = JasperFx.AutoCreate.CreateOrUpdate;
            MartenSetup.ConfigureEvents(options);
            options.Events.AppendMode = EventAppendMode.Quick;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var serializer = store.Options.Serializer();
        var batches = new Latencies();
        context.Say($"Raw Marten: appending {file.Lines:N0} events into {schema}");
        long written = 0;
        var before = await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        foreach (var chunk in File.ReadLines(file.Path).Chunk(BaselineBatch))
        {
            await using var session = store.LightweightSession();
            foreach (var line in chunk)
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var type = EventCatalog.Find(root.GetProperty("type").GetString()!)!.ClrType;
                var data = (DomainEvent)serializer.FromJson(type, new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(root.GetProperty("data"))));
                session.Events.Append(root.GetProperty("streamId").GetString()!, data);
            }
            await batches.Time(async () =>
            {
                await session.SaveChangesAsync(cancellationToken);
                return true;
            });
            written += chunk.Length;
        }
        var elapsed = Stopwatch.GetElapsedTime(started);
        var work = await WorkCounters.ReadAsync(context.ConnectionString, cancellationToken) - before;
        context.Say($"Raw Marten appended {written:N0} events in {elapsed.TotalSeconds:N1} s");
        return (written, elapsed, batches.Summarize(), work);
    }
}
