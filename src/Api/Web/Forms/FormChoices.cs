using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;

namespace LearningOrg.Api.Web.Forms;

/// <summary>What the record forms of one record offer to choose from, by name rather than by id.</summary>
/// <param name="Teachers">The teachers a form may name: a school's staff now, or every teacher elsewhere.</param>
/// <param name="Schools">Every school known to the system.</param>
/// <param name="References">For each id field (a role, an episode, a measure): the things earlier entries of this record began.</param>
/// <remarks><see cref="RoleTypes"/>: the catalog's role types by group, and on an initiative the types its district added.</remarks>
public sealed record FormChoices(
    IReadOnlyList<(string Value, string Text)> Teachers,
    IReadOnlyList<(string Value, string Text)> Schools,
    IReadOnlyDictionary<string, IReadOnlyList<(string Value, string Text)>> References)
{
    public IReadOnlyList<(string Value, string Text)> RoleTypes { get; init; } = RoleTypeOptions([]);

    /// <summary>Each role type as "Name (group)", the built-in ones in the catalog's order, then <paramref name="added"/> by name.</summary>
    public static IReadOnlyList<(string Value, string Text)> RoleTypeOptions(IEnumerable<RoleType> added) =>
    [
        .. RoleTypeCatalog.BuiltIn.Concat(added.OrderBy(t => t.Name, StringComparer.CurrentCulture))
            .Select(t => (t.Id, $"{t.Name} ({Labels.Of(t.Group).ToLowerInvariant()})")),
    ];

    /// <summary>The choices for the forms of the <paramref name="aggregate"/> <paramref name="id"/>.</summary>
    public static async Task<FormChoices> ReadAsync(
        string aggregate, string id, IGrainFactory grains, DirectoryReader directory, EntryQueries entries, CancellationToken cancellationToken)
    {
        var known = await directory.ReadAsync(cancellationToken);
        var names = known.Teachers.ToDictionary(t => t.Id, t => t.Name, StringComparer.Ordinal);
        IEnumerable<string> teacherIds = names.Keys;
        if (aggregate == AggregateKind.School && await grains.GetGrain<ISchoolGrain>(id).GetState() is { } school)
        {
            teacherIds = school.State.StaffNow();
        }
        IEnumerable<RoleType> added = [];
        if (aggregate == AggregateKind.Initiative && await grains.GetGrain<IInitiativeGrain>(id).GetState() is { } initiative)
        {
            added = initiative.State.RoleTypes.Values;
        }
        var history = await entries.HistoryAsync(aggregate, id, cancellationToken);
        return new FormChoices(
            [.. teacherIds.Select(t => (t, names.GetValueOrDefault(t, t))).OrderBy(t => t.Item2, StringComparer.CurrentCulture)],
            [.. known.Schools.Select(s => (s.Id, s.Name)).OrderBy(s => s.Name, StringComparer.CurrentCulture)],
            ReferencesIn(aggregate, history, names))
        {
            RoleTypes = RoleTypeOptions(added),
        };
    }

    /// <summary>
    /// For each field a form of <paramref name="aggregate"/> refers to: the values the entries that begin such a thing
    /// gave it, newest first, each written with the thing's name and the day it began.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<(string Value, string Text)>> ReferencesIn(
        string aggregate, IReadOnlyList<DomainEvent> history, IReadOnlyDictionary<string, string> teacherNames)
    {
        var referred = EventForms.Of(aggregate).SelectMany(EventForms.Fields).Where(f => f.Kind == FieldKind.Reference)
            .Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var e in history)
        {
            var type = EventCatalog.For(e);
            if (type.Command is null)
            {
                continue;
            }
            foreach (var field in EventForms.Fields(type).Where(f => f.Kind == FieldKind.NewId && referred.Contains(f.Name)))
            {
                if (EventForms.ValueOf(e, field.Name) is not string value)
                {
                    continue;
                }
                var things = found.TryGetValue(field.Name, out var list) ? list : found[field.Name] = new(StringComparer.Ordinal);
                things[value] = $"{Describe(e, type, teacherNames) ?? value}, {Display.Date(e.OccurredAt)}";
            }
        }
        return found.ToDictionary(
            f => f.Key,
            f => (IReadOnlyList<(string, string)>)[.. f.Value.Reverse().Select(v => (v.Key, v.Value))],
            StringComparer.Ordinal);
    }

    /// <summary>The thing's title, or its teacher and what it says ("Olivia Grant: spoke at the staff meeting").</summary>
    private static string? Describe(DomainEvent e, EventType type, IReadOnlyDictionary<string, string> teacherNames)
    {
        if (EventForms.NameOf(e) is { } name)
        {
            return name;
        }
        var fields = EventForms.Fields(type);
        var teacher = fields.FirstOrDefault(f => f.Kind == FieldKind.Teacher) is { } t && EventForms.ValueOf(e, t.Name) is string teacherId
            ? teacherNames.GetValueOrDefault(teacherId, teacherId)
            : null;
        var text = fields.FirstOrDefault(f => f.Kind == FieldKind.LongText) is { } l && EventForms.ValueOf(e, l.Name) is string words
            ? Timeline.TimelineDisplay.Cut(words.ReplaceLineEndings(" "), 60)
            : null;
        return (teacher, text) switch
        {
            (null, null) => null,
            ({ } who, null) => who,
            (null, { } what) => what,
            ({ } who, { } what) => $"{who}: {what}",
        };
    }
}
