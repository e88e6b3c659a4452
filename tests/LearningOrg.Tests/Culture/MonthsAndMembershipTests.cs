using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Networks;

namespace LearningOrg.Tests.Culture;

public sealed class MonthsAndMembershipTests
{
    [Fact]
    public void A_month_ends_one_tick_before_the_next_begins_in_UTC()
    {
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(-1), Months.End(new DateOnly(2024, 2, 1)));
        Assert.Equal(new DateOnly(2024, 3, 1), Months.Of(new DateTimeOffset(2024, 2, 29, 23, 30, 0, TimeSpan.FromHours(-2))));
    }

    [Fact]
    public void Months_between_and_ranges_cross_years()
    {
        Assert.Equal(14, Months.Between(new DateOnly(2021, 11, 1), new DateOnly(2023, 1, 1)));
        Assert.Equal(-1, Months.Between(new DateOnly(2023, 1, 1), new DateOnly(2022, 12, 1)));
        Assert.Equal(
            [new DateOnly(2021, 11, 1), new DateOnly(2021, 12, 1), new DateOnly(2022, 1, 1)],
            Months.Range(new DateOnly(2021, 11, 1), new DateOnly(2022, 1, 1)));
        Assert.Empty(Months.Range(new DateOnly(2022, 1, 1), new DateOnly(2021, 12, 1)));
    }

    private static readonly DateTimeOffset Day0 = new(2022, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static DomainEvent[] Network() =>
    [
        new NetworkFormed("Network", "Purpose") { OccurredAt = Day0 },
        new SchoolJoinedNetwork("a") { OccurredAt = Day0.AddDays(1) },
        new SchoolJoinedNetwork("b") { OccurredAt = Day0.AddDays(2) },
        new SchoolLeftNetwork("a") { OccurredAt = Day0.AddDays(10) },
        new SchoolJoinedNetwork("c") { OccurredAt = Day0.AddDays(11) },
        new SchoolJoinedNetwork("a") { OccurredAt = Day0.AddDays(20) },
    ];

    [Fact]
    public void Members_at_a_date_are_the_schools_whose_spell_covers_it()
    {
        Assert.Empty(NetworkMembership.MembersAt(Network(), Day0));
        Assert.Equal(["a", "b"], NetworkMembership.MembersAt(Network(), Day0.AddDays(5)));
        Assert.Equal(["b"], NetworkMembership.MembersAt(Network(), Day0.AddDays(10)));
        Assert.Equal(["b", "c"], NetworkMembership.MembersAt(Network(), Day0.AddDays(15)));
        Assert.Equal(["b", "c", "a"], NetworkMembership.MembersAt(Network(), Day0.AddDays(30)));
    }

    [Fact]
    public void Every_school_ever_in_the_network_is_listed_once_in_the_order_it_first_joined()
    {
        Assert.Equal(["a", "b", "c"], NetworkMembership.EverMembers(Network()));
        Assert.Equal(2, NetworkMembership.Spells(Network()).Count(s => s.SchoolId == "a"));
    }
}
