using LearningOrg.Domain.Common;
using LearningOrg.Domain.Networks;
using static LearningOrg.Tests.Domain.Given;

namespace LearningOrg.Tests.Domain;

public sealed class NetworkRulesTests
{
    private static readonly NetworkState Formed = Fold(Formation());

    private static NetworkState Fold(params NetworkEvent[] events) => Aggregate.Fold<Network, NetworkState, NetworkEvent>(null, events)!;

    private static Decision<NetworkEvent> Decide(NetworkState? state, NetworkEvent proposed) => Network.Decide(state, proposed, Now);

    private static NetworkFormed Formation(int day = 0) => new NetworkFormed("North literacy network", "Compare PLC participation").On(day);

    private static SchoolJoinedNetwork Joined(string schoolId, int day) => new SchoolJoinedNetwork(schoolId).On(day);

    private static SchoolLeftNetwork Left(string schoolId, int day) => new SchoolLeftNetwork(schoolId).On(day);

    [Fact]
    public void A_network_stream_begins_only_with_its_formation()
    {
        IsRejected(Decide(null, Joined("lincoln", 1)), ViolationKind.NotFound, "not-found", null);
    }

    [Fact]
    public void A_formation_starts_an_empty_stream()
    {
        var formation = Formation();
        IsAccepted(Decide(null, formation), formation);
    }

    [Fact]
    public void A_network_is_formed_only_once()
    {
        IsRejected(Decide(Formed, Formation(2)), ViolationKind.Conflict, "already-exists", null);
    }

    [Fact]
    public void An_event_beyond_the_clock_skew_in_the_future_is_invalid()
    {
        IsInvalid(Decide(Formed, Joined("lincoln", 0).At(Now.AddDays(1))), "occurredAt");
    }

    [Fact]
    public void An_event_one_minute_in_the_future_is_accepted()
    {
        var joining = Joined("lincoln", 0).At(Now.AddMinutes(1));
        IsAccepted(Decide(Formed, joining), joining);
    }

    [Fact]
    public void An_event_before_the_network_was_formed_conflicts_with_its_history()
    {
        IsRejected(Decide(Fold(Formation(10)), Joined("lincoln", 9)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_network_needs_a_purpose()
    {
        IsInvalid(Decide(null, Formation() with { Purpose = "" }), "purpose");
    }

    [Fact]
    public void A_network_name_over_the_limit_is_rejected()
    {
        IsInvalid(Decide(null, Formation() with { Name = Text(Limits.Name + 1) }), "name");
    }

    [Fact]
    public void A_school_joins_a_network_only_once()
    {
        var network = Fold(Formation(), Joined("lincoln", 1));
        IsRejected(Decide(network, Joined("lincoln", 5)), ViolationKind.Conflict, "already-member", "schoolId");
    }

    [Fact]
    public void Only_a_member_can_leave_a_network()
    {
        IsRejected(Decide(Formed, Left("lincoln", 5)), ViolationKind.Conflict, "not-member", "schoolId");
    }

    [Fact]
    public void A_school_that_left_cannot_leave_again()
    {
        var network = Fold(Formation(), Joined("lincoln", 1), Left("lincoln", 3));
        IsRejected(Decide(network, Left("lincoln", 5)), ViolationKind.Conflict, "not-member", "schoolId");
    }

    [Fact]
    public void A_school_cannot_leave_before_it_joined()
    {
        var network = Fold(Formation(), Joined("lincoln", 10));
        IsRejected(Decide(network, Left("lincoln", 5)), ViolationKind.Conflict, "before-history", "occurredAt");
    }

    [Fact]
    public void A_school_that_left_may_join_again()
    {
        var network = Fold(Formation(), Joined("lincoln", 1), Left("lincoln", 3));
        var again = Joined("lincoln", 5);
        IsAccepted(Decide(network, again), again);
    }

    [Fact]
    public void A_member_school_is_named_by_identifier()
    {
        IsInvalid(Decide(Formed, Joined("Lincoln Elementary", 1)), "schoolId");
    }

    [Fact]
    public void Members_are_kept_with_the_date_they_joined()
    {
        var network = Fold(Formation(), Joined("lincoln", 1), Joined("roosevelt", 2), Left("lincoln", 3), Joined("garfield", 4));
        Assert.Equal(Day(0), network.FormedAt);
        Assert.Equal([("garfield", Day(4)), ("roosevelt", Day(2))],
            network.Members.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => (m.Key, m.Value)));
    }

    [Fact]
    public void A_network_s_stream_cannot_be_folded_from_another_event()
    {
        Assert.Throws<InvalidOperationException>(() => Network.Create(Joined("lincoln", 1)));
    }
}
