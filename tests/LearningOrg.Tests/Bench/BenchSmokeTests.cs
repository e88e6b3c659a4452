using LearningOrg.Bench.Harness;
using LearningOrg.Tests.Infrastructure;
using Npgsql;

namespace LearningOrg.Tests.Bench;

/// <summary>
/// Runs every benchmark scenario at smoke size, so the harness keeps working as the code changes. It checks what each
/// scenario measured and reported, never how fast: times on a shared test machine mean nothing.
/// </summary>
[Trait("Category", "Bench")]
public sealed class BenchSmokeTests(BenchSmokeRun run) : IClassFixture<BenchSmokeRun>
{
    private const int IndicatorCostNumber = 8;

    [Fact]
    public void Every_scenario_reports_a_table()
    {
        var reports = run.Reports;

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], reports.Select(r => r.Number).Distinct().Order());
    }

    [Fact]
    public void Every_table_holds_our_path_and_its_baseline_from_the_same_run_with_work_measured()
    {
        var reports = run.Reports;

        Assert.All(reports.Where(r => r.Number != 7), report =>
        {
            Assert.True(report.Rows.Count >= 2, $"Scenario {report.Number} ({report.Title}) has {report.Rows.Count} rows; it needs ours and a baseline.");
            Assert.All(report.Rows, row => Assert.True(row.Operations > 0, $"{report.Title}: '{row.Subject}' measured no operations."));
            Assert.All(report.Rows, row => Assert.True(row.PerSecond is > 0 || row.Latency is { Count: > 0 },
                $"{report.Title}: '{row.Subject}' has neither a throughput nor latencies."));
        });
    }

    [Fact]
    public void Every_target_of_the_issue_is_checked_against_a_measured_number()
    {
        var reports = run.Reports;

        // Scenario 8 measures what the inline indicator table costs an append: a ratio the issues set no target for.
        Assert.All(reports.Where(r => r.Number != IndicatorCostNumber), report => Assert.NotEmpty(report.Targets));
        Assert.All(reports.SelectMany(r => r.Targets), target => Assert.Matches(@"\d", target.Measured));
    }

    [Fact]
    public void The_report_names_the_machine_and_has_a_section_per_scenario()
    {
        var (markdown, reports) = (run.Markdown, run.Reports);

        Assert.Contains($"| {Environment.ProcessorCount} |", markdown, StringComparison.Ordinal);
        Assert.Contains("fsync on", markdown, StringComparison.Ordinal);
        Assert.All(reports, report => Assert.Contains($"## {report.Number}. {report.Title}", markdown, StringComparison.Ordinal));
    }
}

/// <summary>
/// One smoke run of every scenario, in a database of its own, as bench.sh uses one (the scenarios drop and create
/// their schemas): named for this run, so that two test runs on one server never share it, and dropped at the end.
/// </summary>
public sealed class BenchSmokeRun : IAsyncLifetime
{
    private readonly string database = $"learningorg_bench_smoke_{Guid.NewGuid():N}"[..36];

    public string Markdown { get; private set; } = string.Empty;

    public IReadOnlyList<ScenarioReport> Reports { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.ConnectionString) { Database = database }.ConnectionString;
        var options = new BenchOptions(BenchScale.Smoke, connectionString, TestDatabase.RepositoryRoot(), new HashSet<string>(), Output: null);
        (Markdown, Reports) = await BenchRunner.RunAsync(options, TextWriter.Null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
