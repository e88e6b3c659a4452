using System.Diagnostics;
using System.Reflection;
using Npgsql;

namespace LearningOrg.Bench.Harness;

/// <summary>What to run and where to write it.</summary>
/// <param name="Only">Scenario names to run (all when empty).</param>
/// <param name="Output">The Markdown report's path; null prints it only.</param>
public sealed record BenchOptions(BenchScale Scale, string ConnectionString, string RepositoryRoot, IReadOnlySet<string> Only, string? Output);

/// <summary>Runs the scenarios in issue 7's order and writes the report. Every <see cref="IScenario"/> of this assembly takes part.</summary>
public static class BenchRunner
{
    public static IReadOnlyList<IScenario> Scenarios { get; } =
    [
        .. typeof(BenchRunner).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IScenario).IsAssignableFrom(t))
            .Select(t => (IScenario)Activator.CreateInstance(t)!)
            .OrderBy(s => s.Number),
    ];

    public static async Task<(string Markdown, IReadOnlyList<ScenarioReport> Reports)> RunAsync(BenchOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await EnsureDatabaseAsync(options.ConnectionString, cancellationToken);
        var context = new BenchContext(options.Scale, options.ConnectionString, options.RepositoryRoot, log);
        var machine = await MachineInfo.ReadAsync(options.ConnectionString, options.RepositoryRoot, cancellationToken);
        var selected = Scenarios.Where(s => options.Only.Count == 0 || options.Only.Contains(s.Name)).ToList();
        var unknown = options.Only.Except(Scenarios.Select(s => s.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown scenario(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Scenarios.Select(s => s.Name))}.");
        }
        context.Say($"Scale {options.Scale.Name} on {machine.Cores} cores, {machine.Memory}; scenarios: {string.Join(", ", selected.Select(s => s.Name))}");
        var reports = new List<ScenarioReport>();
        foreach (var scenario in selected)
        {
            context.Say($"Scenario {scenario.Number} ({scenario.Name}) starts");
            reports.AddRange(await scenario.RunAsync(context, cancellationToken));
            context.Say($"Scenario {scenario.Number} ({scenario.Name}) done");
        }
        // The reading of the numbers is written by hand after a full run; smaller runs are not what it reads.
        var analysisFile = Path.Combine(options.RepositoryRoot, "bench", "LearningOrg.Bench", "Analysis.md");
        var analysis = options.Scale == BenchScale.Full && options.Only.Count == 0 && File.Exists(analysisFile)
            ? await File.ReadAllTextAsync(analysisFile, cancellationToken)
            : null;
        var markdown = MarkdownReport.Write(machine, options.Scale, startedAt, clock.Elapsed, reports, analysis);
        if (options.Output is { } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, markdown, cancellationToken);
        }
        return (markdown, reports);
    }

    /// <summary>Creates the benchmarks' database when the server does not have it yet (the account may create databases).</summary>
    private static async Task EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The checkout this assembly was built in: the first folder up from it that holds LearningOrg.sln.</summary>
    public static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Assembly.GetExecutingAssembly().Location)!); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LearningOrg.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("LearningOrg.sln was not found above the bench's folder.");
    }
}
