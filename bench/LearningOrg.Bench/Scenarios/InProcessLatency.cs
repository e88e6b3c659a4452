using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using LearningOrg.Bench.Harness;
using Perfolizer.Mathematics.OutlierDetection;

namespace LearningOrg.Bench.Scenarios;

/// <summary>
/// Runs a BenchmarkDotNet class in this process with one operation per iteration, so BenchmarkDotNet's iteration
/// measurements are per-operation latencies; all of them count (a p95 must see the slow ones).
/// </summary>
public static class InProcessLatency
{
    private const int WarmUps = 3;

    /// <summary>How <see cref="Run{TBenchmarks}"/> measures, in a sentence for a report's method.</summary>
    public static string Method(BenchContext context) =>
        $"BenchmarkDotNet in-process, one operation per iteration, {context.Scale.Samples} iterations after {WarmUps} warm-ups, none dropped as outliers. ";

    /// <summary>Each benchmark method's latencies, by method name.</summary>
    public static IReadOnlyDictionary<string, LatencySummary> Run<TBenchmarks>(BenchContext context)
    {
        var job = Job.Default
            .WithToolchain(new InProcessNoEmitToolchain(logOutput: false))
            .WithLaunchCount(1)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithWarmupCount(WarmUps)
            .WithIterationCount(context.Scale.Samples)
            .WithEvaluateOverhead(false)
            .WithOutlierMode(OutlierMode.DontRemove);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(new ErrorsOnly(context.Log))
            .WithArtifactsPath(Path.Combine(context.RepositoryRoot, ".local", "bench", "benchmarkdotnet"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<TBenchmarks>(config);
        if (summary.HasCriticalValidationErrors)
        {
            throw new InvalidOperationException(
                $"BenchmarkDotNet refused {typeof(TBenchmarks).Name}: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
        }
        var latencies = new Dictionary<string, LatencySummary>(StringComparer.Ordinal);
        foreach (var report in summary.Reports)
        {
            var method = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            // Each actual workload iteration is one operation (in nanoseconds); the report's percentiles are nearest rank, as elsewhere.
            var operations = report.AllMeasurements
                .Where(m => m is { IterationMode: IterationMode.Workload, IterationStage: IterationStage.Actual })
                .Select(m => m.Nanoseconds / m.Operations / 1e6)
                .ToList();
            if (operations.Count == 0)
            {
                throw new InvalidOperationException($"{typeof(TBenchmarks).Name}.{method} measured nothing: it threw, or BenchmarkDotNet could not run it.");
            }
            var latency = latencies[method] = LatencySummary.Of(operations);
            context.Say($"  {typeof(TBenchmarks).Name}.{method}: median {latency.MedianMs:0.00} ms, p95 {latency.P95Ms:0.00} ms ({latency.Count} operations)");
        }
        return latencies;
    }

    /// <summary>BenchmarkDotNet's console output is long; only its errors (a benchmark that threw, say) reach the run's log.</summary>
    private sealed class ErrorsOnly(TextWriter log) : ILogger
    {
        public string Id => nameof(ErrorsOnly);

        public int Priority => 0;

        public void Write(LogKind logKind, string text)
        {
            if (logKind == LogKind.Error)
            {
                log.Write(text);
            }
        }

        public void WriteLine()
        {
        }

        public void WriteLine(LogKind logKind, string text)
        {
            if (logKind == LogKind.Error)
            {
                log.WriteLine(text);
            }
        }

        public void Flush() => log.Flush();
    }
}
