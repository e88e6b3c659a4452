using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Culture;

/// <summary>
/// A network comparison is reused only while the store holds the events it was computed from: anything recorded
/// since, even entered late with an earlier date, gives a new answer.
/// </summary>
public sealed class ComparisonCacheTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly DateTimeOffset At = Given.Past.AddDays(60);

    [Fact]
    public async Task A_repeated_comparison_is_the_same_answer_and_one_after_a_write_sees_the_write()
    {
        await fixture.Grains.RegisteredSchool("cached-a", Given.Past);
        await fixture.Grains.RegisteredSchool("cached-b", Given.Past);
        var network = fixture.Grains.GetGrain<INetworkGrain>("cached-network");
        await Given.Accepted(network.Record(Given.Command(), new NetworkFormed("Cached", "Compare") { OccurredAt = Given.Past }));
        await Given.Accepted(network.Record(Given.Command(), new SchoolJoinedNetwork("cached-a") { OccurredAt = Given.Past.AddDays(1) }));
        await Given.Accepted(network.Record(Given.Command(), new SchoolJoinedNetwork("cached-b") { OccurredAt = Given.Past.AddDays(1) }));
        var queries = new CultureQueries(new SchoolHistoryReader(fixture.Store), new EventReader(fixture.Store));
        var uncached = new CultureQueries(new SchoolHistoryReader(fixture.Store), new EventReader(fixture.Store));

        var first = (await queries.ComparisonAsync("cached-network", At, CancellationToken.None)).Value!;
        var again = (await queries.ComparisonAsync("cached-network", At, CancellationToken.None)).Value!;
        Assert.Equal(Given.CanonicalJson(first), Given.CanonicalJson(again));
        Assert.Equal([40, 40], first.Schools.Select(s => s.Indicators.StaffCount));

        // Entered late: it happened before the comparison's date, so the comparison must change.
        await Given.Accepted(fixture.Grains.GetGrain<ISchoolGrain>("cached-a")
            .Record(Given.Command(), new StaffCountChanged(52) { OccurredAt = Given.Past.AddDays(10) }));
        var afterWrite = (await queries.ComparisonAsync("cached-network", At, CancellationToken.None)).Value!;
        var computedAnew = (await uncached.ComparisonAsync("cached-network", At, CancellationToken.None)).Value!;

        Assert.Equal([52, 40], afterWrite.Schools.Select(s => s.Indicators.StaffCount));
        Assert.Equal(Given.CanonicalJson(computedAnew), Given.CanonicalJson(afterWrite));
    }

    [Fact]
    public async Task A_network_recorded_after_a_not_found_answer_is_found()
    {
        var queries = new CultureQueries(new SchoolHistoryReader(fixture.Store), new EventReader(fixture.Store));
        Assert.NotNull((await queries.ComparisonAsync("late-network", At, CancellationToken.None)).Problem);

        await Given.Accepted(fixture.Grains.GetGrain<INetworkGrain>("late-network")
            .Record(Given.Command(), new NetworkFormed("Late", "Compare") { OccurredAt = Given.Past }));

        var found = await queries.ComparisonAsync("late-network", At, CancellationToken.None);
        Assert.Null(found.Problem);
        Assert.Empty(found.Value!.Schools);
    }
}
