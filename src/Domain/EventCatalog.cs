using System.Collections.Frozen;
using System.Reflection;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Domain;

/// <summary>One kind of event as the public contract names it.</summary>
/// <param name="Name">The stored and exported type name, e.g. <c>DecisionRecorded.v1</c>. Never changes once published.</param>
/// <param name="Aggregate">The kind of stream it belongs to: school, teacher, initiative or network.</param>
public sealed record EventType(Type ClrType, string Name, string Aggregate)
{
    /// <summary>The name without its version, e.g. <c>DecisionRecorded</c>.</summary>
    public string Kind => Name[..Name.LastIndexOf(".v", StringComparison.Ordinal)];

    public int Version => int.Parse(Name[(Name.LastIndexOf(".v", StringComparison.Ordinal) + 2)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// When only the system records it, as a follow-up (<see cref="FollowUpOnlyAttribute"/>): the kinds of event it
    /// follows; else null.
    /// </summary>
    public IReadOnlyList<string>? FollowUpOf { get; } = ClrType.GetCustomAttribute<FollowUpOnlyAttribute>(inherit: false)?.Causes;

    public bool IsFollowUpOnly => FollowUpOf is not null;
}

/// <summary>
/// Every event type of the public contract. Names come from each record's <c>[Alias]</c> ("Name.vN"): a changed
/// shape becomes a new record with the next version, and the old one stays readable.
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<EventType> All { get; } =
    [
        .. Of<SchoolEvent>("school"),
        .. Of<TeacherEvent>("teacher"),
        .. Of<InitiativeEvent>("initiative"),
        .. Of<NetworkEvent>("network"),
    ];

    private static readonly FrozenDictionary<Type, EventType> ByType = All.ToFrozenDictionary(e => e.ClrType);
    private static readonly FrozenDictionary<string, EventType> ByName = All.ToFrozenDictionary(e => e.Name, StringComparer.Ordinal);

    public static EventType For(Type clrType) =>
        ByType.TryGetValue(clrType, out var type) ? type : throw new ArgumentException($"{clrType.Name} is not a LearningOrg event.", nameof(clrType));

    public static EventType? Find(string name) => ByName.GetValueOrDefault(name);

    private static IEnumerable<EventType> Of<TBase>(string aggregate)
        where TBase : DomainEvent =>
        typeof(TBase).Assembly.GetTypes()
            .Where(t => t.IsSealed && t.IsSubclassOf(typeof(TBase)))
            .Select(t => new EventType(t, t.GetCustomAttribute<AliasAttribute>()?.Alias
                ?? throw new InvalidOperationException($"{t.Name} needs an [Alias(\"{t.Name}.v1\")]."), aggregate))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
}
