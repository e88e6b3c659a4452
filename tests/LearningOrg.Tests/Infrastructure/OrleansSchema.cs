using Npgsql;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// Applies infra/orleans/postgresql/clustering.sql, the same file infra/orleans-schema.sh applies, to a schema of
/// the test's own, so that test clusters never see each other's membership.
/// </summary>
public static class OrleansSchema
{
    public static string ClusteringScript => Path.Combine(TestDatabase.RepositoryRoot(), "infra", "orleans", "postgresql", "clustering.sql");

    /// <summary>The test database's connection string with its search path on <paramref name="schema"/>.</summary>
    public static string ConnectionString(string schema) =>
        new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { SearchPath = schema }.ConnectionString;

    public static async Task ApplyAsync(string schema)
    {
        var sql = await File.ReadAllTextAsync(ClusteringScript);
        await using var connection = new NpgsqlConnection(ConnectionString(schema));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"create schema if not exists {schema}", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using var apply = new NpgsqlCommand(sql, connection);
        await apply.ExecuteNonQueryAsync();
    }

    /// <summary>For fixtures that build their cluster synchronously (TestClusterBuilder's configuration).</summary>
    public static void Apply(string schema)
    {
        using var connection = new NpgsqlConnection(ConnectionString(schema));
        connection.Open();
        using (var create = new NpgsqlCommand($"create schema if not exists {schema}", connection))
        {
            create.ExecuteNonQuery();
        }
        using var apply = new NpgsqlCommand(File.ReadAllText(ClusteringScript), connection);
        apply.ExecuteNonQuery();
    }
}
