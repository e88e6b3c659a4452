using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningOrg.GrainStorage.AdoNet;

/// <summary>
/// Applies infra/orleans/postgresql/persistence.sql (embedded in this assembly) before the ADO.NET grain storage
/// reads its queries. The script is idempotent and serializes concurrent runs with an advisory lock, so every
/// silo may run it at start.
/// </summary>
public sealed class PersistenceSchema(string connectionString, ILogger<PersistenceSchema> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Before <see cref="Orleans.Configuration.AdoNetGrainStorageOptions.DEFAULT_INIT_STAGE"/>, where the provider loads its queries.</summary>
    public const int InitStage = ServiceLifecycleStage.ApplicationServices - 1;

    public static string Script()
    {
        using var stream = typeof(PersistenceSchema).Assembly.GetManifestResourceStream("LearningOrg.GrainStorage.persistence.sql")
            ?? throw new InvalidOperationException("The embedded persistence.sql is missing from LearningOrg.GrainStorage.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(PersistenceSchema), InitStage, ApplyAsync);

    public async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // A connection string with Search Path keeps the tables in a schema of their own; make sure it exists.
        var schema = builder.SearchPath?.Split(',')[0].Trim();
        if (!string.IsNullOrEmpty(schema))
        {
            await using var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand(Script(), connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Orleans grain storage schema applied on {Host}/{Database} (search path {Schema})", builder.Host, builder.Database, schema ?? "default");
    }
}
