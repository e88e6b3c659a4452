using Marten;
using Npgsql;

namespace LearningOrg.Bench.Scenarios;

/// <summary>The baselines' reads: rows straight from PostgreSQL, read as text, with no deserialization.</summary>
public static class RawSql
{
    /// <summary>
    /// Runs <paramref name="sql"/> ("{schema}" stands for the store's schema, quoted) and reads its first column of
    /// every row as text; returns the characters read, so nothing can be optimized away.
    /// </summary>
    public static async Task<long> ReadTextAsync(IDocumentStore store, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        var schema = store.Options.Events.DatabaseSchemaName.Replace("\"", "\"\"", StringComparison.Ordinal);
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", $"\"{schema}\"", StringComparison.Ordinal), connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        await using var reader = await command.ExecuteReaderAsync();
        long characters = 0;
        while (await reader.ReadAsync())
        {
            characters += reader.GetString(0).Length;
        }
        return characters;
    }
}
