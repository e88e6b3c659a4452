using System.Collections.Concurrent;
using LearningOrg.Bench.Generation;
using Npgsql;

namespace LearningOrg.Bench.Harness;

/// <summary>What every scenario shares: the scale, the database, the demo story as recorded, and data sets built once.</summary>
public sealed class BenchContext(BenchScale scale, string connectionString, string repositoryRoot, TextWriter log)
{
    /// <summary>Every schema a run creates starts with this, so a run can drop what an earlier one left.</summary>
    public const string SchemaPrefix = "bench_";

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> shared = new(StringComparer.Ordinal);

    public BenchScale Scale => scale;

    /// <summary>The private PostgreSQL's database the benchmarks write to; each data set has a schema of its own.</summary>
    public string ConnectionString => connectionString;

    public string RepositoryRoot => repositoryRoot;

    public TextWriter Log => log;

    /// <summary>The demo story as the grains recorded it, follow-ups included: the template every generator scales.</summary>
    public Task<StoryTemplate> Template => Shared("template", () => StoryTemplate.RecordAsync(this, CancellationToken.None));

    /// <summary>A schema of this run's own, dropped first if an earlier run left it.</summary>
    public async Task<string> FreshSchemaAsync(string name, CancellationToken cancellationToken)
    {
        var schema = SchemaPrefix + name;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
        return schema;
    }

    /// <summary>A data set built once per run and shared by the scenarios that read it (the 1,000,000-event store, say).</summary>
    public async Task<T> Shared<T>(string key, Func<Task<T>> build)
        where T : class =>
        (T)await shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await build())).Value;

    public void Say(string message) => log.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
