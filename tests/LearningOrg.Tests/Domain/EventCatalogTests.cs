using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Tests.Domain;

public sealed class EventCatalogTests
{
    /// <summary>Every concrete event the domain assembly declares, found independently of the catalog.</summary>
    private static readonly Type[] DeclaredEvents =
        [.. typeof(DomainEvent).Assembly.GetTypes().Where(t => t.IsSealed && t.IsSubclassOf(typeof(DomainEvent)))];

    public static TheoryData<string> Names => [.. EventCatalog.All.Select(e => e.Name)];

    [Fact]
    public void Every_sealed_event_type_is_in_the_catalog_once()
    {
        Assert.Equal(
            DeclaredEvents.Select(t => t.FullName).Order(StringComparer.Ordinal),
            EventCatalog.All.Select(e => e.ClrType.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Event_names_are_unique()
    {
        Assert.Equal(EventCatalog.All.Count, EventCatalog.All.Select(e => e.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_event_kind_has_one_current_version_and_its_older_ones_read_as_it()
    {
        Assert.All(EventCatalog.All.GroupBy(e => e.Kind), kind =>
        {
            var current = Assert.Single(kind, e => !e.IsSuperseded);
            Assert.Equal(kind.Count(), current.Version);
            Assert.All(kind.Where(e => e.IsSuperseded), older =>
            {
                Assert.True(older.Version < current.Version, older.Name);
                Assert.Equal(current.ClrType, older.SupersededBy);
            });
            Assert.All(kind, e => Assert.Equal($"{e.Kind}.v{e.Version}", e.Name));
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Finding_an_event_by_its_name_returns_that_event(string name)
    {
        var found = EventCatalog.Find(name);
        Assert.NotNull(found);
        Assert.Equal(name, found.Name);
        Assert.Same(found, EventCatalog.For(found.ClrType));
    }

    [Theory]
    [InlineData("NoSuchEvent.v1")]
    [InlineData("decisionrecorded.v1")]
    [InlineData("DecisionRecorded.v2")]
    [InlineData("DecisionRecorded")]
    [InlineData("")]
    public void Finding_an_unknown_name_returns_nothing(string name)
    {
        Assert.Null(EventCatalog.Find(name));
    }

    [Fact]
    public void A_type_that_is_not_an_event_has_no_catalog_entry()
    {
        Assert.Throws<ArgumentException>(() => EventCatalog.For(typeof(SchoolState)));
        Assert.Throws<ArgumentException>(() => EventCatalog.For(typeof(SchoolEvent)));
    }

    [Theory]
    [InlineData("school", 21)]
    [InlineData("teacher", 7)]
    [InlineData("initiative", 13)]
    [InlineData("network", 3)]
    public void Each_aggregate_has_its_known_number_of_events(string aggregate, int count)
    {
        Assert.Equal(count, EventCatalog.All.Count(e => e.Aggregate == aggregate));
    }

    [Theory]
    [InlineData("school", typeof(SchoolEvent))]
    [InlineData("teacher", typeof(TeacherEvent))]
    [InlineData("initiative", typeof(InitiativeEvent))]
    [InlineData("network", typeof(NetworkEvent))]
    public void Each_event_is_filed_under_the_aggregate_whose_stream_it_belongs_to(string aggregate, Type baseType)
    {
        Assert.All(EventCatalog.All.Where(e => e.Aggregate == aggregate), e => Assert.True(e.ClrType.IsSubclassOf(baseType), e.Name));
        Assert.All(EventCatalog.All.Where(e => e.ClrType.IsSubclassOf(baseType)), e => Assert.Equal(aggregate, e.Aggregate));
    }

    [Fact]
    public void Known_events_carry_their_published_names()
    {
        Assert.Equal("DecisionRecorded.v1", EventCatalog.For(typeof(DecisionRecorded)).Name);
        Assert.Equal("RoleTaken.v1", EventCatalog.For(typeof(RoleTaken)).Name);
        Assert.Equal("PhaseAdvanced.v1", EventCatalog.For(typeof(PhaseAdvanced)).Name);
        Assert.Equal("SchoolJoinedNetwork.v1", EventCatalog.For(typeof(SchoolJoinedNetwork)).Name);
    }
}
