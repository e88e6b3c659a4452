using System.Diagnostics;

namespace LearningOrg.Bench.Harness;

/// <summary>Latencies of many operations, recorded from many threads; summarized by nearest-rank percentiles.</summary>
public sealed class Latencies
{
    private readonly Lock gate = new();
    private readonly List<double> milliseconds = [];

    public int Count
    {
        get
        {
            lock (gate)
            {
                return milliseconds.Count;
            }
        }
    }

    public void Add(TimeSpan elapsed)
    {
        lock (gate)
        {
            milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Times <paramref name="operation"/> and records it; returns its result.</summary>
    public async Task<T> Time<T>(Func<Task<T>> operation)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await operation();
        Add(Stopwatch.GetElapsedTime(started));
        return result;
    }

    public LatencySummary Summarize()
    {
        double[] sorted;
        lock (gate)
        {
            sorted = [.. milliseconds];
        }
        return LatencySummary.Of(sorted);
    }
}

/// <summary>Median, p95 and p99 in milliseconds (nearest rank), of <see cref="Count"/> operations.</summary>
public sealed record LatencySummary(int Count, double MedianMs, double P95Ms, double P99Ms, double MaxMs)
{
    public static LatencySummary Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            return new LatencySummary(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(sorted.Length, Rank(sorted, 50), Rank(sorted, 95), Rank(sorted, 99), sorted[^1]);
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% at or below it.</summary>
    private static double Rank(double[] sorted, int percent) =>
        sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
