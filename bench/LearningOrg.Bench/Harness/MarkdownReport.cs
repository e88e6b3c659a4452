using System.Globalization;
using System.Text;

namespace LearningOrg.Bench.Harness;

/// <summary>docs/benchmarks.md: the machine, a summary of the targets, then a table per scenario.</summary>
public static class MarkdownReport
{
    /// <param name="analysis">
    /// The hand-written reading of a full run (bench/LearningOrg.Bench/Analysis.md), appended as it is: what limits the
    /// targets that were missed, with the evidence. It names the run it was written from, since numbers move.
    /// </param>
    public static string Write(MachineInfo machine, BenchScale scale, DateTimeOffset startedAt, TimeSpan took, IReadOnlyList<ScenarioReport> reports, string? analysis = null)
    {
        var md = new StringBuilder();
        Line(md, "# Benchmarks");
        Line(md);
        Line(md, $"Written by `./bench.sh` (scale `{scale.Name}`) on {startedAt:yyyy-MM-dd HH:mm} UTC at commit `{machine.Commit}`; the run took {took.TotalMinutes:0.0} minutes.");
        Line(md, "Every baseline was measured in the same run as what it is compared with, on the same database server, so a ratio");
        Line(md, "holds even when the machine is noisy. Latencies are per operation: median, 95th and 99th percentile (nearest rank).");
        Line(md, "Run it again with `./bench.sh`; `./bench.sh --scale quick` runs the same scenarios at a tenth of the volume.");
        Line(md);
        Line(md, "## Machine");
        Line(md);
        Line(md, "| cores | memory | CPU | OS | .NET | PostgreSQL |");
        Line(md, "|---|---|---|---|---|---|");
        Line(md, $"| {machine.Cores} | {machine.Memory} | {machine.Cpu} | {machine.OperatingSystem} | {machine.Runtime} | {machine.PostgreSql} |");
        Line(md);
        Line(md, "## Targets");
        Line(md);
        Line(md, "| scenario | target | measured | |");
        Line(md, "|---|---|---|---|");
        foreach (var report in reports)
        {
            foreach (var target in report.Targets)
            {
                Line(md, $"| {report.Number}. {report.Title} | {target.Target} | {target.Measured} | {(target.Verdict == Verdict.Met ? "met" : "**missed**")} |");
            }
        }
        foreach (var report in reports)
        {
            Line(md);
            Line(md, $"## {report.Number}. {report.Title}");
            Line(md);
            Line(md, report.Method);
            Line(md);
            Line(md, "| | operations | per second | median ms | p95 ms | p99 ms | note |");
            Line(md, "|---|---:|---:|---:|---:|---:|---|");
            foreach (var row in report.Rows)
            {
                var latency = row.Latency;
                Line(md, $"| {row.Subject} | {row.Operations:N0} {row.Unit} | {Number(row.PerSecond, "N0")} | {Number(latency?.MedianMs, "0.00")} | {Number(latency?.P95Ms, "0.00")} | {Number(latency?.P99Ms, "0.00")} | {row.Note} |");
            }
            if (report.Targets.Count > 0)
            {
                Line(md);
                foreach (var target in report.Targets)
                {
                    Line(md, $"- Target: {target.Target}. Measured: {target.Measured}: {(target.Verdict == Verdict.Met ? "met" : "**missed**")}.");
                }
            }
            foreach (var note in report.Notes)
            {
                Line(md);
                Line(md, note);
            }
        }
        if (!string.IsNullOrWhiteSpace(analysis))
        {
            Line(md);
            md.Append(analysis.TrimEnd()).Append('\n');
        }
        return md.ToString();
    }

    private static string Number(double? value, string format) =>
        value is { } v && !double.IsNaN(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "";

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
