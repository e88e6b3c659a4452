using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using LearningOrg.Bench.Harness;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using Marten;

namespace LearningOrg.Bench.Scenarios;

/// <summary>Scenario 4: a school's state as of a date, the way GET /api/schools/{id}/state?asOf= answers it.</summary>
public sealed class AsOfScenario : IScenario
{
    /// <summary>Dates whose as-of answer is compared with the fold of the whole stream before anything is timed.</summary>
    private const int CheckedDates = 12;

    public int Number => 4;

    public string Name => "asof";

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var data = await ReadDataSets.LongSchoolAsync(context, cancellationToken);
        await using var silo = await BenchSilo.StartAsync(context.ConnectionString, data.Schema, cancellationToken);
        var subject = new AsOfSubject(silo, data);
        // The first read of the stream as of a date writes its as-of ladder: timed apart, it is not what later reads cost.
        var firstRead = Stopwatch.StartNew();
        await subject.StateAsOfAsync();
        var first = firstRead.Elapsed;
        await subject.CheckAgainstFullFoldAsync(CheckedDates, cancellationToken);
        AsOfBenchmarks.Subject = subject;
        var latencies = InProcessLatency.Run<AsOfBenchmarks>(context);

        var asOf = latencies[nameof(AsOfBenchmarks.StateAsOf)];
        var raw = latencies[nameof(AsOfBenchmarks.RawStreamRead)];
        return
        [
            new ScenarioReport(Number, $"State as of a date for a school with {data.SchoolEvents:N0} events",
                InProcessLatency.Method(context) +
                $"School {data.SchoolId} ({data.SchoolEvents:N0} events, as in scenario 3); each operation asks for another date, spread evenly " +
                $"over its history ({data.Start:yyyy-MM-dd} to {data.End:yyyy-MM-dd}), through EventReader.FoldAsOfAsync, the call " +
                "GET /api/schools/{id}/state?asOf= makes: the fold from the highest rung of the stream's as-of ladder (a snapshot every " +
                $"{EventReader.LadderStep} events) below which every event had happened by the date, and the later events that had. Before timing, the answers for " + CheckedDates + " dates were checked equal to the fold " +
                "of the whole stream's events that had happened by each date. Baseline: a raw SQL read of the stream's events " +
                "(select data from mt_events where stream_id = @key order by version, read as text), in the same run.",
                [
                    new Measurement("state as of a date (LearningOrg)", asOf.Count, "reads", null, asOf),
                    new Measurement("first read as of a date (writes the stream's as-of ladder)", 1, "read", null,
                        LatencySummary.Of([first.TotalMilliseconds])),
                    new Measurement("baseline: raw SQL read of the stream's events", raw.Count, "reads", null, raw),
                ],
                [TargetCheck.AtMost("state as of a date p95 at most 50 ms", asOf.P95Ms, 50, "ms")],
                [
                    $"Reading the stream alone (the baseline) takes {raw.MedianMs:0.00} ms at the median: a fold of the whole stream, which is " +
                    "what the as-of read did before the ladder, cannot be faster than that. From the ladder a read loads one rung (the state at " +
                    $"most {EventReader.LadderStep} events before the date: up to the size of the activation's snapshot, scenario 3) and at most " +
                    $"a segment or two of events; dates late in the history cost the most, as their rung holds the largest state. The first read " +
                    $"of the stream folded it whole and wrote its rungs ({first.TotalMilliseconds:N0} ms); later reads write only when the stream " +
                    $"has grown by {EventReader.LadderStep} events.",
                ]),
        ];
    }
}

/// <summary>What the as-of benchmarks act on; set before BenchmarkDotNet runs them.</summary>
public sealed class AsOfSubject(BenchSilo silo, LongSchoolData data)
{
    private readonly Lock gate = new();
    private int next;

    /// <summary>The dates the operations ask for in turn: evenly spread over the history, in a shuffled order.</summary>
    private readonly DateTimeOffset[] dates = SpreadDates(data.Start, data.End, 97);

    public async Task<long> StateAsOfAsync()
    {
        var (state, version, _) = await silo.Reader.FoldAsOfAsync<School, SchoolState, SchoolEvent>(data.StreamKey, NextDate(), CancellationToken.None);
        return state is null ? 0 : version;
    }

    public Task<long> RawStreamReadAsync() =>
        RawSql.ReadTextAsync(silo.Store, "select data from {schema}.mt_events where stream_id = @key order by version", ("key", data.StreamKey));

    /// <summary>The as-of answer must be the fold of the events that had happened by the date, in stream order.</summary>
    public async Task CheckAgainstFullFoldAsync(int count, CancellationToken cancellationToken)
    {
        await using var session = silo.Store.QuerySession();
        var events = (await session.Events.FetchStreamAsync(data.StreamKey, token: cancellationToken)).Select(e => (SchoolEvent)e.Data).ToList();
        var serializer = silo.Store.Options.Serializer();
        foreach (var date in SpreadDates(data.Start.AddDays(-1), data.End.AddDays(1), count))
        {
            var (state, _, happened) = await silo.Reader.FoldAsOfAsync<School, SchoolState, SchoolEvent>(data.StreamKey, date, cancellationToken);
            var expected = events.Where(e => e.OccurredAt <= date).ToList();
            var fold = Aggregate.Fold<School, SchoolState, SchoolEvent>(null, expected);
            if (happened != expected.Count || serializer.ToJson(state) != serializer.ToJson(fold))
            {
                throw new InvalidOperationException($"The state of {data.StreamKey} as of {date:O} differs from the fold of the events that had happened by then.");
            }
        }
    }

    private DateTimeOffset NextDate()
    {
        lock (gate)
        {
            return dates[next++ % dates.Length];
        }
    }

    /// <summary><paramref name="count"/> dates evenly spread from <paramref name="from"/> to <paramref name="to"/>, in a fixed shuffled order.</summary>
    private static DateTimeOffset[] SpreadDates(DateTimeOffset from, DateTimeOffset to, int count)
    {
        var dates = Enumerable.Range(0, count).Select(i => from + ((to - from) * i / Math.Max(1, count - 1))).ToArray();
        new Random(4).Shuffle(dates);
        return dates;
    }
}

/// <summary>BenchmarkDotNet's view of scenario 4 (<see cref="InProcessLatency"/>): the as-of read, and the raw read of the stream.</summary>
public class AsOfBenchmarks
{
    private readonly AsOfSubject subject = Subject ?? throw new InvalidOperationException("Set AsOfBenchmarks.Subject first.");

    public static AsOfSubject? Subject { get; set; }

    [Benchmark]
    public Task<long> StateAsOf() => subject.StateAsOfAsync();

    [Benchmark(Baseline = true)]
    public Task<long> RawStreamRead() => subject.RawStreamReadAsync();
}
