using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;

namespace LearningOrg.Research;

/// <summary>
/// Builds a pseudonymized reader's answer from the answer's types, field by field: a field marked
/// <see cref="TeacherReferenceAttribute"/> gets pseudonyms, <see cref="TeacherKeysAttribute"/> pseudonyms as keys,
/// <see cref="PersonalNameAttribute"/> is left out, <see cref="PseudonymizedAttribute"/> says what else changes, and
/// every other text is free text, which <see cref="NameMask"/> masks. An event's summary is written again from the
/// pseudonymized event, so a name or an id that only the event's fields hold never reaches the sentence.
/// </summary>
/// <remarks>
/// It walks the JSON the endpoint would send beside the objects it came from, reading the attributes of each
/// object's type: a field the types do not describe is free text too, so a new field is masked rather than shown.
/// </remarks>
public sealed class PseudonymizedView
{
    private static readonly ConcurrentDictionary<Type, Dictionary<string, Member>> Members = new();

    private readonly Pseudonymizer pseudonyms;
    private readonly Func<string, string> teacher;
    private readonly JsonSerializerOptions json;
    private readonly Func<string, string> text;

    private PseudonymizedView(Pseudonymizer pseudonyms, Func<string, string> teacher, JsonSerializerOptions json, Func<string, string> text)
    {
        this.pseudonyms = pseudonyms;
        this.teacher = teacher;
        this.json = json;
        this.text = text;
    }

    private enum Role
    {
        Text,
        Teacher,
        TeacherKeys,
        Name,
        Stream,
        User,
        Command,
        AggregateId,
        Summary,
    }

    /// <summary>The answer as a pseudonymized reader receives it.</summary>
    /// <param name="teacher">A teacher id's pseudonym.</param>
    /// <param name="mask">The mask of free text, given every free text the answer holds.</param>
    public static async Task<JsonNode?> BuildAsync(object value, Pseudonymizer pseudonyms, Func<string, string> teacher, JsonSerializerOptions json,
        Func<IReadOnlyCollection<string>, Task<NameMask>> mask)
    {
        var node = JsonSerializer.SerializeToNode(value, value.GetType(), json);
        var texts = new HashSet<string>(StringComparer.Ordinal);
        new PseudonymizedView(pseudonyms, teacher, json, t =>
        {
            texts.Add(t);
            return t;
        }).Walk(node, value.GetType(), value, Role.Text, null);
        var names = await mask(texts);
        return new PseudonymizedView(pseudonyms, teacher, json, names.Apply).Walk(node, value.GetType(), value, Role.Text, null);
    }

    private JsonNode? Walk(JsonNode? node, Type type, object? instance, Role role, Type? owner)
    {
        switch (role)
        {
            case Role.Name:
                return null;
            case Role.Teacher:
                return Strings(node, teacher);
            case Role.Stream:
                return Strings(node, StreamKey);
            case Role.User:
                return Strings(node, pseudonyms.User);
            case Role.Command:
                return Strings(node, pseudonyms.Command);
            case Role.AggregateId:
                return owner is { IsGenericType: true } generic && generic.GetGenericArguments().Contains(typeof(TeacherState))
                    ? Strings(node, teacher)
                    : Strings(node, text);
        }
        return node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(text(value.GetValue<string>())),
            JsonValue value => value.DeepClone(),
            JsonArray array => WalkArray(array, type, instance, role),
            JsonObject obj when DictionaryTypes(type) is { } entry => WalkDictionary(obj, entry, instance, role),
            JsonObject obj => WalkObject(obj, instance?.GetType() ?? type, instance),
            _ => node.DeepClone(),
        };
    }

    private JsonArray WalkArray(JsonArray array, Type type, object? instance, Role role)
    {
        var element = ElementType(type);
        var items = instance is IEnumerable enumerable and not string ? enumerable.Cast<object?>().ToList() : null;
        var copy = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            copy.Add(Walk(array[i], element, items is not null && i < items.Count ? items[i] : null, role, null));
        }
        return copy;
    }

    private JsonObject WalkDictionary(JsonObject obj, Type[] keyAndValue, object? instance, Role role)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in obj)
        {
            var item = keyAndValue[0] == typeof(string) && instance is IDictionary dictionary && dictionary.Contains(key) ? dictionary[key] : null;
            copy[role == Role.TeacherKeys ? teacher(key) : text(key)] = Walk(value, keyAndValue[1], item, Role.Text, null);
        }
        return copy;
    }

    private JsonObject WalkObject(JsonObject obj, Type type, object? instance)
    {
        var members = Members.GetOrAdd(type, Describe);
        var copy = new JsonObject();
        string? summary = null;
        foreach (var (name, value) in obj)
        {
            if (!members.TryGetValue(name, out var member))
            {
                copy[name] = Walk(value, typeof(object), null, Role.Text, null);
                continue;
            }
            if (member.Role == Role.Name)
            {
                continue;
            }
            if (member.Role == Role.Summary)
            {
                summary = name;
                continue;
            }
            var memberType = member.Property.PropertyType;
            var item = instance is null ? null : member.Property.GetValue(instance);
            if (memberType == typeof(JsonElement) && obj["type"] is JsonValue typeName && typeName.GetValueKind() == JsonValueKind.String)
            {
                // Stored event data: its type names the event.
                (memberType, item) = (Event(typeName.GetValue<string>()).ClrType, null);
            }
            copy[name] = Walk(value, memberType, item, member.Role, type);
        }
        if (summary is not null)
        {
            copy[summary] = Summary(copy);
        }
        return copy;
    }

    /// <summary>The sentence of the event in <paramref name="copy"/> (already pseudonymized), its name fields withheld.</summary>
    private string Summary(JsonObject copy)
    {
        var type = Event(copy["type"]!.GetValue<string>());
        var data = copy["data"]!.DeepClone().AsObject();
        foreach (var property in type.ClrType.GetProperties().Where(p => p.IsDefined(typeof(PersonalNameAttribute))))
        {
            data[JsonName(property)] = NameMask.Withheld;
        }
        var streamId = copy["streamId"]!.GetValue<string>();
        return TimelineProjection.Summarize(TimelineProjection.ReadData(JsonSerializer.SerializeToElement(data), type.ClrType), StreamKeys.Parse(streamId).Id);
    }

    private string StreamKey(string streamId)
    {
        var (aggregate, id) = StreamKeys.Parse(streamId);
        return aggregate == StreamKeys.Teacher ? StreamKeys.For(aggregate, teacher(id)) : streamId;
    }

    private static JsonNode? Strings(JsonNode? node, Func<string, string> map) => node switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(map(value.GetValue<string>())),
        JsonArray array => new JsonArray([.. array.Select(item => Strings(item, map))]),
        _ => node?.DeepClone(),
    };

    private Dictionary<string, Member> Describe(Type type)
    {
        var members = new Dictionary<string, Member>(StringComparer.Ordinal);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var role = property.IsDefined(typeof(PersonalNameAttribute)) ? Role.Name
                : property.IsDefined(typeof(TeacherReferenceAttribute)) ? Role.Teacher
                : property.IsDefined(typeof(TeacherKeysAttribute)) ? Role.TeacherKeys
                : property.GetCustomAttribute<PseudonymizedAttribute>()?.Kind switch
                {
                    PseudonymizedAs.StreamKey => Role.Stream,
                    PseudonymizedAs.User => Role.User,
                    PseudonymizedAs.Command => Role.Command,
                    PseudonymizedAs.AggregateId => Role.AggregateId,
                    PseudonymizedAs.EventSummary => Role.Summary,
                    _ => Role.Text,
                };
            members[property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonName(property)] = new Member(property, role);
        }
        return members;
    }

    private static EventType Event(string name) => EventCatalog.Find(name) ?? throw new JsonException($"{name} is not an event type.");

    private string JsonName(PropertyInfo property) => json.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;

    /// <summary>The key and value types of a dictionary type, or null when it is none.</summary>
    private static Type[]? DictionaryTypes(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)))
            ?.GetGenericArguments();

    private static Type ElementType(Type type) =>
        type.IsArray ? type.GetElementType()!
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
        ?? typeof(object);

    private sealed record Member(PropertyInfo Property, Role Role);
}
