using System.Collections.Frozen;
using System.Reflection;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Domain;

/// <summary>
/// One kind of event as the public contract names it, with everything its record's attributes say of it.
/// </summary>
/// <param name="Name">The stored and exported type name, e.g. <c>DecisionRecorded.v1</c>. Never changes once published.</param>
/// <param name="Aggregate">The kind of stream it belongs to (<see cref="AggregateKind"/>).</param>
public sealed record EventType(Type ClrType, string Name, string Aggregate)
{
    /// <summary>The name without its version, e.g. <c>DecisionRecorded</c>.</summary>
    public string Kind => Name[..Name.LastIndexOf(".v", StringComparison.Ordinal)];

    public int Version => int.Parse(Name[(Name.LastIndexOf(".v", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>What it records, in a sentence (<see cref="MeaningAttribute"/>).</summary>
    public string? Description { get; } = ClrType.GetCustomAttribute<MeaningAttribute>(inherit: false)?.Text;

    /// <summary>Its POST command, or null when only the system records it (<see cref="CommandAttribute"/>).</summary>
    public CommandAttribute? Command { get; } = ClrType.GetCustomAttribute<CommandAttribute>(inherit: false);

    /// <summary>It begins its aggregate's stream.</summary>
    public bool IsCreation => Command?.Creates == true;

    /// <summary>
    /// When only the system records it, as a follow-up (<see cref="FollowUpOnlyAttribute"/>): the kinds of event it
    /// follows; else null.
    /// </summary>
    public IReadOnlyList<string>? FollowUpOf { get; } = ClrType.GetCustomAttribute<FollowUpOnlyAttribute>(inherit: false)?.Causes;

    public bool IsFollowUpOnly => FollowUpOf is not null;

    /// <summary>
    /// The newer version it is read as, when it is an older version kept for stored events and old exports
    /// (<see cref="ISupersededBy{TNext}"/>); else null.
    /// </summary>
    public Type? SupersededBy { get; } = SupersedingInterface(ClrType)?.GetGenericArguments()[0];

    public bool IsSuperseded => SupersededBy is not null;

    /// <summary>Reads an event of this older version as its newer version; null for a current version.</summary>
    public Func<DomainEvent, DomainEvent>? Upcast { get; } = UpcastOf(ClrType);

    /// <summary>The fields that name another aggregate's stream (<see cref="TouchesAttribute"/>), in declaration order.</summary>
    public IReadOnlyList<(PropertyInfo Field, string Aggregate)> TouchedFields { get; } =
    [
        .. ClrType.GetConstructors().Single().GetParameters()
            .Select(p => ClrType.GetProperty(p.Name!)!)
            .Where(p => p.GetCustomAttribute<TouchesAttribute>() is not null)
            .Select(p => (p, p.GetCustomAttribute<TouchesAttribute>()!.Aggregate)),
    ];

    /// <summary>The other streams recording <paramref name="e"/> reads or writes, as (aggregate, id).</summary>
    public IEnumerable<(string Aggregate, string Id)> Touched(DomainEvent e) =>
        TouchedFields.Select(f => (f.Aggregate, f.Field.GetValue(e) as string)).Where(s => s.Item2 is not null).Select(s => (s.Aggregate, s.Item2!));

    /// <summary>The ids of the <paramref name="aggregate"/>s that recording <paramref name="e"/> touches, without repeats.</summary>
    public IReadOnlyList<string> Touched(DomainEvent e, string aggregate) =>
        [.. Touched(e).Where(s => s.Aggregate == aggregate).Select(s => s.Id).Distinct(StringComparer.Ordinal)];

    private static Func<DomainEvent, DomainEvent>? UpcastOf(Type clrType)
    {
        if (SupersedingInterface(clrType) is not { } superseded)
        {
            return null;
        }
        // Looked up once: old events are read on every timeline read and import line of that version.
        var method = clrType.GetInterfaceMap(superseded).TargetMethods.Single();
        return e => (DomainEvent)method.Invoke(e, null)!;
    }

    private static Type? SupersedingInterface(Type clrType) =>
        clrType.GetInterfaces().SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ISupersededBy<>));
}

/// <summary>
/// Every event type of the public contract. Names come from each record's <c>[Alias]</c> ("Name.vN"): a changed
/// shape becomes a new record with the next version, and the old one stays readable. Everything else known of an
/// event (what it means, its command, the streams it touches, whether only the system records it) comes from its
/// record's attributes too, so a new event is declared in one place.
/// </summary>
public static class EventCatalog
{
    /// <summary>The aggregates, each with the base record its events derive from.</summary>
    public static IReadOnlyList<(string Kind, Type EventBase)> Aggregates { get; } =
    [
        (AggregateKind.School, typeof(SchoolEvent)),
        (AggregateKind.Teacher, typeof(TeacherEvent)),
        (AggregateKind.Initiative, typeof(InitiativeEvent)),
        (AggregateKind.Network, typeof(NetworkEvent)),
    ];

    public static IReadOnlyList<EventType> All { get; } = [.. Aggregates.SelectMany(a => Of(a.EventBase, a.Kind))];

    private static readonly FrozenDictionary<Type, EventType> ByType = All.ToFrozenDictionary(e => e.ClrType);
    private static readonly FrozenDictionary<string, EventType> ByName = All.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);

    public static EventType For(Type clrType) =>
        ByType.TryGetValue(clrType, out var type) ? type : throw new ArgumentException($"{clrType.Name} is not a LearningOrg event.", nameof(clrType));

    public static EventType For(DomainEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return For(e.GetType());
    }

    public static EventType? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The event in its current version: an older version upcast, through each newer one, else itself.</summary>
    public static DomainEvent Current(DomainEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        while (For(e).Upcast is { } upcast)
        {
            e = upcast(e);
        }
        return e;
    }

    /// <summary>
    /// The commands of <paramref name="aggregate"/>, the creation first, then in the order their records are declared
    /// (the order of the API's routes).
    /// </summary>
    public static IReadOnlyList<EventType> CommandsOf(string aggregate) =>
    [
        .. All.Where(e => e.Aggregate == aggregate && e.Command is not null)
            .OrderBy(e => e.IsCreation ? 0 : 1)
            .ThenBy(e => e.ClrType.MetadataToken),
    ];

    /// <summary>The events only the system records, as follow-ups, by aggregate and in declaration order.</summary>
    public static IReadOnlyList<EventType> FollowUpOnly { get; } =
    [
        .. All.Where(e => e.IsFollowUpOnly).GroupBy(e => e.Aggregate).SelectMany(g => g.OrderBy(e => e.ClrType.MetadataToken)),
    ];

    private static IEnumerable<EventType> Of(Type eventBase, string aggregate) =>
        eventBase.Assembly.GetTypes()
            .Where(t => t.IsSealed && t.IsSubclassOf(eventBase))
            .Select(t => new EventType(t, t.GetCustomAttribute<AliasAttribute>()?.Alias
                ?? throw new InvalidOperationException($"{t.Name} needs an [Alias(\"{t.Name}.v1\")]."), aggregate))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
}
