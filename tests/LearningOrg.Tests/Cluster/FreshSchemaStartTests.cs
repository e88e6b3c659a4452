using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Npgsql;
using Weasel.Core;

namespace LearningOrg.Tests.Cluster;

/// <summary>
/// Silos of a new deployment start at the same moment against a schema that does not exist yet: each would create
/// Marten's tables. Every one of them must come up and serve, and the schema they leave must be complete.
/// </summary>
public sealed class FreshSchemaStartTests
{
    private const int Silos = 3;

    [Fact]
    public async Task Three_silos_started_together_on_a_fresh_schema_all_come_up_and_serve()
    {
        var schema = TestDatabase.NewSchema();

        var starting = Enumerable.Range(0, Silos).Select(_ => Task.Run(() => StandaloneSilo.StartAsync(TestDatabase.ConnectionString, schema))).ToArray();
        var started = await Task.WhenAll(starting.Select(Settle));
        try
        {
            var failures = started.Select(s => s.Failure).OfType<Exception>().ToList();
            Assert.True(failures.Count == 0, $"{failures.Count} of {Silos} silos failed to start: {string.Join(" | ", failures.Select(f => f.Message))}");

            var silos = started.Select(s => s.Silo!).ToList();
            for (var i = 0; i < silos.Count; i++)
            {
                await silos[i].Grains.RegisteredSchool($"fresh-{i}");
            }
            using var store = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, TestDatabase.ConnectionString, schema));
            var migration = await store.Storage.Database.CreateMigrationAsync();
            Assert.Equal(SchemaPatchDifference.None, migration.Difference);
        }
        finally
        {
            foreach (var silo in started.Select(s => s.Silo).OfType<StandaloneSilo>())
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Another deployment's schema in the same database is being created, its migration lock held as Marten holds it
    /// meanwhile: a silo that starts on a schema of its own does not wait for that.
    /// </summary>
    [Fact]
    public async Task A_silo_on_a_fresh_schema_does_not_wait_for_another_schema_being_created_in_the_same_database()
    {
        using var other = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, TestDatabase.ConnectionString, TestDatabase.NewSchema()));
        await using var migrating = new NpgsqlConnection(TestDatabase.ConnectionString);
        await migrating.OpenAsync();
        await using (var take = new NpgsqlCommand("select pg_advisory_lock($1)", migrating))
        {
            take.Parameters.AddWithValue((long)other.Options.ApplyChangesLockId);
            await take.ExecuteNonQueryAsync();
        }

        await using var silo = await StandaloneSilo.StartAsync(TestDatabase.ConnectionString, TestDatabase.NewSchema());

        await silo.Grains.RegisteredSchool("beside-a-migration");
    }

    /// <summary>Waits for a start to end either way, so that the silos that did start are stopped.</summary>
    private static async Task<(StandaloneSilo? Silo, Exception? Failure)> Settle(Task<StandaloneSilo> start)
    {
        try
        {
            return (await start, null);
        }
        catch (Exception e)
        {
            return (null, e);
        }
    }
}
