using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using LearningOrg.Bench.Harness;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore.Telemetry;
using LearningOrg.Grains.Abstractions;
using Orleans.Core.Internal;

namespace LearningOrg.Bench.Scenarios;

/// <summary>Scenario 3: activating the grain of a school with 10,000 events, beside the full replay of its stream.</summary>
public sealed class ActivationScenario : IScenario
{
    public int Number => 3;

    public string Name => "activation";

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var data = await ReadDataSets.LongSchoolAsync(context, cancellationToken);
        await using var silo = await BenchSilo.StartAsync(context.ConnectionString, data.Schema, cancellationToken);
        var snapshotCharacters = await RawSql.ReadTextAsync(silo.Store, "select data::text from {schema}.mt_doc_school_snapshot where id = @id",
            ("id", data.StreamKey));
        var loads = new List<double>();
        using var listener = ListenToActivations(loads);
        ActivationBenchmarks.Subject = new ActivationSubject(silo, data);
        var latencies = InProcessLatency.Run<ActivationBenchmarks>(context);
        listener.RecordObservableInstruments();
        double[] measuredLoads;
        lock (loads)
        {
            // The last activations are the measured ones; the warm-up's come first.
            measuredLoads = [.. loads.TakeLast(context.Scale.Samples)];
        }

        var activation = latencies[nameof(ActivationBenchmarks.Activate)];
        var replay = latencies[nameof(ActivationBenchmarks.FullReplay)];
        return
        [
            new ScenarioReport(Number, $"Activation of a grain with {data.SchoolEvents:N0} events",
                InProcessLatency.Method(context) +
                $"School {data.SchoolId} has {data.SchoolEvents:N0} events on its stream (the demo school's story lived again in rounds, raw-seeded), " +
                "and its snapshot was written by the grain's Reload, as the grain writes one every 100 events. " +
                "Before each measured call the grain is deactivated (IGrainManagementExtension.DeactivateOnIdle) and the silo's catalog polled " +
                "(IManagementGrain.GetActiveGrains) until it is gone; the measured call is GetState on the grain, so it includes Orleans placing the activation, loading the snapshot and " +
                "the tail after it, and the call itself. Baseline: EventJournal.ReplayAsync, the fold of the whole stream, in the same run.",
                [
                    new Measurement("grain activation + GetState (LearningOrg)", activation.Count, "activations", null, activation),
                    new Measurement("of which loading snapshot + tail (the grain's activation metric)", measuredLoads.Length, "activations", null,
                        LatencySummary.Of(measuredLoads)),
                    new Measurement("baseline: full replay of the stream (EventJournal.ReplayAsync)", replay.Count, "replays", null, replay),
                ],
                [TargetCheck.AtMost("activation p95 at most 20 ms", activation.P95Ms, 20, "ms")],
                [
                    $"Activation is {replay.MedianMs / activation.MedianMs:0.#}x faster than the full replay at the median " +
                    $"({activation.MedianMs:0.00} ms against {replay.MedianMs:0.00} ms). Nearly all of it is the grain loading its " +
                    $"snapshot ({LatencySummary.Of(measuredLoads).MedianMs:0.00} ms at the median by the grain's own metric): the school's state " +
                    $"after {data.SchoolEvents:N0} events is {snapshotCharacters / 1024.0:N0} KiB of JSON (every role, decision, episode and staff " +
                    "spell it has had), and reading it back is the cost; the tail after the snapshot is at most 99 events.",
                ]),
        ];
    }

    /// <summary>The grains' own activation histogram (snapshot plus tail), in milliseconds, for schools.</summary>
    private static MeterListener ListenToActivations(List<double> loads)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LearningOrgMetrics.MeterName && instrument.Name == LearningOrgMetrics.ActivationDuration)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag is { Key: LearningOrgMetrics.AggregateKindTag, Value: "school" })
                {
                    lock (loads)
                    {
                        loads.Add(seconds * 1000);
                    }
                }
            }
        });
        listener.Start();
        return listener;
    }
}

/// <summary>What the activation benchmarks act on; set before BenchmarkDotNet runs them.</summary>
public sealed class ActivationSubject(BenchSilo silo, LongSchoolData data)
{
    private static readonly TimeSpan DeactivationWait = TimeSpan.FromSeconds(10);

    private readonly ISchoolGrain school = silo.Grains.GetGrain<ISchoolGrain>(data.SchoolId);

    public async Task DeactivateAsync()
    {
        await school.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = silo.Grains.GetGrain<IManagementGrain>(0);
        var deadline = DateTimeOffset.UtcNow + DeactivationWait;
        var id = school.GetGrainId();
        // The silo's catalog, not the directory (which may keep a cached entry): the activation is gone once no catalog lists it.
        while ((await management.GetActiveGrains(id.Type)).Contains(id))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"School {data.SchoolId} was still active {DeactivationWait.TotalSeconds} s after DeactivateOnIdle.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(2));
        }
    }

    public async Task<long> ActivateAsync()
    {
        var view = await school.GetState() ?? throw new InvalidOperationException($"School {data.SchoolId} has no state.");
        return view.Version;
    }

    public async Task<long> ReplayAsync()
    {
        var (_, version) = await silo.Journal.ReplayAsync<School, SchoolState, SchoolEvent>(data.StreamKey, CancellationToken.None);
        return version;
    }
}

/// <summary>BenchmarkDotNet's view of scenario 3 (<see cref="InProcessLatency"/>): a fresh activation, and the full replay.</summary>
public class ActivationBenchmarks
{
    private readonly ActivationSubject subject = Subject ?? throw new InvalidOperationException("Set ActivationBenchmarks.Subject first.");

    public static ActivationSubject? Subject { get; set; }

    [IterationSetup(Target = nameof(Activate))]
    public void Deactivate() => subject.DeactivateAsync().GetAwaiter().GetResult();

    [Benchmark]
    public Task<long> Activate() => subject.ActivateAsync();

    [Benchmark(Baseline = true)]
    public Task<long> FullReplay() => subject.ReplayAsync();
}
