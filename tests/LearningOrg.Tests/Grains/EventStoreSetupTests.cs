using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Npgsql;

namespace LearningOrg.Tests.Grains;

/// <summary>
/// The event store alone (<see cref="MartenSetup.ConfigureEventStore"/>, what the benchmarks' raw baseline writes to)
/// stores an event exactly as the full store does, and brings none of the full store's documents.
/// </summary>
public sealed class EventStoreSetupTests : IAsyncLifetime
{
    private readonly string bareSchema = TestDatabase.NewSchema();
    private readonly string fullSchema = TestDatabase.NewSchema();
    private DocumentStore bare = null!;
    private DocumentStore full = null!;

    public Task InitializeAsync()
    {
        bare = DocumentStore.For(options => MartenSetup.ConfigureEventStore(options, TestDatabase.ConnectionString, bareSchema));
        full = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, TestDatabase.ConnectionString, fullSchema));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        bare.Dispose();
        full.Dispose();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{bareSchema}\" CASCADE; DROP SCHEMA IF EXISTS \"{fullSchema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task An_event_appended_to_the_bare_event_store_is_stored_as_the_full_store_stores_it()
    {
        var decision = new DecisionRecorded("d-1", "Rotate the duty roster", "Timetable", DecisionMode.Shared, ["t-1", "t-2"], EquityFocus: true, "Everyone covers a share")
        {
            OccurredAt = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero),
        };
        await AppendAsync(bare, decision);
        await AppendAsync(full, decision);

        var (bareType, bareData) = await StoredAsync(bareSchema);
        var (fullType, fullData) = await StoredAsync(fullSchema);
        Assert.Equal("DecisionRecorded.v1", fullType);
        Assert.Equal(fullType, bareType);
        Assert.Equal(fullData, bareData);
    }

    [Fact]
    public async Task The_bare_event_store_has_no_documents_or_projections()
    {
        await AppendAsync(bare, new StaffCountChanged(12) { OccurredAt = DateTimeOffset.UtcNow.AddDays(-1) });
        await AppendAsync(full, new StaffCountChanged(12) { OccurredAt = DateTimeOffset.UtcNow.AddDays(-1) });

        Assert.Empty(bare.Options.Projections.All);
        Assert.NotEmpty(full.Options.Projections.All);
        // Marten keeps its own documents (dead letters) beside any event store; ours are the command records and snapshots.
        var bareTables = await DocumentTablesAsync(bareSchema);
        var fullTables = await DocumentTablesAsync(fullSchema);
        Assert.Contains("mt_doc_processed_command", fullTables);
        Assert.Contains(fullTables, t => t.EndsWith("_snapshot", StringComparison.Ordinal));
        Assert.DoesNotContain("mt_doc_processed_command", bareTables);
        Assert.DoesNotContain(bareTables, t => t.EndsWith("_snapshot", StringComparison.Ordinal));
    }

    private static async Task AppendAsync(DocumentStore store, SchoolEvent e)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var session = store.LightweightSession();
        session.Events.Append("school/s-1", e);
        await session.SaveChangesAsync();
    }

    private static async Task<(string Type, string Data)> StoredAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand($"SELECT type, data::text FROM \"{schema}\".mt_events", connection);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetString(1));
    }

    private static async Task<List<string>> DocumentTablesAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = @schema AND table_name LIKE 'mt_doc_%'", connection);
        query.Parameters.AddWithValue("schema", schema);
        var tables = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }
}
