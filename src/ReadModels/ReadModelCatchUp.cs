using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningOrg.ReadModels;

/// <summary>Which build of the read models a store holds; see <see cref="ReadModelSetup.CurrentBuild"/>.</summary>
public sealed record ReadModelBuild(string Id, int Build, DateTimeOffset BuiltAt)
{
    public const string Key = "read-models";
}

/// <summary>
/// At start, builds the read models from the recorded events when the store's build is behind
/// <see cref="ReadModelSetup.CurrentBuild"/>: a store whose events were appended before the projections existed, or
/// before they changed. A fresh store is only marked current; the inline projections keep it so. Processes that
/// start together on one store take turns (a PostgreSQL advisory lock), so one builds and the others find it done.
/// </summary>
public sealed class ReadModelCatchUp(IDocumentStore store, TimeProvider clock, ILogger<ReadModelCatchUp> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await Advisory(connection, "pg_advisory_lock", cancellationToken);
        try
        {
            await CatchUpAsync(cancellationToken);
        }
        finally
        {
            await Advisory(connection, "pg_advisory_unlock", CancellationToken.None);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<ReadModelBuild>(ReadModelBuild.Key, cancellationToken) is { } done && done.Build >= ReadModelSetup.CurrentBuild)
        {
            return;
        }
        if (await session.Events.QueryAllRawEvents().AnyAsync(cancellationToken))
        {
            logger.LogInformation("Building the read models (build {Build}) from the recorded events", ReadModelSetup.CurrentBuild);
            await ReadModelSetup.RebuildAsync(store, logger, cancellationToken);
            logger.LogInformation("Read models built");
        }
        session.Store(new ReadModelBuild(ReadModelBuild.Key, ReadModelSetup.CurrentBuild, clock.GetUtcNow()));
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Takes or releases the lock of this schema's read models (several schemas may share a database).</summary>
    private async Task Advisory(NpgsqlConnection connection, string function, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"select {function}(hashtext($1))", connection);
        command.Parameters.AddWithValue($"learningorg.read-models.{store.Options.DatabaseSchemaName}");
        await command.ExecuteScalarAsync(cancellationToken);
    }
}
