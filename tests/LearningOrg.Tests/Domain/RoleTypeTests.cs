using System.Text.Json;
using System.Text.Json.Serialization;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;
using static LearningOrg.Tests.Domain.Given;
using static LearningOrg.Tests.Domain.SchoolStory;

namespace LearningOrg.Tests.Domain;

/// <summary>
/// Role types: the built-in catalog, a district's own types on its initiative, a role's kind following its type, the
/// whole job description kept with each revision, and the tight items a school's role is checked against.
/// </summary>
public sealed class RoleTypeTests
{
    private static TeacherLeaderRoleDefined Typed(string roleId, string? type, int day = 2, RoleKind kind = RoleKind.TeacherLeadership,
        string category = "", decimal hours = 4, SelectionProcess? selection = null) =>
        new TeacherLeaderRoleDefined(roleId, "Coach", category, ["Coach colleagues"], ["Meet weekly"], hours, 2, DecidedAt.School, kind,
            RoleTypeId: type, Purpose: "Better teaching", Selection: selection).On(day);

    private static RoleRevised Revision(string roleId, string? type, int day, string purpose) =>
        new RoleRevised(roleId, "Coach", "", ["Coach colleagues"], ["Meet weekly"], 6, 2, DecidedAt.School,
            RoleTypeId: type, Purpose: purpose, SupervisedBy: RoleSupervisor.Principal).On(day);

    private static TeacherLeaderRoleDefined Accepted(SchoolState school, TeacherLeaderRoleDefined proposed)
    {
        var decision = Decide(school, proposed);
        Assert.True(decision.IsAccepted, decision.Violation?.Message);
        return Assert.IsType<TeacherLeaderRoleDefined>(Assert.Single(decision.Events));
    }

    [Fact]
    public void The_catalog_has_unique_ids_every_group_and_both_kinds()
    {
        Assert.InRange(RoleTypeCatalog.BuiltIn.Count, 15, 25);
        Assert.Equal(RoleTypeCatalog.BuiltIn.Count, RoleTypeCatalog.BuiltIn.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(RoleTypeCatalog.BuiltIn, t => Assert.True(Limits.IsIdentifier(t.Id), t.Id));
        Assert.Equal(Enum.GetValues<RoleTypeGroup>().ToHashSet(), RoleTypeCatalog.BuiltIn.Select(t => t.Group).ToHashSet());
        Assert.Equal(RoleKind.Administrative, RoleTypeCatalog.Find("department-head")!.Kind);
        Assert.Equal(RoleKind.TeacherLeadership, RoleTypeCatalog.Find("instructional-coach")!.Kind);
    }

    [Fact]
    public void An_unknown_role_type_is_refused_naming_the_field()
    {
        IsInvalid(Decide(Fold(Registered()), Typed("coach", "chief-coach")), "roleTypeId");
        IsInvalid(Decide(Fold(Registered(), RoleDefined("coach", 1)), Revision("coach", "chief-coach", 3, "More")), "roleTypeId");
    }

    [Fact]
    public void A_roles_kind_is_its_types_whatever_kind_was_left_out()
    {
        var recorded = Accepted(Fold(Registered()), Typed("heads", "department-head"));

        Assert.Equal(RoleKind.Administrative, recorded.RoleKind);
        Assert.Equal(RoleKind.Administrative, School.Apply(Fold(Registered()), recorded).Roles["heads"].Definition.RoleKind);
    }

    [Fact]
    public void A_kind_that_contradicts_the_type_is_refused()
    {
        IsInvalid(Decide(Fold(Registered()), Typed("coach", "instructional-coach", kind: RoleKind.Administrative)), "roleKind");
    }

    [Fact]
    public void A_role_without_a_type_keeps_the_kind_it_was_given_and_needs_a_category()
    {
        Assert.Equal(RoleKind.Administrative, Accepted(Fold(Registered()), Typed("heads", null, kind: RoleKind.Administrative, category: "Department")).RoleKind);
        IsInvalid(Decide(Fold(Registered()), Typed("heads", null)), "category");
        Assert.Equal("instructional-coach", Accepted(Fold(Registered()), Typed("coach", "instructional-coach")).RoleTypeId);
    }

    [Fact]
    public void Each_revision_keeps_its_whole_job_description_and_the_role_shows_the_latest()
    {
        var school = Fold(Registered(), Typed("coach", "instructional-coach"),
            Revision("coach", "content-coach", 4, "Coach mathematics"), Revision("coach", "content-coach", 8, "Coach mathematics and science"));

        var role = school.Roles["coach"];
        Assert.Equal(["Coach mathematics", "Coach mathematics and science"], [.. role.Revisions.Select(r => r.Purpose!)]);
        Assert.Equal(("content-coach", "Coach mathematics and science", RoleSupervisor.Principal), (role.Definition.RoleTypeId, role.Definition.Purpose, role.Definition.SupervisedBy));
        Assert.Equal(RoleKind.TeacherLeadership, role.Definition.RoleKind);
    }

    [Fact]
    public void A_revision_cannot_turn_teacher_leadership_into_an_administrative_appointment()
    {
        var school = Fold(Registered(), Typed("coach", "instructional-coach"));

        IsRejected(Decide(school, Revision("coach", "department-head", 4, "Run the department")), ViolationKind.Conflict, "role-kind-changed", "roleTypeId");
    }

    /// <summary>How the event store writes events: camelCase, enums as strings.</summary>
    private static readonly JsonSerializerOptions StoredJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public void A_definition_stored_before_the_template_reads_back_as_it_was_with_the_template_empty()
    {
        const string stored = """
            {"roleId":"coach","title":"Coach","category":"Instruction","commitments":["Lead"],"expectations":[],"hoursPerWeek":2,"seats":1,"decidedAt":"School","roleKind":"Administrative"}
            """;
        var definition = JsonSerializer.Deserialize<TeacherLeaderRoleDefined>(stored, StoredJson)!;

        Assert.Equal(new TeacherLeaderRoleDefined("coach", "Coach", "Instruction", ["Lead"], [], 2, 1, DecidedAt.School, RoleKind.Administrative).ToString(), definition.ToString());
        Assert.Equal("Lead", Assert.Single(definition.Commitments));
        Assert.Empty(definition.Expectations);
        Assert.Equal((null, null, null, null, null, null, null, null), (definition.RoleTypeId, definition.Purpose, definition.Qualifications,
            definition.SupervisedBy, definition.Support, definition.Selection, definition.Term, definition.Compensation));
    }

    // A district's own types, on its initiative.

    private static InitiativeState Launched(params InitiativeEvent[] events) =>
        Aggregate.Fold<Initiative, InitiativeState, InitiativeEvent>(null,
            [new InitiativeLaunched("Pathways", Sponsor.District, "Grow teacher leadership", ["Retention"]).On(0), .. events])!;

    private static RoleTypeAdded Added(string typeId, RoleKind kind = RoleKind.TeacherLeadership) =>
        new RoleTypeAdded(typeId, "Peer observation lead", RoleTypeGroup.ProfessionalLearning, kind, "Runs observation rounds").On(1);

    [Fact]
    public void A_district_adds_a_type_of_its_own_once_and_never_over_a_built_in_one()
    {
        var initiative = Launched(Added("peer-observation-lead"));

        Assert.Equal("Peer observation lead", initiative.RoleTypes["peer-observation-lead"].Name);
        IsRejected(Initiative.Decide(initiative, Added("peer-observation-lead"), Now), ViolationKind.Conflict, "role-type-exists", "typeId");
        IsRejected(Initiative.Decide(initiative, Added("mentor"), Now), ViolationKind.Conflict, "role-type-exists", "typeId");
    }

    [Fact]
    public void A_framework_names_a_built_in_type_or_one_its_district_added()
    {
        var initiative = Launched(Added("peer-observation-lead"));
        RoleFrameworkSet Framework(string type) => new RoleFrameworkSet("Lead", [], [], type, 2).On(3);

        Assert.True(Initiative.Decide(initiative, Framework("mentor"), Now).IsAccepted);
        Assert.True(Initiative.Decide(initiative, Framework("peer-observation-lead"), Now).IsAccepted);
        IsInvalid(Initiative.Decide(initiative, Framework("chief-coach"), Now), "roleTypeId");
    }

    // Tight items checked in enrolled schools.

    [Fact]
    public void A_role_that_breaks_a_checked_tight_item_is_flagged_and_a_compliant_one_is_not()
    {
        var initiative = Launched(
            new RoleFrameworkSet("Instructional coach", ["Never evaluative"], [], "instructional-coach", 10, SelectionProcess.Application).On(2),
            new SchoolEnrolled("lincoln").On(3));
        var school = Fold(Registered(),
            Typed("short", "instructional-coach", hours: 6, selection: SelectionProcess.Application),
            Typed("full", "instructional-coach", hours: 12, selection: SelectionProcess.Application),
            Typed("mentor", "mentor", hours: 1));

        var breaches = TightItems.Breaches("pathways", initiative, "lincoln", school);

        var breach = Assert.Single(breaches);
        Assert.Equal(("lincoln", "short", "hoursPerWeek"), (breach.SchoolId, breach.RoleId, breach.Field));
        Assert.Contains("at least 10", breach.Message, StringComparison.Ordinal);
        Assert.Empty(TightItems.Breaches("pathways", initiative, "not-enrolled", school));
    }

    [Fact]
    public void A_required_selection_not_recorded_is_a_breach_and_a_framework_applies_by_title_too()
    {
        var initiative = Launched(new RoleFrameworkSet("coach", [], [], RequiredSelection: SelectionProcess.PeerElection).On(2), new SchoolEnrolled("lincoln").On(3));
        var school = Fold(Registered(), Typed("coach", "lead-teacher"));

        Assert.Equal("selection", Assert.Single(TightItems.Breaches("pathways", initiative, "lincoln", school)).Field);
    }
}
