using LearningOrg.Bench.Harness;

namespace LearningOrg.Bench;

/// <summary>
/// ./bench.sh [--scale full|quick|smoke] [--only ingest,import,...] [--out docs/benchmarks.md]
/// The database comes from LEARNINGORG_BENCH_DB (bench.sh sets it to the private PostgreSQL's bench database).
/// </summary>
/// <remarks>A class rather than top-level statements: the test project references both this and the API, and each
/// would otherwise bring a global Program type.</remarks>
public static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var scale = BenchScale.Full;
        var only = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? output = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Length:
                    scale = BenchScale.Parse(args[++i]);
                    break;
                case "--only" when i + 1 < args.Length:
                    only.UnionWith(args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--help" or "-h":
                    Console.WriteLine("./bench.sh [--scale full|quick|smoke] [--only name,name] [--out path]");
                    Console.WriteLine("  --scale  full (default; writes docs/benchmarks.md), quick (smaller, for trying a change) or smoke (the test suite's)");
                    Console.WriteLine("  --only   run only these scenarios (comma-separated names below)");
                    Console.WriteLine("  --out    write the report to this path (default: docs/benchmarks.md at full scale, .local/bench/ otherwise)");
                    Console.WriteLine("Scenarios (what each measures: docs/benchmarking.md):");
                    foreach (var scenario in BenchRunner.Scenarios)
                    {
                        Console.WriteLine($"  {scenario.Number}. {scenario.Name}");
                    }
                    return 0;
                default:
                    Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --scale full|quick|smoke, --only name,name, --out path.");
                    Console.Error.WriteLine($"Scenarios: {string.Join(", ", BenchRunner.Scenarios.Select(s => s.Name))}");
                    return 2;
            }
        }
        var connectionString = Environment.GetEnvironmentVariable("LEARNINGORG_BENCH_DB");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.Error.WriteLine("LEARNINGORG_BENCH_DB is not set: run ./bench.sh, which starts PostgreSQL and sets it.");
            return 2;
        }
        // Only a full run replaces the published numbers; smaller runs go next to the private database's files.
        output ??= scale == BenchScale.Full ? "docs/benchmarks.md" : $".local/bench/benchmarks-{scale.Name}.md";
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        var (markdown, _) = await BenchRunner.RunAsync(
            new BenchOptions(scale, connectionString, BenchRunner.FindRepositoryRoot(), only, output), Console.Out, cancellation.Token);
        Console.WriteLine();
        Console.WriteLine(markdown);
        Console.WriteLine($"Written to {output}");
        return 0;
    }
}
