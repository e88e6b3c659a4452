namespace LearningOrg.Bench.Harness;

/// <summary>
/// How big a run is. <see cref="Full"/> is the size issue 7 names and the one docs/benchmarks.md reports;
/// <see cref="Quick"/> keeps the shapes at a tenth of the volume for trying a change; <see cref="Smoke"/> is what the
/// test suite runs to keep the harness working (its numbers mean nothing).
/// </summary>
/// <param name="IngestClients">Concurrent HTTP clients (and raw Marten writers) in scenario 1.</param>
/// <param name="IngestSchools">Schools the commands of scenario 1 spread over.</param>
/// <param name="IngestDuration">How long scenario 1's measured phase sends commands, for each of its two runs.</param>
/// <param name="ImportEvents">Events in the bulk import of scenario 2; scenario 6 rebuilds the projections over them.</param>
/// <param name="LongSchoolEvents">Events in the school stream that scenarios 3 to 5 read.</param>
/// <param name="NetworkSchools">Member schools of the network that scenario 5 compares.</param>
/// <param name="StateNetworkSchools">Member schools of the state-sized network scenario 5 compares too (issue 14's 2,000).</param>
/// <param name="IndicatorCostEvents">Events scenario 8 appends, one per transaction, with the inline indicator projection on and off.</param>
/// <param name="Samples">Measured operations per in-process latency benchmark.</param>
/// <param name="IngestCommandsPerClient">
/// When set, scenario 1 measures this many commands per client instead of a time window, so that it measures work
/// whatever the machine's speed.
/// </param>
public sealed record BenchScale(
    string Name,
    int IngestClients,
    int IngestSchools,
    TimeSpan IngestDuration,
    int ImportEvents,
    int LongSchoolEvents,
    int NetworkSchools,
    int Samples,
    int StateNetworkSchools,
    int IndicatorCostEvents,
    int? IngestCommandsPerClient = null)
{
    public static BenchScale Full { get; } = new("full", 64, 1_000, TimeSpan.FromSeconds(30), 1_000_000, 10_000, 200, 200, 2_000, 20_000);

    public static BenchScale Quick { get; } = new("quick", 64, 1_000, TimeSpan.FromSeconds(10), 100_000, 10_000, 200, 50, 1_000, 2_000);

    // Smoke ingest sends a fixed number of commands per client: a loaded test machine may answer none within a short
    // time window.
    public static BenchScale Smoke { get; } = new("smoke", 4, 60, TimeSpan.FromSeconds(1), 3_000, 600, 6, 5, 9, 150, IngestCommandsPerClient: 40);

    public static BenchScale Parse(string name) => name.ToLowerInvariant() switch
    {
        "full" => Full,
        "quick" => Quick,
        "smoke" => Smoke,
        _ => throw new ArgumentException($"Unknown scale '{name}': use full, quick or smoke.", nameof(name)),
    };
}
