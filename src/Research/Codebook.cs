using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Research;

/// <summary>One column of the export: an envelope field or a field of one event type's data.</summary>
/// <param name="Type">string, string[], integer, number, boolean, date-time or enum.</param>
/// <param name="Required">The field is always present; a required text is never blank.</param>
/// <param name="Nullable">The field may be null.</param>
/// <param name="Format">identifier, identifier[], uuid or date-time, when the value has a fixed format.</param>
/// <param name="MaxLength">For texts, the most characters; for lists of texts, the most characters of each item.</param>
/// <param name="MaxItems">For lists, the most items.</param>
/// <param name="Pseudonymized">What a pseudonymized export does with the field, when it changes it.</param>
/// <param name="CsvColumn">The column's header in the CSV export.</param>
public sealed record CodebookField(
    string Name,
    string Type,
    string? Description,
    bool Required,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Nullable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Unit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? AllowedValues,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Format,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxLength,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxItems,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Minimum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? Maximum,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Pseudonymized,
    string CsvColumn);

public sealed record CodebookEventType(string Name, string Aggregate, string Stream, string? Description, IReadOnlyList<CodebookField> Fields);

/// <summary>How the CSV export writes values.</summary>
public sealed record CsvConventions(string Encoding, string LineEnding, string ListSeparator, string ListEscape, string Missing, string Numbers, string Dates);

/// <summary>Every event type and field of the research export, with types, units and allowed values, and the culture indicators.</summary>
public sealed record CodebookDocument(
    string Title,
    string About,
    IReadOnlyList<CodebookField> Envelope,
    CsvConventions Csv,
    IReadOnlyList<CodebookEventType> EventTypes,
    IReadOnlyList<CodebookIndicator> Indicators);

/// <summary>
/// Builds the codebook from the event records (types, enums, which fields are teacher ids or names, what each event
/// means) and from the table below (descriptions, units and the limits of <see cref="Limits"/> and the aggregates that the rules enforce).
/// A field missing from the table still appears, with no description; a test insists that none is missing.
/// </summary>
public static class Codebook
{
    public const string ListSeparator = ";";

    public const string TeacherPseudonym = "replaced by the teacher's pseudonym, t- and 20 hex digits (HMAC-SHA256 under the deployment's key)";

    private const string IdentifierFormat = "identifier";

    /// <summary>A role type reference is one identifier, or two joined by a slash (initiative-id/type-id).</summary>
    private const int RoleTypeReferenceLength = (2 * Limits.IdLength) + 1;

    private const string MeasureUnit = "the measure's own unit (MeasureDefined.unit)";

    public static string CsvColumn(string typeName, string field) => $"{typeName}.{field}";

    private static CodebookDocument Build()
    {
        var types = EventShapes.All.Select(shape => new CodebookEventType(
            shape.Type.Name,
            shape.Type.Aggregate,
            $"{shape.Type.Aggregate}/{{id}}",
            shape.Type.Description,
            [.. shape.Fields.Select(f => Field(shape, f))]));
        return new CodebookDocument(
            "LearningOrg research export codebook",
            "Each line of a JSON Lines export is one event: the envelope fields below, with the event's own fields in data " +
            "(data also repeats occurredAt). Lines are ordered by sequence. An export is fixed at a global sequence " +
            "(X-Export-Sequence): the same request with that upToSequence gives the same bytes later. In pseudonymized " +
            "exports (the default) teacher ids are replaced by keyed pseudonyms wherever they appear, fields holding a " +
            "person's name are left out, and in free text teachers' registered full names are replaced by their " +
            "pseudonym and the other names name fields hold (who assessed, who observed) by [name withheld]; other free " +
            "text is exported as written and may still mention people (first names, nicknames). An event stored in an " +
            "older version of its type is exported in the current version, as every reader of the store sees it (its " +
            "eventId, sequence and times unchanged); the older version stays in this codebook, its description saying " +
            "how it maps, so that older exports still read and import.",
            Envelope,
            new CsvConventions(
                "UTF-8 without byte order mark; RFC 4180 quoting",
                "CRLF",
                ListSeparator,
                @"a backslash before ; or \ inside a list item",
                "empty cell: the event type has no such field, the value is null, or it was left out",
                "invariant culture, . as decimal separator; booleans true/false",
                "ISO 8601 with offset, as in the JSON"),
            [.. types],
            IndicatorCodebook.All);
    }

    private static IReadOnlyList<CodebookField> Envelope { get; } =
    [
        Common("eventId", "string", "The event's id, unique in the store.", "uuid"),
        Common("sequence", "integer", "Global position across all streams, in recording order (transaction time). Gaps are normal."),
        Common("streamId", "string", "{aggregate}/{id}: school/…, teacher/…, initiative/…, network/….", pseudonymized: "teacher/{id} becomes teacher/{pseudonym}"),
        Common("version", "integer", "Position in its stream, from 1."),
        Common("type", "string", "The event type, e.g. DecisionRecorded.v1 (see eventTypes)."),
        Common("occurredAt", "date-time", "When it happened in the school (valid time); may lie before recordedAt.", "date-time"),
        Common("recordedAt", "date-time", "When the store took it (transaction time).", "date-time"),
        Common("recordedBy", "string", "Who entered it.", nullable: true, pseudonymized: "replaced by u- and 20 hex digits"),
        Common("commandId", "string", $"The command (Idempotency-Key) that produced it; a follow-up written by the system ends in {FollowUp.Endings}.",
            nullable: true, pseudonymized: $"replaced by c- and 20 hex digits, keeping a follow-up's {FollowUp.Endings}"),
    ];

    private static CodebookField Common(string name, string type, string description, string? format = null, bool nullable = false, string? pseudonymized = null) =>
        new(name, type, description, true, nullable, null, null, format, null, null, null, null, pseudonymized, name);

    private static CodebookField Field(EventShape shape, EventField field)
    {
        var spec = Specs.GetValueOrDefault($"{shape.Type.Kind}.{field.Name}") ?? Specs.GetValueOrDefault(field.Name);
        var clr = field.ClrType;
        var isList = clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(ImmutableArray<>);
        var element = isList ? clr.GetGenericArguments()[0] : Nullable.GetUnderlyingType(clr) ?? clr;
        var type = element switch
        {
            _ when element == typeof(string) => "string",
            _ when element == typeof(int) || element == typeof(long) => "integer",
            _ when element == typeof(decimal) || element == typeof(double) => "number",
            _ when element == typeof(bool) => "boolean",
            _ when element == typeof(DateTimeOffset) => "date-time",
            { IsEnum: true } => "enum",
            _ => element.Name,
        } + (isList ? "[]" : string.Empty);
        var pseudonymized = field.TeacherReference
            ? TeacherPseudonym
            : field.PersonalName ? "left out (a person's name)" : null;
        return new CodebookField(
            field.Name,
            type,
            spec?.Description,
            Required: !(spec?.Optional ?? false) && !field.Nullable,
            field.Nullable,
            spec?.Unit,
            element.IsEnum ? Enum.GetNames(element) : null,
            spec?.Identifier == true ? (isList ? "identifier[]" : IdentifierFormat) : null,
            spec?.MaxLength,
            spec?.MaxItems,
            spec?.Minimum,
            spec?.Maximum,
            pseudonymized,
            CsvColumn(shape.Type.Name, field.Name));
    }

    /// <summary>The codebook as Markdown, for reading.</summary>
    public static string Markdown()
    {
        var document = Document;
        var text = new StringBuilder();
        text.Append("# ").Append(document.Title).Append("\n\n").Append(document.About).Append("\n\n");
        text.Append("An identifier is a lower-case slug (a-z, 0-9, inner hyphens, at most ")
            .Append(Limits.IdLength.ToString(CultureInfo.InvariantCulture))
            .Append(" characters) or a lower-case GUID.\n\n## Envelope\n\n");
        AppendTable(text, document.Envelope);
        var csv = document.Csv;
        text.Append("\n## CSV\n\nOne row per event, the envelope's columns first, then one column per field of every event type, named ")
            .Append("`{type}.{field}` (e.g. `DecisionRecorded.v1.mode`), in the order of this codebook; a row fills only its own type's columns. ")
            .Append("Lists are joined with `").Append(csv.ListSeparator).Append("` (").Append(csv.ListEscape).Append("). ")
            .Append(csv.Encoding).Append(", ").Append(csv.LineEnding).Append(" line endings. Missing: ").Append(csv.Missing)
            .Append(". Numbers: ").Append(csv.Numbers).Append(". Dates: ").Append(csv.Dates).Append(".\n");
        foreach (var aggregate in document.EventTypes.GroupBy(t => t.Aggregate))
        {
            text.Append("\n## ").Append(aggregate.Key).Append(" streams (`").Append(aggregate.Key).Append("/{id}`)\n");
            foreach (var type in aggregate)
            {
                text.Append("\n### ").Append(type.Name).Append("\n\n");
                if (type.Description is not null)
                {
                    text.Append(type.Description).Append("\n\n");
                }
                AppendTable(text, type.Fields);
            }
        }
        IndicatorCodebook.AppendMarkdown(text);
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, IEnumerable<CodebookField> fields)
    {
        text.Append("| field | type | unit | allowed values | description |\n|---|---|---|---|---|\n");
        foreach (var f in fields)
        {
            var allowed = new List<string>();
            if (f.AllowedValues is { } values)
            {
                allowed.Add(string.Join(", ", values));
            }
            if (f.Format is { } format)
            {
                allowed.Add(format);
            }
            if (f.Minimum is not null || f.Maximum is not null)
            {
                allowed.Add(string.Create(CultureInfo.InvariantCulture, $"{f.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "…"} to {f.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "…"}"));
            }
            if (f.MaxItems is { } items)
            {
                allowed.Add(string.Create(CultureInfo.InvariantCulture, $"at most {items} items"));
            }
            if (f.MaxLength is { } length)
            {
                allowed.Add(string.Create(CultureInfo.InvariantCulture, $"at most {length} characters{(f.MaxItems is null ? string.Empty : " each")}"));
            }
            if (!f.Required)
            {
                allowed.Add(f.Nullable ? "may be null" : "may be empty");
            }
            var description = f.Description ?? string.Empty;
            if (f.Pseudonymized is { } pseudonymized)
            {
                description += $" Pseudonymized: {pseudonymized}.";
            }
            text.Append("| `").Append(f.Name).Append("` | ").Append(f.Type).Append(" | ").Append(f.Unit ?? string.Empty).Append(" | ")
                .Append(string.Join("; ", allowed)).Append(" | ").Append(description.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |\n");
        }
    }

    /// <summary>What the codebook says of a field beyond its type.</summary>
    private sealed record Spec(
        string Description,
        string? Unit = null,
        int? MaxLength = null,
        int? MaxItems = null,
        decimal? Minimum = null,
        decimal? Maximum = null,
        bool Identifier = false,
        bool Optional = false);

    private static Spec Text(int max, string description, bool optional = false) => new(description, MaxLength: max, Optional: optional);

    private static Spec Texts(string description, int maxItems = Limits.ListItems, int maxLength = Limits.ShortText) =>
        new(description, MaxLength: maxLength, MaxItems: maxItems);

    private static Spec Id(string description) => new(description, Identifier: true);

    private static Spec Ids(string description, int maxItems) => new(description, MaxItems: maxItems, Identifier: true);

    private static Spec Number(string description, string unit, decimal? min = null, decimal? max = null) => new(description, unit, Minimum: min, Maximum: max);

    private static Spec Value(string description) => new(description);

    // Keyed by field, or by "Kind.field" where one event type means something else by the same name.
    private static readonly Dictionary<string, Spec> Specs = new(StringComparer.Ordinal)
    {
        // Identifiers.
        ["schoolId"] = Id("The school's id."),
        ["fromSchoolId"] = Id("The school the teacher leaves."),
        ["toSchoolId"] = Id("The school the teacher joins."),
        ["teacherId"] = Id("The teacher's id."),
        ["MeasureObserved.schoolId"] = new("The enrolled school the value was observed at; null when it is a value across the initiative, as in every observation stored before schools could be named.", Identifier: true, Optional: true),
        ["PrincipalMoveRecorded.teacherId"] = new("The teacher the move concerned, if one did.", Identifier: true, Optional: true),
        ["BreakingRanksReactionRecorded.teacherId"] = new("The colleague who reacted, on the school's staff that day, when reactedBy is Colleague; else null.", Identifier: true, Optional: true),
        ["roleId"] = Id("The teacher-leader role's id, unique within its school."),
        ["decisionId"] = Id("The decision's id, unique within its school."),
        ["episodeId"] = Id("The breaking-ranks episode's id, unique within its school."),
        ["measureId"] = Id("The measure's id, unique within its initiative."),
        ["interventionId"] = Id("The intervention's id, unique within its initiative."),
        ["participants"] = Ids("The teachers who took part, each on the school's staff that day.", Limits.Participants),

        // Names and short texts.
        ["name"] = Text(Limits.Name, "The name."),
        ["SchoolRegistered.name"] = Text(Limits.Name, "The school's name."),
        ["TeacherRegistered.name"] = Text(Limits.Name, "The teacher's full name."),
        ["InitiativeLaunched.name"] = Text(Limits.Name, "The initiative's name."),
        ["MeasureDefined.name"] = Text(Limits.Name, "What the measure measures."),
        ["NetworkFormed.name"] = Text(Limits.Name, "The network's name."),
        ["district"] = Text(Limits.Name, "The district the school belongs to."),
        ["title"] = Text(Limits.Name, "The role's title."),
        ["DecisionRecorded.title"] = Text(Limits.Name, "What was decided, in a line."),
        ["category"] = Text(Limits.Label, "The kind of role (e.g. instruction, data, mentoring), as the school names it."),
        ["area"] = Text(Limits.Label, "The area the decision concerns (e.g. assessment, schedule), as the school names it."),
        ["assessedBy"] = Text(Limits.Name, "Who assessed the stage (a person or a team)."),
        ["observedBy"] = Text(Limits.Name, "Who observed the act (a colleague, the principal)."),
        ["condition"] = Text(Limits.Name, "The school condition rated (e.g. time for collaboration, trust)."),
        ["move"] = Text(Limits.Name, "What the principal did (e.g. gave release time, protected a teacher's proposal)."),
        ["topic"] = Text(Limits.Name, "What the discussion was about."),
        ["stakeholder"] = Text(Limits.Name, "Who was engaged (a person, a group, an organisation)."),
        ["role"] = Text(Limits.Name, "The stakeholder's part in the initiative."),
        ["program"] = Text(Limits.Name, "The professional-learning program completed."),
        ["community"] = Text(Limits.Name, "The team, professional learning community or network joined."),
        ["source"] = Text(Limits.Name, "Where the observed value comes from (e.g. a survey, the state assessment)."),
        ["roleTitle"] = Text(Limits.Name, "The title of the role the framework is for."),
        ["roleTypeId"] = new("The role's type: a built-in type's id (see /api/catalogs/role-types) or a district's own as initiative-id/type-id; absent when no type was given (then category names the role).", MaxLength: RoleTypeReferenceLength, Optional: true),
        ["RoleFrameworkSet.roleTypeId"] = new("The role type the framework also applies to, beside roles of its title: a built-in type's id or a type the initiative's district added; absent when it applies by title only.", MaxLength: RoleTypeReferenceLength, Optional: true),
        ["TeacherLeaderRoleDefined.purpose"] = Text(Limits.Note, "The role's purpose and summary.", optional: true),
        ["RoleRevised.purpose"] = Text(Limits.Note, "The role's purpose and summary.", optional: true),
        ["qualifications"] = Text(Limits.Note, "What a holder needs to bring to the role.", optional: true),
        ["support"] = Text(Limits.ShortText, "Who and what supports the holder in the role (left out of pseudonymized exports: it may name people).", optional: true),
        ["term"] = Text(Limits.Label, "How long a holder keeps the role, and whether it renews.", optional: true),
        ["compensation"] = Text(Limits.ShortText, "The role's compensation or release time.", optional: true),
        ["typeId"] = Id("The role type's id, unique within the initiative and unlike any built-in type's; roles refer to it as initiative-id/type-id."),
        ["RoleTypeAdded.name"] = Text(Limits.Name, "The role type's name."),
        ["RoleTypeAdded.description"] = Text(Limits.Note, "What a holder of a role of this type does.", optional: true),
        ["unit"] = Text(Limits.Label, "The unit of the measure's baseline, target and observed values."),
        ["kind"] = Text(Limits.Label, "The kind of intervention (e.g. coaching cycle, release time)."),
        ["team"] = Text(Limits.Label, "The team that reacted, by the team's name (e.g. Grade 6 team), when reactedBy is Team; else null.", optional: true),
        ["focus"] = Text(Limits.ShortText, "What the learning focused on.", optional: true),

        // Long texts.
        ["evidence"] = Text(Limits.LongText, "What the assessment rests on."),
        ["InterventionCompleted.evidence"] = Text(Limits.LongText, "What the outcome rests on.", optional: true),
        ["description"] = Text(Limits.LongText, "What the teacher did that stepped out of the flat hierarchy."),
        ["rationale"] = Text(Limits.LongText, "Why it was decided so.", optional: true),
        ["reason"] = Text(Limits.Note, "Why.", optional: true),
        ["note"] = Text(Limits.Note, "A note.", optional: true),
        ["strategy"] = Text(Limits.Note, "What the school will do about the condition.", optional: true),
        ["purpose"] = Text(Limits.Note, "What it is for."),
        ["hypothesis"] = Text(Limits.Note, "What the intervention is expected to change, and why."),
        ["outcome"] = Text(Limits.Note, "What came of the intervention."),

        // Lists of texts.
        ["commitments"] = Texts("What the role commits the teacher to."),
        ["expectations"] = Texts("What is expected of the teacher in the role."),
        ["agreements"] = Texts("What the discussion agreed."),
        ["priorities"] = Texts("The initiative's priorities."),
        ["resources"] = Texts("Resources the initiative can build on."),
        ["dataSystems"] = Texts("Data systems available."),
        ["fundingSources"] = Texts("Funding sources."),
        ["existingCollaboration"] = Texts("Collaboration that already exists."),
        ["trustBarriers"] = Texts("What stands in the way of trust."),
        ["tight"] = Texts("Features of the role the system decides (tight)."),
        ["loose"] = Texts("Features of the role each school decides (loose); none is also tight."),
        ["subjects"] = Texts("The subjects the teacher teaches.", 20, Limits.Label),
        ["grades"] = Texts("The grades the teacher teaches (K, 1, … 12).", 20, 20),

        // Numbers.
        ["staffCount"] = Number("The number of staff.", "people", 1, School.MaxStaff),
        ["hoursPerWeek"] = Number("Time the role is given.", "hours per week", 0, School.MaxHoursPerWeek),
        ["seats"] = Number("How many teachers may hold the role at once.", "people", 1, School.MaxSeats),
        ["rating"] = Number("How well the condition is met.", "rating on a 1-4 scale (1 not in place, 4 fully in place)", 1, 4),
        ["yearsExperience"] = Number("Years of teaching experience when registered.", "years", 0, Teacher.MaxYearsExperience),
        ["hours"] = Number("Length of the learning.", "hours", 0, Teacher.MaxLearningHours),
        ["baseline"] = Number("The measure's value before the initiative.", MeasureUnit),
        ["target"] = Number("The value the initiative aims for.", MeasureUnit),
        ["value"] = Number("The observed value.", MeasureUnit),

        // Enumerations and flags.
        ["stage"] = Value("The school's leadership stage, from a flat hierarchy to shared leadership (in this order)."),
        ["decidedAt"] = Value("Who decided the role: the system (district; tight) or the school (loose)."),
        ["roleKind"] = Value("Whether holding the role is teacher leadership or an administrative appointment (the indicators leave the latter out); the role type's kind when a type is given; absent in definitions stored before it could be recorded, which read as teacher leadership."),
        ["supervisedBy"] = Value("Who supervises the holder in the role: a position, never a name; absent when not recorded."),
        ["selection"] = Value("How the holder is chosen; absent when not recorded."),
        ["group"] = Value("The group of the role-type inventory the type belongs to."),
        ["RoleTypeAdded.roleKind"] = Value("Whether every role of the type is teacher leadership or an administrative appointment."),
        ["minimumHoursPerWeek"] = Number("The fewest hours a week a role of the framework may give (a checked tight item); absent when not fixed.", "hours per week", 0, School.MaxHoursPerWeek),
        ["requiredSelection"] = Value("The selection process a role of the framework must have (a checked tight item); absent when not fixed."),
        ["requiredSupervisor"] = Value("Who must supervise a role of the framework (a checked tight item); absent when not fixed."),
        ["mode"] = Value("How the decision was taken, from the principal alone to the whole staff (in this order)."),
        ["equityFocus"] = Value("Whether the decision was taken with equity as an explicit focus."),
        ["level"] = Value("Where the episode's course stands on the spectrum of irritation (in this order: speaking up is the mildest, resistance the strongest); an opening's level is where the course starts, a de-escalation's never below it."),
        ["BreakingRanksEpisodeOpened.act"] = Value("What the teacher leader did, from the least to the most visible step (in this order); NotRecorded when nobody recorded it, as in every episode stored as BreakingRanksEpisodeOpened.v1."),
        ["reactedBy"] = Value("Who reacted: a colleague (named in teacherId), a team (named in team), or a kind of person or group; never a person's name."),
        ["intensity"] = Value("How strongly they reacted, from mild irritation to resistance (in this order)."),
        ["BreakingRanksSupportGiven.kind"] = Value("How the school supported the teacher leader; a note is required for Other."),
        ["BreakingRanksEpisodeResolved.outcome"] = Value("How the episode ended."),
        ["act"] = Value("The informal act of leadership observed."),
        ["domain"] = Value("The Teacher Leader Model Standards domain it belongs to."),
        ["sponsor"] = Value("Who runs the initiative."),
        ["horizon"] = Value("Whether the measure is short- or long-term."),
        ["phase"] = Value("The phase the initiative entered (phases advance in this order; Planning after Assessment begins the next cycle)."),
        ["question"] = Value("The key question answered: one of the four strategies' key questions or the questions for policy-makers (docs/initiatives.md lists them by source)."),
        ["answer"] = Text(Limits.Note, "The initiative's answer to the key question, in the phase and cycle it was in when recorded."),
        ["KeyQuestionAnswered.evidence"] = Text(Limits.LongText, "What the answer rests on (documents, data, decisions).", optional: true),
    };

    // Last: static initializers run in the order they are written, and these need the tables above.
    public static CodebookDocument Document { get; } = Build();

    /// <summary>The CSV's columns in order: the envelope's, then every field of every event type in codebook order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
        [.. Document.Envelope.Select(f => f.CsvColumn), .. Document.EventTypes.SelectMany(t => t.Fields.Select(f => f.CsvColumn))];
}
