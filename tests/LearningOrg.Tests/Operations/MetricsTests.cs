using System.Net;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore.Telemetry;
using OpenTelemetry.Metrics;

namespace LearningOrg.Tests.Operations;

/// <summary>
/// Alone in a collection that does not run in parallel: every LearningOrg meter in the test process reports to the
/// same listeners, so counts taken before and after are exact only while no other test records commands.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}

[Collection(MetricsCollection.Name)]
public sealed class MetricsTests(TelemetryApiFixture api) : IClassFixture<TelemetryApiFixture>
{
    private const string School = "school";

    private long Commands(string outcome) => Sum(LearningOrgMetrics.Commands, (LearningOrgMetrics.AggregateKindTag, School), (LearningOrgMetrics.OutcomeTag, outcome));

    private long Sum(string metric, params (string Key, string Value)[] tags) =>
        api.CollectMetric(metric).Where(point => HasTags(point, tags)).Sum(point => point.GetSumLong());

    private static bool HasTags(MetricPoint point, (string Key, string Value)[] tags)
    {
        var actual = new Dictionary<string, object?>();
        foreach (var tag in point.Tags)
        {
            actual[tag.Key] = tag.Value;
        }
        return tags.All(tag => actual.TryGetValue(tag.Key, out var value) && Equals(value, tag.Value));
    }

    [Fact]
    public async Task Commands_are_counted_by_aggregate_kind_and_outcome_and_appended_events_by_aggregate_kind()
    {
        var (accepted, replayed, rejected) = (Commands("accepted"), Commands("replayed"), Commands("rejected"));
        var appended = Sum(LearningOrgMetrics.EventsAppended, (LearningOrgMetrics.AggregateKindTag, School));

        var path = $"/api/schools/{$"m-{Guid.NewGuid():N}"[..14]}";
        var registration = new SchoolRegistered("Metrics", "North", 30);
        using (var first = await api.Post(path, registration, idempotencyKey: $"{path}/1"))
        using (var again = await api.Post(path, registration, idempotencyKey: $"{path}/1"))
        using (var second = await api.Post(path, registration, idempotencyKey: $"{path}/2"))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }

        Assert.Equal(accepted + 1, Commands("accepted"));
        Assert.Equal(replayed + 1, Commands("replayed"));
        Assert.Equal(rejected + 1, Commands("rejected"));
        Assert.Equal(rejected + 1, Sum(LearningOrgMetrics.Commands, (LearningOrgMetrics.OutcomeTag, "rejected"), (LearningOrgMetrics.ErrorTypeTag, "Conflict")));
        Assert.Equal(appended + 1, Sum(LearningOrgMetrics.EventsAppended, (LearningOrgMetrics.AggregateKindTag, School)));
    }

    [Fact]
    public async Task A_grain_activation_is_recorded_in_the_activation_duration_histogram()
    {
        long Activations() => api.CollectMetric(LearningOrgMetrics.ActivationDuration)
            .Where(point => HasTags(point, [(LearningOrgMetrics.AggregateKindTag, School)]))
            .Sum(point => point.GetHistogramCount());
        var before = Activations();

        // Each new school id is a grain not yet active.
        for (var i = 0; i < 2; i++)
        {
            using var response = await api.Post($"/api/schools/{$"a-{Guid.NewGuid():N}"[..14]}", new SchoolRegistered("Activation", "North", 30));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        Assert.Equal(before + 2, Activations());
    }

    [Fact]
    public async Task Each_group_commit_transaction_is_recorded_with_the_number_of_appends_it_held()
    {
        (long Transactions, double Appends) Committed()
        {
            var points = api.CollectMetric(LearningOrgMetrics.GroupCommitSize);
            return (points.Sum(point => point.GetHistogramCount()), points.Sum(point => point.GetHistogramSum()));
        }
        var before = Committed();

        for (var i = 0; i < 3; i++)
        {
            using var response = await api.Post($"/api/schools/{$"g-{Guid.NewGuid():N}"[..14]}", new SchoolRegistered("Group commit", "North", 30));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var after = Committed();
        // One after the other, each command's append is a transaction of its own.
        Assert.Equal((before.Transactions + 3, before.Appends + 3), after);
    }

    [Fact]
    public void The_projection_lag_gauge_is_published_and_zero_while_every_projection_is_inline()
    {
        var points = api.CollectMetric(LearningOrgMetrics.ProjectionLag);

        var point = Assert.Single(points);
        Assert.Equal(0, point.GetGaugeLastValueLong());
    }
}
