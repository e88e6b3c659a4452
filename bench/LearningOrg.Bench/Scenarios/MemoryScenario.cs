using System.Globalization;
using LearningOrg.Bench.Harness;
using static System.FormattableString;

namespace LearningOrg.Bench.Scenarios;

/// <summary>Issue 7, scenario 7: the API process's peak resident memory during scenario 1 (the same run).</summary>
public sealed class MemoryScenario : IScenario
{
    private const double MiB = 1024.0 * 1024.0;

    public int Number => 7;

    public string Name => "memory";

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var run = await IngestRun.SharedAsync(context, cancellationToken);
        var memory = run.Memory;
        var highWaterMb = memory.HighWaterMib * MiB / 1_000_000;
        var method = Invariant($"The API process of scenario 1 (same run): VmRSS from /proc/<pid>/status sampled every 200 ms from its start to the end of the load ")
            + Invariant($"({memory.Samples:N0} samples), and VmHWM, the kernel's record of its peak resident set, read at the end of the load. ")
            + "Sizes in MiB; the target is checked in MB (10^6 bytes).";
        return
        [
            new ScenarioReport(7, "Memory of the API process under ingest", method,
                [
                    Row("after start, before the load (VmRSS)", memory.IdleMib),
                    Row("highest VmRSS sample during scenario 1", memory.PeakSampledMib),
                    Row("at the end of the load (VmRSS)", memory.EndMib),
                    Row("peak resident set (VmHWM)", memory.HighWaterMib),
                ],
                [TargetCheck.AtMost("peak resident memory at most 500 MB", highWaterMb, 500, "MB")],
                []),
        ];
    }

    private static Measurement Row(string subject, double mib) => new(subject, (long)Math.Round(mib), "MiB", null, null);
}
