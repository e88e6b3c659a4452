using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;

namespace LearningOrg.Api.Web.Forms;

/// <summary>
/// The record forms, derived from the event catalog: one per command an aggregate takes after its creation, with one
/// field per parameter of the event's record. A new event with a <see cref="CommandAttribute"/> gets its form here
/// without any page code.
/// </summary>
public static class EventForms
{
    /// <summary>Parameter names whose text is usually longer than a line.</summary>
    private static readonly string[] LongTextWords =
        ["Description", "Rationale", "Evidence", "Note", "Notes", "Reason", "Hypothesis", "Purpose", "Outcome", "Strategy", "Summary", "Comment", "Answer"];

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<FormField>> FieldsByType = new();

    /// <summary>The names of a record's fields that label the thing it begins, in order of preference.</summary>
    private static readonly string[] NamingFields = ["Title", "Name", "Topic", "RoleTitle", "Kind", "Move"];

    /// <summary>The events a person records on an existing <paramref name="aggregate"/>, in the API's order.</summary>
    public static IReadOnlyList<EventType> Of(string aggregate) => [.. EventCatalog.CommandsOf(aggregate).Where(t => !t.IsCreation)];

    /// <summary>The form's element id: the event's kind, e.g. <c>DecisionRecorded</c>.</summary>
    public static string FormId(EventType type) => type.Kind;

    /// <summary>The form's heading: the command's summary up to its first explanation ("Record a decision, who took it and how").</summary>
    public static string Title(EventType type)
    {
        var summary = type.Command?.Summary ?? Labels.Words(type.Kind);
        var colon = summary.IndexOf(':', StringComparison.Ordinal);
        summary = (colon > 0 ? summary[..colon] : summary).Trim();
        // An aside in brackets goes, unless the words before it are too few to say what the form records ("Rate (1-4) ...").
        var aside = summary.IndexOf(" (", StringComparison.Ordinal);
        return aside > 0 && summary[..aside].Split(' ').Length >= 3 ? summary[..aside] : summary;
    }

    /// <summary>The API route the form posts to, for the record <paramref name="id"/> (or a "{field}" the form fills).</summary>
    public static string Route(EventType type, string id) =>
        $"/api/{type.Aggregate}s/{(id.StartsWith('{') ? id : Uri.EscapeDataString(id))}/{type.Command!.Route}";

    /// <summary>
    /// The forms grouped by the thing they keep track of: events that share an id field (a role's definition,
    /// revision, assignment and retirement) form a group named after it; the rest are about the record as a whole.
    /// </summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<EventType> Forms)> Grouped(string aggregate)
    {
        var forms = Of(aggregate);
        var shared = forms.SelectMany(f => Fields(f).Where(x => x.Kind is FieldKind.NewId or FieldKind.Reference).Select(x => x.Name))
            .GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        string GroupOf(EventType form) =>
            Fields(form).FirstOrDefault(x => x.Kind is FieldKind.NewId or FieldKind.Reference && shared.Contains(x.Name)) is { } key
                ? Plural(key.Label)
                : $"The {aggregate}";
        return [.. forms.GroupBy(GroupOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key.StartsWith("The ", StringComparison.Ordinal) ? 0 : 1)
            .Select(g => (g.Key, (IReadOnlyList<EventType>)[.. g]))];
    }

    /// <summary>The fields of <paramref name="type"/>'s form, in the record's order.</summary>
    public static IReadOnlyList<FormField> Fields(EventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        // Read once per type: a page asks for every form's fields, and for the fields of each entry it offers to refer to.
        return FieldsByType.GetOrAdd(type.ClrType, static (_, t) => [.. Parameters(t).Select(p => FieldOf(t, p))], type);
    }

    /// <summary>The words that name a thing an entry began, to offer it in a list: its title, or its teacher and description.</summary>
    public static string? NameOf(DomainEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var type = e.GetType();
        foreach (var name in NamingFields)
        {
            if (type.GetProperty(name)?.GetValue(e) is string { Length: > 0 } text)
            {
                return text;
            }
        }
        return null;
    }

    /// <summary>The value of the field <paramref name="jsonName"/> of <paramref name="e"/>, or null.</summary>
    public static object? ValueOf(DomainEvent e, string jsonName)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.GetType().GetProperties().FirstOrDefault(p => JsonName(p.Name) == jsonName)?.GetValue(e);
    }

    public static string JsonName(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    public static IEnumerable<ParameterInfo> Parameters(EventType type) =>
        type.ClrType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();

    private static FormField FieldOf(EventType type, ParameterInfo parameter)
    {
        var name = JsonName(parameter.Name!);
        var property = type.ClrType.GetProperty(parameter.Name!)!;
        var nullable = new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.Nullable;
        var underlying = Nullable.GetUnderlyingType(parameter.ParameterType);
        var valueType = underlying ?? parameter.ParameterType;
        var optional = nullable || underlying is not null || parameter.HasDefaultValue;
        var teacher = property.IsDefined(typeof(TeacherReferenceAttribute)) || parameter.IsDefined(typeof(TeacherReferenceAttribute));
        var touches = property.GetCustomAttribute<TouchesAttribute>()?.Aggregate;
        var label = Labels.Words(parameter.Name!);
        var reference = label.EndsWith(" id", StringComparison.Ordinal) ? label[..^3] : label;

        FieldKind kind;
        if (valueType == typeof(string))
        {
            kind = teacher ? FieldKind.Teacher
                : property.IsDefined(typeof(RoleTypeReferenceAttribute)) ? FieldKind.RoleType
                : touches == AggregateKind.School ? FieldKind.School
                : parameter.Name!.EndsWith("Id", StringComparison.Ordinal) && parameter.Name.Length > 2
                    ? (BeginsThingNamed(type, parameter.Name) ? FieldKind.NewId : FieldKind.Reference)
                : LongTextWords.Any(w => parameter.Name.EndsWith(w, StringComparison.Ordinal)) ? FieldKind.LongText
                : FieldKind.Text;
            if (kind is FieldKind.Teacher or FieldKind.School or FieldKind.Reference or FieldKind.NewId or FieldKind.RoleType)
            {
                label = reference;
            }
        }
        else if (valueType == typeof(ImmutableArray<string>))
        {
            kind = teacher ? FieldKind.Teachers : FieldKind.Entries;
        }
        else if (valueType.IsEnum)
        {
            kind = FieldKind.Choice;
        }
        else if (valueType == typeof(int) || valueType == typeof(long))
        {
            kind = FieldKind.WholeNumber;
        }
        else if (valueType == typeof(decimal) || valueType == typeof(double))
        {
            kind = FieldKind.DecimalNumber;
        }
        else if (valueType == typeof(bool))
        {
            kind = FieldKind.YesNo;
        }
        else if (valueType == typeof(DateTimeOffset))
        {
            kind = FieldKind.Instant;
        }
        else
        {
            kind = FieldKind.Json;
        }
        var defaultValue = parameter.HasDefaultValue && parameter.DefaultValue is { } d ? Convert.ToString(d, System.Globalization.CultureInfo.InvariantCulture) : null;
        return new FormField(name, label, kind, optional, valueType.IsEnum ? valueType : null, defaultValue);
    }

    /// <summary>
    /// The id field <paramref name="field"/> names a thing this event begins when no command of the aggregate declared
    /// before it carries that field: a decision's id, a role's first definition, an episode's opening.
    /// </summary>
    private static bool BeginsThingNamed(EventType type, string field) =>
        EventCatalog.CommandsOf(type.Aggregate)
            .First(t => t.ClrType.GetProperty(field) is not null) == type;

    private static string Plural(string noun) => noun.EndsWith('s') ? noun : noun + "s";
}
