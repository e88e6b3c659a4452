using System.Text;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Research;

/// <summary>
/// One culture indicator of the comparison and series CSV (and JSON): what it is, how it is computed, and when it is
/// null, so that an indicator file is documented as well as an event export. docs/indicators.md gives the detail.
/// </summary>
/// <param name="Name">The JSON field and the CSV column.</param>
/// <param name="ValueLabels">For categorical indicators, the values in order.</param>
public sealed record CodebookIndicator(
    string Name,
    string Definition,
    string Formula,
    string Unit,
    string Window,
    string NullRule,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? ValueLabels,
    string Reference);

/// <summary>The culture indicators, in the order of the CSV columns.</summary>
public static class IndicatorCodebook
{
    private const string AtInstant = "the evaluation instant at";
    private const string Window180 = "the 180 days up to at: (at − 180 days, at]";
    private const string Period = "the period: the month, or the comparison's month up to at";
    private const string BeforeRegistration = "null before the school's registration (no staff to divide by)";
    private const string Never = "never null";
    private const string Docs = "docs/indicators.md";

    private static readonly string[] Stages = Enum.GetNames<LeadershipStage>();

    public static IReadOnlyList<CodebookIndicator> All { get; } =
    [
        new("at", "The instant the indicators are evaluated at; events with occurredAt up to it count.", "the month's last instant, or the comparison's at", "date-time", AtInstant, Never, null, Docs),
        new("staffCount", "The school's declared staff count.", "latest SchoolRegistered/StaffCountChanged by occurredAt", "people", AtInstant, "null before registration", null, Docs),
        new("teachersOnStaff", "Teachers recorded on the staff.", "TeacherJoinedStaff − TeacherLeftStaff", "teachers", AtInstant, Never, null, Docs),
        new("filledSeats", "Teacher-leadership seats held (a teacher with two roles holds two).", "RoleAssigned − RoleVacated, teacher-leadership roles", "seats", AtInstant, Never, null, Docs),
        new("teacherLeaders", "Distinct teachers holding a teacher-leadership role.", "|holders of TeacherLeadership roles|", "teachers", AtInstant, Never, null, Docs),
        new("administrativeAppointees", "Distinct teachers holding an administrative role (not teacher leadership).", "|holders of Administrative roles|", "teachers", AtInstant, Never, null, Docs),
        new("leadershipDensity", "Share of the staff holding a teacher-leadership role.", "teacherLeaders / max(staffCount, teachers recorded on staff or holding a role)", "proportion 0–1, 4 decimals", AtInstant, BeforeRegistration, null,
            "Spillane (2006) Distributed Leadership; York-Barr and Duke (2004) Rev. Educ. Res. 74(3)"),
        new("decisions180Days", "Decisions recorded in the window.", "count of DecisionRecorded", "decisions", Window180, Never, null, Docs),
        new("sharedDecisions180Days", "Of those, decisions taken Shared, TeacherLed or by StaffConsensus.", "count", "decisions", Window180, Never, null, Docs),
        new("sharedDecisionShare", "Share of the window's decisions that were shared.", "sharedDecisions180Days / decisions180Days", "proportion 0–1, 4 decimals", Window180, "null without a decision in the window (nothing was decided)", null, Docs),
        new("attributedDecisions180Days", "Of the window's decisions, those whose deciders are known (Shared or TeacherLed without participants are not).", "count", "decisions", Window180, Never, null, Docs),
        new("decisionCentralization", "How far the authority over decisions lies with one person.", "(n·max s − 1)/(n − 1), s = shares of authority, n = staff + principal", "index 0–1, 4 decimals", Window180,
            "null without an attributed decision, or before registration", null, "Freeman (1979) Social Networks 1(3), 215–239, general centralization index"),
        new("activeTeacherLeaders", "Teachers who held a teacher-leadership role or were observed leading informally.", "|role holders in the window ∪ informal leaders in the window|", "teachers", Window180, Never, null, Docs),
        new("activeTeacherLeaderRate", "Active teacher leaders per member of staff.", "min(activeTeacherLeaders, staff) / staff", "proportion 0–1, 4 decimals", Window180, BeforeRegistration, null, Docs),
        new("breakingRanksOpened", "Breaking-ranks episodes opened.", "count", "episodes", Period, Never, null, Docs),
        new("breakingRanksOpen", "Episodes open at the period's end.", "opened by at − closed by at", "episodes", AtInstant, Never, null, Docs),
        new("breakingRanksResolved", "Episodes closed as Accepted or Negotiated.", "count", "episodes", Period, Never, null, Docs),
        new("breakingRanksClosedUnresolved", "Episodes closed as Withdrawn or Unresolved.", "count", "episodes", Period, Never, null, Docs),
        new("breakingRanksEpisodesInWindow", "Episodes opened in the 365 days up to at: the sample of the median.", "count", "episodes", "the 365 days up to at", Never, null, Docs),
        new("medianDaysToResolution", "Median time from opening to resolution.", "Kaplan-Meier median; open episodes censored at at, Withdrawn/Unresolved at their closing", "days, 2 decimals", "episodes opened in the 365 days up to at",
            "null while the estimated share unresolved stays above one half (median not reached)", null, "Kaplan and Meier (1958) J. Amer. Statist. Assoc. 53(282), 457–481"),
        new("highestBreakingRanksLevel", "Highest level reached among the episodes open during the period.", "max level", "level", Period, "null when no episode was open", Enum.GetNames<BreakingRanksLevel>(), Docs),
        new("assessedStage", "The latest assessed leadership stage.", "latest LeadershipStageAssessed by occurredAt", "stage", AtInstant, "null before the first assessment", Stages, Docs),
        new("stageAssessedAt", "When that assessment happened.", "its occurredAt", "date-time", AtInstant, "null before the first assessment", null, Docs),
        new("derivedStage", "The stage the indicators point to (thresholds in docs/indicators.md); compare with assessedStage through the series' weighted kappa.", "StageThresholds on density, shared share, centralization", "stage", AtInstant, Never, Stages,
            "Cohen (1968) Psychological Bulletin 70(4), 213–220, for its agreement"),
    ];

    /// <summary>The indicators as a Markdown section of the codebook.</summary>
    public static void AppendMarkdown(StringBuilder text)
    {
        text.Append("\n## Culture indicators\n\n")
            .Append("The columns of the network comparison and series CSV after their keys (schoolId, name, memberSince or month), ")
            .Append("named as in the JSON. Formulas in full: docs/indicators.md.\n\n")
            .Append("| name | definition | formula | unit | window | null | values | reference |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var i in All)
        {
            text.Append("| `").Append(i.Name).Append("` | ").Append(i.Definition).Append(" | ").Append(i.Formula).Append(" | ").Append(i.Unit)
                .Append(" | ").Append(i.Window).Append(" | ").Append(i.NullRule).Append(" | ")
                .Append(i.ValueLabels is null ? "" : string.Join(", ", i.ValueLabels)).Append(" | ").Append(i.Reference).Append(" |\n");
        }
    }
}
