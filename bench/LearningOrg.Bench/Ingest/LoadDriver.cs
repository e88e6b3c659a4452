using System.Collections.Concurrent;
using System.Diagnostics;
using LearningOrg.Bench.Harness;

namespace LearningOrg.Bench.Ingest;

public enum SendOutcome
{
    /// <summary>Recorded now (for HTTP: a 2xx without Idempotent-Replayed).</summary>
    Accepted,

    /// <summary>A 2xx answered from an earlier recording of the same command.</summary>
    Replayed,

    /// <summary>Refused by a rule or the contract (4xx).</summary>
    Rejected,

    /// <summary>A 5xx, a timeout or a failed connection.</summary>
    Error,
}

/// <summary>What a load run measured inside its window.</summary>
/// <param name="Window">From the end of the warm-up to the end of the duration, or to the moment the first client ran out of work.</param>
/// <param name="Problems">Rejections and errors by kind (status and problem type, or exception), with how often.</param>
/// <param name="Completed">Operations answered over the whole run, warm-up included (what the processes' CPU time was spent on).</param>
/// <param name="AcceptedBySecond">Accepted operations in each second of the run, warm-up included: shows a slow start or a stall.</param>
public sealed record LoadResult(
    TimeSpan Window,
    long Completed,
    IReadOnlyList<long> AcceptedBySecond,
    long Accepted,
    long Replayed,
    long Rejected,
    long Errors,
    LatencySummary Latency,
    bool RanOut,
    IReadOnlyDictionary<string, long> Problems)
{
    public double AcceptedPerSecond => Accepted / Window.TotalSeconds;
}

/// <summary>
/// Closed-loop clients: each sends its own queue one operation at a time, in order. Operations that complete between
/// the end of the warm-up and the end of the window count; the window closes early when a client runs out of work, so
/// every measured moment had all clients busy.
/// </summary>
public static class LoadDriver
{
    /// <summary>
    /// Each client sends the first <paramref name="perClient"/> operations of its queue, however long they take; all of
    /// them count, over the time from the start to the last answer. For a run that must measure the same work whatever
    /// the machine's speed (the smoke test's), not for throughput at steady state: there is no warm-up.
    /// </summary>
    public static async Task<LoadResult> RunCountedAsync<T>(
        IReadOnlyList<IReadOnlyList<T>> queues,
        Func<T, CancellationToken, Task<(SendOutcome Outcome, string? Problem)>> send,
        int perClient,
        CancellationToken cancellationToken)
    {
        if (queues.FirstOrDefault(q => q.Count < perClient) is { } shortQueue)
        {
            throw new InvalidOperationException($"A client has {shortQueue.Count} operations, fewer than the {perClient} each must send: give the clients more data.");
        }
        var clock = Stopwatch.StartNew();
        var latencies = new Latencies();
        var problems = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var counts = new long[4];
        var bySecond = new ConcurrentDictionary<int, long>();

        async Task Client(IReadOnlyList<T> queue)
        {
            foreach (var item in queue.Take(perClient))
            {
                var started = clock.Elapsed;
                var (outcome, problem) = await SendOnce(send, item, cancellationToken);
                var ended = clock.Elapsed;
                Interlocked.Increment(ref counts[(int)outcome]);
                if (outcome == SendOutcome.Accepted)
                {
                    latencies.Add(ended - started);
                    bySecond.AddOrUpdate((int)ended.TotalSeconds, 1, (_, n) => n + 1);
                }
                if (problem is not null)
                {
                    problems.AddOrUpdate(problem, 1, (_, n) => n + 1);
                }
            }
        }

        await Task.WhenAll(queues.Where(q => q.Count > 0).Select(q => Task.Run(() => Client(q), cancellationToken)));
        var window = clock.Elapsed;
        var seconds = bySecond.IsEmpty ? 0 : bySecond.Keys.Max() + 1;
        return new LoadResult(window, counts.Sum(), [.. Enumerable.Range(0, seconds).Select(s => bySecond.GetValueOrDefault(s))],
            counts[0], counts[1], counts[2], counts[3], latencies.Summarize(), RanOut: false, problems);
    }

    public static async Task<LoadResult> RunAsync<T>(
        IReadOnlyList<IReadOnlyList<T>> queues,
        Func<T, CancellationToken, Task<(SendOutcome Outcome, string? Problem)>> send,
        TimeSpan warmup,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var windowStart = warmup;
        var windowEnd = warmup + duration;
        long ranOutAtTicks = long.MaxValue;
        var latencies = new Latencies();
        var problems = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var counts = new long[4];
        var recorded = new ConcurrentQueue<(TimeSpan End, SendOutcome Outcome)>();
        var bySecond = new long[(int)Math.Ceiling(windowEnd.TotalSeconds) + 1];
        long completed = 0;

        async Task Client(IReadOnlyList<T> queue)
        {
            foreach (var item in queue)
            {
                if (clock.Elapsed >= windowEnd || Interlocked.Read(ref ranOutAtTicks) != long.MaxValue)
                {
                    return;
                }
                var started = clock.Elapsed;
                var (outcome, problem) = await SendOnce(send, item, cancellationToken);
                var ended = clock.Elapsed;
                Interlocked.Increment(ref completed);
                if (outcome == SendOutcome.Accepted)
                {
                    Interlocked.Increment(ref bySecond[Math.Min((int)ended.TotalSeconds, bySecond.Length - 1)]);
                }
                if (started >= windowStart && ended <= windowEnd && ended.Ticks <= Interlocked.Read(ref ranOutAtTicks))
                {
                    recorded.Enqueue((ended, outcome));
                    if (outcome == SendOutcome.Accepted)
                    {
                        latencies.Add(ended - started);
                    }
                }
                if (problem is not null)
                {
                    problems.AddOrUpdate(problem, 1, (_, n) => n + 1);
                }
            }
            // Out of work: from now on not every client is busy, so the window ends here.
            Interlocked.CompareExchange(ref ranOutAtTicks, clock.Elapsed.Ticks, long.MaxValue);
        }

        await Task.WhenAll(queues.Where(q => q.Count > 0).Select(q => Task.Run(() => Client(q), cancellationToken)));
        var ranOut = ranOutAtTicks != long.MaxValue && TimeSpan.FromTicks(ranOutAtTicks) < windowEnd;
        var end = ranOut ? TimeSpan.FromTicks(ranOutAtTicks) : windowEnd;
        foreach (var (ended, outcome) in recorded)
        {
            if (ended <= end)
            {
                counts[(int)outcome]++;
            }
        }
        var window = end - windowStart;
        if (window <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"A client ran out of work {end.TotalSeconds:0.0} s into the run, before the warm-up ended: give the clients more data.");
        }
        return new LoadResult(window, completed, bySecond, counts[0], counts[1], counts[2], counts[3], latencies.Summarize(), ranOut, problems);
    }

    /// <summary>One operation's outcome; a failed connection or a timeout is an error, not a crash of the run.</summary>
    private static async Task<(SendOutcome Outcome, string? Problem)> SendOnce<T>(
        Func<T, CancellationToken, Task<(SendOutcome Outcome, string? Problem)>> send, T item, CancellationToken cancellationToken)
    {
        try
        {
            return await send(item, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (SendOutcome.Error, e.GetType().Name);
        }
    }
}
