using System.Diagnostics;
using LearningOrg.Bench.Generation;
using LearningOrg.Bench.Harness;
using LearningOrg.ReadModels;
using Marten;
using static System.FormattableString;

namespace LearningOrg.Bench.Scenarios;

/// <summary>
/// Scenario 8 (issue 14): what the inline indicator table costs an append. The same events appended one per
/// transaction into two stores configured as LearningOrg's, one with the indicator projection and one without it.
/// </summary>
public sealed class IndicatorCostScenario : IScenario
{
    public int Number => 8;

    public string Name => "indicator-cost";

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var template = await context.Template;
        var events = ScaledStory.Copies(template, context.Scale.IndicatorCostEvents).ToList();
        // Without first, so that a cache the server warms favours the run with the indicators, not the baseline.
        var without = await AppendAsync(context, "indicators_off", indicators: false, events, cancellationToken);
        var with = await AppendAsync(context, "indicators_on", indicators: true, events, cancellationToken);
        var ratio = with.PerSecond / without.PerSecond;
        context.Say(Invariant($"Appended {events.Count:N0} events: {with.PerSecond:N0}/s with the indicator table, {without.PerSecond:N0}/s without"));
        return
        [
            new ScenarioReport(Number, "The inline indicator table's cost on appends",
                Invariant($"{events.Count:N0} events of copies of the demo story (ScaledStory.Copies), in story order, appended by one writer one ") +
                "event per transaction (as a command without group commit) into a fresh store configured as LearningOrg's (ReadModelSetup.ConfigureStore: " +
                "the timeline, episode spans and known people inline), once with the indicator projection inline (IndicatorProjection: each " +
                "transaction reads the touched schools' histories and writes their rows from the event's month on) and once without it. " +
                "The store without it runs first. Latency is per transaction.",
                [
                    new Measurement("appends with the inline indicator table (LearningOrg)", events.Count, "events", with.PerSecond, with.Latency,
                        Invariant($"{ratio:0.00}x the rate without it")),
                    new Measurement("baseline: the same appends without the indicator table", events.Count, "events", without.PerSecond, without.Latency),
                ],
                [],
                [
                    Invariant($"With the indicator table an append runs at {ratio:0.00}x the rate without it ") +
                    Invariant($"(median {with.Latency.MedianMs:0.00} ms against {without.Latency.MedianMs:0.00} ms). Issue 14 sets no target for it: ") +
                    "it is the price of a comparison that includes a write as soon as the write has returned.",
                ]),
        ];
    }

    private static async Task<(double PerSecond, LatencySummary Latency)> AppendAsync(
        BenchContext context, string name, bool indicators, IReadOnlyList<TemplateEvent> events, CancellationToken cancellationToken)
    {
        var schema = await context.FreshSchemaAsync(name, cancellationToken);
        await using var store = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, context.ConnectionString, schema, indicators));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var serializer = store.Options.Serializer();
        var prepared = events.Select(e => (e.StreamKey, Event: (object)e.ToEvent(serializer))).ToList();
        var latencies = new Latencies();
        var began = Stopwatch.GetTimestamp();
        foreach (var (streamKey, data) in prepared)
        {
            await latencies.Time(async () =>
            {
                await using var session = store.LightweightSession();
                session.Events.Append(streamKey, data);
                await session.SaveChangesAsync(cancellationToken);
                return 0;
            });
        }
        var elapsed = Stopwatch.GetElapsedTime(began);
        return (prepared.Count / elapsed.TotalSeconds, latencies.Summarize());
    }
}
