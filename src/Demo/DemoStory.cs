using System.Globalization;

namespace LearningOrg.Demo;

/// <summary>
/// The demo story as data: the Riverbend Learning Network, three schools of the Riverbend Unified School District,
/// from August 2021 to June 2025, as they move from a flat hierarchy towards shared teacher leadership.
/// <list type="bullet">
/// <item>Maple Grove Elementary moves fast: a principal who wants to share leadership, a coach and PLC facilitators in
/// the first autumn, teacher-led decisions by the second year, Shared by January 2024.</item>
/// <item>Cedar Hill Middle School moves slowly: a careful principal, a teacher's proposal for common planning withdrawn
/// under pressure in 2022, a PLC pilot in 2023, Developing only in 2025.</item>
/// <item>Harbor View High School stalls: its data lead gives up, its chemistry teacher's proposal meets resistance and is
/// never settled, decisions go back to the principal. A new principal in July 2023 starts with a listening tour, and
/// the school recovers.</item>
/// </list>
/// Meanwhile the district's "Teacher Leadership Pathways" initiative plans, designs, defines its measures, enrols the
/// three schools, implements and, in 2025, assesses.
/// <para>
/// Each chapter below tells one part; <see cref="Steps"/> puts all the events in the order they happened (so that a
/// teacher is on the staff before a decision names them, a role is defined before it is assigned, a measure before
/// it is observed) and numbers them <c>demo-0001</c>, <c>demo-0002</c>, ... as their fixed command ids.
/// </para>
/// </summary>
public static partial class DemoStory
{
    /// <summary>The district the three schools belong to.</summary>
    public const string District = "Riverbend Unified School District";

    /// <summary>Every step of the story, in the order the events happened.</summary>
    public static IReadOnlyList<DemoStep> Steps { get; } = Build();

    private static List<DemoStep> Build()
    {
        var story = new Chronicle();
        People(story);
        Network(story);
        Initiative(story);
        MapleGrove(story);
        CedarHill(story);
        HarborView(story);
        Growth(story);

        // OrderBy is stable: events of the same moment keep the order in which the chapters tell them.
        return
        [
            .. story.Entries
                .OrderBy(e => e.Event.OccurredAt)
                .Select((e, i) => new DemoStep(
                    string.Create(CultureInfo.InvariantCulture, $"{DemoIds.CommandIdPrefix}{i + 1:D4}"), e.Id, e.Event)),
        ];
    }

    /// <summary>A school day, mid-afternoon UTC (the story's events carry no finer time).</summary>
    private static DateTimeOffset On(int year, int month, int day) => new(year, month, day, 15, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The five conditions each school rates once a year (1: absent, 4: strong), with the strategy the school chose
    /// for its rating.
    /// </summary>
    private static void RateConditions(SchoolChapter school, DateTimeOffset at, int collaborationTime, int trust, int principalSupport, int data, int vision)
    {
        school.Condition(at, Conditions.CollaborationTime, collaborationTime, Conditions.Strategy(Conditions.CollaborationTime, collaborationTime));
        school.Condition(at, Conditions.Trust, trust, Conditions.Strategy(Conditions.Trust, trust));
        school.Condition(at, Conditions.PrincipalSupport, principalSupport, Conditions.Strategy(Conditions.PrincipalSupport, principalSupport));
        school.Condition(at, Conditions.Data, data, Conditions.Strategy(Conditions.Data, data));
        school.Condition(at, Conditions.Vision, vision, Conditions.Strategy(Conditions.Vision, vision));
    }
}
