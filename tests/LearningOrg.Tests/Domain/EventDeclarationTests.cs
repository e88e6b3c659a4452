using System.Collections.Immutable;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using LearningOrg.Research;

namespace LearningOrg.Tests.Domain;

/// <summary>
/// Every event in the catalog is declared completely: a meaning, a command or a follow-up cause, a case in its
/// aggregate's fold and rules, a timeline line and a codebook entry. Each check runs on a sample of the event whose
/// fields hold plain values, on the state its aggregate's creation sample folds to.
/// </summary>
/// <remarks>
/// The fold and the rules end in a default arm (the fold throws <see cref="UnhandledEventException"/>, the rules refuse
/// the field "type"), so reaching any other arm proves the event has a case of its own. It does not prove the case is
/// right: the rule and fold tests of each aggregate do that.
/// </remarks>
public sealed class EventDeclarationTests
{
    private static readonly DateTimeOffset Created = new(2020, 1, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Created.AddDays(30);
    private static readonly DateTimeOffset Now = Created.AddYears(5);

    public static TheoryData<string> Names => [.. EventCatalog.All.Select(e => e.Name)];

    [Theory, MemberData(nameof(Names))]
    public void Every_event_says_what_it_means_and_how_it_is_recorded(string name)
    {
        var type = EventCatalog.Find(name)!;

        Assert.False(string.IsNullOrWhiteSpace(type.Description), $"{name} needs a [Meaning(...)].");
        Assert.True(new[] { type.Command is not null, type.IsFollowUpOnly, type.IsSuperseded }.Count(declared => declared) == 1,
            $"{name} needs one of a [Command(...)], a [FollowUpOnly(...)] or, as an older version, ISupersededBy<newer>.");
        if (type.Command is { Creates: false } command)
        {
            Assert.Matches("^[a-z][a-z-]*[a-z]$", command.Route);
        }
        Assert.False(string.IsNullOrWhiteSpace(type.Command?.Summary ?? "follow-up"), $"{name}'s command needs a summary.");
    }

    [Fact]
    public void Each_aggregate_has_one_creation_command_and_distinct_routes()
    {
        Assert.All(EventCatalog.Aggregates, aggregate =>
        {
            var commands = EventCatalog.CommandsOf(aggregate.Kind);
            Assert.Single(commands, c => c.IsCreation);
            Assert.True(commands[0].IsCreation, $"The {aggregate.Kind}'s creation is its first command.");
            Assert.Equal(commands.Count, commands.Select(c => c.Command!.Route).Distinct(StringComparer.Ordinal).Count());
        });
    }

    [Fact]
    public void Every_aggregate_in_the_catalog_has_a_grain_and_no_grain_lacks_one()
    {
        Assert.Equal(
            EventCatalog.Aggregates.Select(a => a.Kind).Order(StringComparer.Ordinal),
            CommandDispatch.AggregatesWithGrains.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Touched_streams_name_known_aggregates()
    {
        var kinds = EventCatalog.Aggregates.Select(a => a.Kind).ToHashSet(StringComparer.Ordinal);
        Assert.All(EventCatalog.All.SelectMany(e => e.TouchedFields), f =>
        {
            Assert.Contains(f.Aggregate, kinds);
            Assert.Equal(typeof(string), f.Field.PropertyType);
        });
    }

    [Fact]
    public void A_move_touches_both_schools_and_an_assignment_touches_the_teacher()
    {
        var move = new TeacherMovedSchool("from-school", "to-school");
        var assignment = new RoleAssigned("coach", "t-1");

        Assert.Equal(["from-school", "to-school"], [.. EventCatalog.For(move).Touched(move, AggregateKind.School)]);
        Assert.Equal([(AggregateKind.Teacher, "t-1")], [.. EventCatalog.For(assignment).Touched(assignment)]);
        Assert.Empty(EventCatalog.For(new DecisionRecorded("d", "t", "a", DecisionMode.Shared, ["t-1"], false, "r")).TouchedFields);
    }

    [Theory, MemberData(nameof(Names))]
    public void Every_event_has_a_case_in_its_aggregates_fold_and_rules(string name)
    {
        // An older version is folded and decided as the version it reads as.
        var sample = EventCatalog.Current(Sample(EventCatalog.Find(name)!, EventCatalog.Find(name)!.IsCreation ? Created : Later));
        var type = EventCatalog.For(sample);
        switch (type.Aggregate)
        {
            case AggregateKind.School: HasCases<School, SchoolState, SchoolEvent>(type, (SchoolEvent)sample); break;
            case AggregateKind.Teacher: HasCases<Teacher, TeacherState, TeacherEvent>(type, (TeacherEvent)sample); break;
            case AggregateKind.Initiative: HasCases<Initiative, InitiativeState, InitiativeEvent>(type, (InitiativeEvent)sample); break;
            case AggregateKind.Network: HasCases<Network, NetworkState, NetworkEvent>(type, (NetworkEvent)sample); break;
            default: Assert.Fail($"{type.Aggregate} is not an aggregate this test knows."); break;
        }
    }

    [Theory, MemberData(nameof(Names))]
    public void An_older_version_reads_as_a_current_one_of_its_kind_at_the_same_time(string name)
    {
        var type = EventCatalog.Find(name)!;
        var sample = Sample(type, Later);

        var current = EventCatalog.Current(sample);

        Assert.False(EventCatalog.For(current).IsSuperseded);
        Assert.Equal(type.Kind, EventCatalog.For(current).Kind);
        Assert.Equal(Later, current.OccurredAt);
        Assert.Equal(type.IsSuperseded, !ReferenceEquals(sample, current));
    }

    [Fact]
    public void An_event_without_cases_is_caught_by_the_same_checks()
    {
        var state = School.Create((SchoolEvent)Sample(EventCatalog.For(typeof(SchoolRegistered)), Created));
        var stray = new StraySchoolEvent { OccurredAt = Later };

        Assert.Throws<UnhandledEventException>(() => School.Apply(state, stray));
        Assert.Equal("type", School.Decide(state, stray, Now).Violation?.Field);
        Assert.Throws<ArgumentOutOfRangeException>(() => TimelineProjection.Summarize(stray, "maple"));
    }

    [Theory, MemberData(nameof(Names))]
    public void Every_event_has_a_timeline_line(string name)
    {
        var type = EventCatalog.Find(name)!;

        var line = TimelineProjection.Summarize(EventCatalog.Current(Sample(type, Later)), "source-id");

        Assert.False(string.IsNullOrWhiteSpace(line));
        Assert.NotEqual(type.ClrType.Name, line);
    }

    [Theory, MemberData(nameof(Names))]
    public void Every_event_has_a_codebook_entry_with_its_meaning_and_every_field_described(string name)
    {
        var entry = Assert.Single(Codebook.Document.EventTypes, t => t.Name == name);

        Assert.Equal(EventCatalog.Find(name)!.Description, entry.Description);
        Assert.All(entry.Fields, f => Assert.False(string.IsNullOrWhiteSpace(f.Description), $"{name}.{f.Name} has no codebook description."));
    }

    private static void HasCases<TAggregate, TState, TEvent>(EventType type, TEvent sample)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        var creationType = EventCatalog.CommandsOf(type.Aggregate)[0];
        var state = TAggregate.Create((TEvent)Sample(creationType, Created));
        Assert.Equal(type.IsCreation, TAggregate.IsCreation(sample));

        var folded = Record.Exception(() => type.IsCreation ? TAggregate.Create(sample) : TAggregate.Apply(state, sample));
        Assert.True(folded is null, $"Folding a sample {type.Name} failed: {folded?.Message}");

        // The checks every event shares pass for the sample, so the rules reach the event's own case or the default arm.
        var before = type.IsCreation ? null : state;
        Assert.Null(Aggregate.CheckLifecycle<TAggregate, TState, TEvent>(before, sample, type.Aggregate));
        Assert.Null(Check.OccurredAt(sample.OccurredAt, Now, type.IsCreation ? null : Created));
        var decision = TAggregate.Decide(before, sample, Now);
        Assert.True(decision.Violation?.Field != "type", $"The {type.Aggregate}'s rules have no case for {type.Name}: {decision.Violation?.Message}");
    }

    /// <summary>An instance of the event with plain values in every field, happening at <paramref name="at"/>.</summary>
    private static DomainEvent Sample(EventType type, DateTimeOffset at)
    {
        var constructor = type.ClrType.GetConstructors().Single();
        var e = (DomainEvent)constructor.Invoke([.. constructor.GetParameters().Select(p => Value(p.ParameterType))]);
        return e with { OccurredAt = at };
    }

    private static object? Value(Type type) => type switch
    {
        _ when type == typeof(string) => "sample",
        _ when type == typeof(int) => 2,
        _ when type == typeof(decimal) => 2m,
        _ when type == typeof(bool) => true,
        _ when type == typeof(ImmutableArray<string>) => ImmutableArray.Create("sample"),
        { IsEnum: true } => Enum.GetValues(type).GetValue(0),
        _ when Nullable.GetUnderlyingType(type) is { } underlying => Value(underlying),
        _ => throw new NotSupportedException($"Teach {nameof(EventDeclarationTests)} a sample {type.Name}."),
    };

    private sealed record StraySchoolEvent : SchoolEvent;
}
