using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.RegularExpressions;
using LearningOrg.Domain.Common;

namespace LearningOrg.EventStore.Privacy;

/// <summary>
/// Takes one person's name out of events: a field marked <see cref="PersonalNameAttribute"/> that holds the name
/// (whatever the case and spacing) becomes <see cref="Erased"/>, and so does every whole-word mention of the name in
/// any other text field. Teacher references and other ids are never touched: the history keeps its shape.
/// </summary>
public sealed partial class PersonalDataRedactor
{
    /// <summary>What an erased name reads as.</summary>
    public const string Erased = "[erased]";

    /// <summary>Names shorter than this are replaced only where a whole name field holds them, not searched for in text.</summary>
    public const int MinNameLengthInText = 4;

    private static readonly ConcurrentDictionary<Type, TextField[]> FieldsByType = new();

    private readonly string name;
    private readonly Regex? mentions;

    public PersonalDataRedactor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        this.name = Normalize(name);
        if (this.name.Length >= MinNameLengthInText)
        {
            var words = this.name.Split(' ').Select(Regex.Escape);
            mentions = new Regex($@"(?<![\p{{L}}\p{{N}}]){string.Join(@"\s+", words)}(?![\p{{L}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>
    /// The longest run of letters and digits in the name: every event that mentions the name contains it, so a
    /// database search for it finds a superset of them.
    /// </summary>
    public string SearchTerm => WordRun().Matches(name).Select(m => m.Value).MaxBy(w => w.Length) ?? name;

    /// <summary>The event with the name taken out, and the contract names of the fields that changed (none: the same event).</summary>
    public (DomainEvent Event, ImmutableArray<string> Fields) Redact(DomainEvent data)
    {
        DomainEvent? copy = null;
        var changed = ImmutableArray.CreateBuilder<string>();
        foreach (var field in FieldsOf(data.GetType()))
        {
            var value = field.Property.GetValue(data);
            var redacted = value switch
            {
                string text => Text(text, field.PersonalName),
                ImmutableArray<string> { IsDefault: false } texts => Texts(texts, field.PersonalName),
                _ => value,
            };
            if (!Equals(redacted, value))
            {
                copy ??= Clone(data);
                field.Property.SetValue(copy, redacted);
                changed.Add(field.Name);
            }
        }
        return (copy ?? data, changed.ToImmutable());
    }

    private string Text(string text, bool isNameField) =>
        isNameField && Normalize(text).Equals(name, StringComparison.OrdinalIgnoreCase) ? Erased
        : mentions is null ? text
        : mentions.Replace(text, Erased);

    /// <summary>The list with the name taken out; the same list when nothing in it changes.</summary>
    private ImmutableArray<string> Texts(ImmutableArray<string> texts, bool isNameField)
    {
        var redacted = texts.Select(t => Text(t, isNameField)).ToImmutableArray();
        return redacted.SequenceEqual(texts, StringComparer.Ordinal) ? texts : redacted;
    }

    private static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ");

    private static DomainEvent Clone(DomainEvent data) =>
        (DomainEvent)data.GetType().GetMethod("<Clone>$")!.Invoke(data, null)!;

    /// <summary>The event type's text fields that may hold a name: not teacher references, not ids.</summary>
    private static TextField[] FieldsOf(Type type) => FieldsByType.GetOrAdd(type, t =>
        [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType == t && p.CanWrite
                && (p.PropertyType == typeof(string) || p.PropertyType == typeof(ImmutableArray<string>))
                && !p.IsDefined(typeof(TeacherReferenceAttribute))
                && !p.Name.EndsWith("Id", StringComparison.Ordinal))
            .Select(p => new TextField(char.ToLowerInvariant(p.Name[0]) + p.Name[1..], p, p.IsDefined(typeof(PersonalNameAttribute))))]);

    private sealed record TextField(string Name, PropertyInfo Property, bool PersonalName);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordRun();
}
