using System.Collections.Frozen;
using System.Reflection;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;

namespace LearningOrg.Research;

/// <summary>A field of an event's data, by its contract name, with what research exports must do with it.</summary>
/// <param name="TeacherReference">It holds teacher ids (<see cref="TeacherReferenceAttribute"/>): pseudonymized.</param>
/// <param name="PersonalName">It holds a person's name (<see cref="PersonalNameAttribute"/>): left out when pseudonymized.</param>
public sealed record EventField(string Name, PropertyInfo Property, bool Nullable, bool TeacherReference, bool PersonalName)
{
    public Type ClrType => Property.PropertyType;
}

/// <summary>An event type with its data fields in declaration order (without occurredAt, which every event has).</summary>
public sealed record EventShape(EventType Type, IReadOnlyList<EventField> Fields);

/// <summary>The shapes of every event type in the catalog, read once from the event records.</summary>
public static class EventShapes
{
    public static IReadOnlyList<EventShape> All { get; } = [.. EventCatalog.All.Select(Describe)];

    private static readonly FrozenDictionary<string, EventShape> ByName = All.ToFrozenDictionary(s => s.Type.Name, StringComparer.Ordinal);

    private static readonly FrozenDictionary<Type, EventShape> ByType = All.ToFrozenDictionary(s => s.Type.ClrType);

    public static EventShape For(string typeName) => ByName[typeName];

    public static EventShape For(Type clrType) => ByType[clrType];

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static EventShape Describe(EventType type)
    {
        var nullability = new NullabilityInfoContext();
        var parameters = type.ClrType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
        var fields = parameters.Select(p =>
        {
            var property = type.ClrType.GetProperty(p.Name!)
                ?? throw new InvalidOperationException($"{type.Name}: the parameter {p.Name} has no property of the same name.");
            return new EventField(
                CamelCase(p.Name!),
                property,
                nullability.Create(property).ReadState == NullabilityState.Nullable,
                property.IsDefined(typeof(TeacherReferenceAttribute)),
                property.IsDefined(typeof(PersonalNameAttribute)));
        });
        return new EventShape(type, [.. fields]);
    }
}
