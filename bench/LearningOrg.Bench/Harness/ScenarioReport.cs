namespace LearningOrg.Bench.Harness;

/// <summary>One row of a scenario's table: ours or the baseline measured beside it in the same run.</summary>
/// <param name="Subject">What ran, e.g. "LearningOrg over HTTP" or "raw Marten, one transaction per event".</param>
/// <param name="Operations">How many operations (commands, events, reads) were measured.</param>
/// <param name="PerSecond">Throughput in <paramref name="Unit"/> per second, where the scenario is about throughput.</param>
/// <param name="Latency">Per-operation latency, where it was measured.</param>
public sealed record Measurement(string Subject, long Operations, string Unit, double? PerSecond, LatencySummary? Latency, string? Note = null);

public enum Verdict
{
    Met,
    Missed,
}

/// <summary>A target of the issue and what this run measured against it.</summary>
public sealed record TargetCheck(string Target, string Measured, Verdict Verdict)
{
    public static TargetCheck AtMost(string target, double measured, double limit, string unit) =>
        new(target, $"{measured:0.##} {unit}", measured <= limit ? Verdict.Met : Verdict.Missed);

    public static TargetCheck AtLeast(string target, double measured, double limit, string unit) =>
        new(target, $"{measured:0.##} {unit}", measured >= limit ? Verdict.Met : Verdict.Missed);
}

/// <summary>What one scenario found: its table, its targets, and how it was measured.</summary>
/// <param name="Method">How the numbers were taken, in a sentence or two, for the reader who wants to reproduce them.</param>
/// <param name="Notes">What limits a missed target, with the evidence; anything else the reader should know.</param>
public sealed record ScenarioReport(
    int Number,
    string Title,
    string Method,
    IReadOnlyList<Measurement> Rows,
    IReadOnlyList<TargetCheck> Targets,
    IReadOnlyList<string> Notes);
