using LearningOrg.Bench.Generation;
using LearningOrg.Bench.Harness;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using Marten;
using Npgsql;

namespace LearningOrg.Bench.Scenarios;

/// <summary>
/// The store of <see cref="BenchScale.ImportEvents"/> events that scenario 2 imports and scenario 6 rebuilds the
/// projections of; shared through <see cref="BenchContext.Shared{T}"/> under <see cref="Key"/>.
/// </summary>
/// <param name="Events">Events in the store's event table.</param>
/// <param name="Import">How the import went, when the store was made by scenario 2's import (null when seeded).</param>
public sealed record BulkStore(string Schema, long Events, ImportRun? Import)
{
    public const string Key = "bulk-store";

    /// <summary>A store configured as LearningOrg's own (projections included), on the bulk store's schema.</summary>
    public DocumentStore Open(string connectionString) =>
        DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, connectionString, Schema));

    /// <summary>
    /// The store for a scenario that runs without scenario 2 (--only rebuild): the same generated events written
    /// straight into the store, many to a transaction.
    /// </summary>
    public static async Task<BulkStore> SeedAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var template = await context.Template;
        var schema = await context.FreshSchemaAsync("bulk", cancellationToken);
        context.Say($"Seeding {context.Scale.ImportEvents:N0} events into {schema} (scenario 2 did not run)");
        var store = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, context.ConnectionString, schema));
        await using (store)
        {
            await RawSeeder.AppendAsync(store, ScaledStory.Copies(template, context.Scale.ImportEvents), 1_000, cancellationToken);
        }
        return new BulkStore(schema, await CountEventsAsync(context.ConnectionString, schema, cancellationToken), null);
    }

    public static async Task<long> CountEventsAsync(string connectionString, string schema, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand($"select count(*) from \"{schema}\".mt_events", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>What scenario 2's import measured.</summary>
/// <param name="Lines">Lines in the file.</param>
/// <param name="Report">The importer's own answer.</param>
/// <param name="Intervals">Time per <see cref="ImportFile.LinesPerMark"/> lines, as the importer read through the file.</param>
/// <param name="Work">What the import cost in CPU and database work.</param>
public sealed record ImportRun(long Lines, long FileBytes, LearningOrg.Research.ImportReport Report, TimeSpan Elapsed, LatencySummary Intervals, WorkCounters Work);
