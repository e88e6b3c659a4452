using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Roles;

/// <summary>The groups the Boston Teacher Leadership Certificate's inventory sorts formal teacher-leader roles into.</summary>
public enum RoleTypeGroup
{
    [Display(Name = "Instructional leadership and coaching")] InstructionalLeadership,
    [Display(Name = "Curriculum and assessment")] CurriculumAndAssessment,
    [Display(Name = "Professional learning")] ProfessionalLearning,
    [Display(Name = "School improvement and data")] SchoolImprovementAndData,
    [Display(Name = "Mentoring and induction")] MentoringAndInduction,
    [Display(Name = "Family and community")] FamilyAndCommunity,
    [Display(Name = "Policy, union and district")] PolicyUnionAndDistrict,
    [Display(Name = "Operational and administrative posts")] OperationalPosts,
}

/// <summary>How the holder of a role is chosen.</summary>
public enum SelectionProcess
{
    [Display(Name = "Open application and interview")] Application,
    [Display(Name = "Chosen by peers")] PeerElection,
    [Display(Name = "Appointed by the principal")] PrincipalAppointment,
    [Display(Name = "Appointed by the district")] DistrictAppointment,
    [Display(Name = "Taken in turn")] Rotation,
}

/// <summary>Who supervises the holder of a role in it: a position, never a person's name.</summary>
public enum RoleSupervisor
{
    [Display(Name = "The principal")] Principal,
    [Display(Name = "An assistant principal")] AssistantPrincipal,
    [Display(Name = "The school's leadership team")] LeadershipTeam,
    [Display(Name = "A district office")] DistrictOffice,
    [Display(Name = "A partner organisation")] Partner,
}

/// <summary>
/// A kind of formal teacher-leader role: from the built-in catalog, or added by a district for an initiative it runs
/// (<see cref="Initiatives.RoleTypeAdded"/>). Its <see cref="Kind"/> is what every role of this type is.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoleType(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] RoleTypeGroup Group,
    [property: Id(3)] RoleKind Kind,
    [property: Id(4)] string Description);

/// <summary>
/// The built-in catalog of formal teacher-leader role types. Names and groups follow the Boston Teacher Leadership
/// Certificate's inventory of formal roles; the descriptions are ours. A role refers to a district's own type by
/// <c>{initiativeId}/{typeId}</c> (<see cref="CustomReference"/>), since an initiative's stream holds the types its
/// district added.
/// </summary>
public static class RoleTypeCatalog
{
    private const RoleKind Leadership = RoleKind.TeacherLeadership;

    public static IReadOnlyList<RoleType> BuiltIn { get; } =
    [
        new("instructional-coach", "Instructional coach", RoleTypeGroup.InstructionalLeadership, Leadership, "Works alongside colleagues in their classrooms to improve teaching, through cycles of planning, observation and feedback."),
        new("content-coach", "Content-area coach", RoleTypeGroup.InstructionalLeadership, Leadership, "Coaches colleagues in one subject (literacy, mathematics, science) and keeps the school's practice in it current."),
        new("lead-teacher", "Lead teacher", RoleTypeGroup.InstructionalLeadership, Leadership, "Leads a team's instructional work while keeping a class of their own."),
        new("model-classroom-teacher", "Model classroom teacher", RoleTypeGroup.InstructionalLeadership, Leadership, "Opens their classroom for colleagues to watch a practice and talks it through with them afterwards."),
        new("curriculum-developer", "Curriculum developer", RoleTypeGroup.CurriculumAndAssessment, Leadership, "Writes or adapts units and materials that colleagues teach, and revises them from what they report."),
        new("assessment-coordinator", "Assessment coordinator", RoleTypeGroup.CurriculumAndAssessment, Leadership, "Designs common assessments with colleagues and helps them read the results."),
        new("plc-facilitator", "Professional learning community facilitator", RoleTypeGroup.ProfessionalLearning, Leadership, "Runs a group of colleagues who study their practice together, keeps its protocols and its record."),
        new("professional-development-leader", "Professional development leader", RoleTypeGroup.ProfessionalLearning, Leadership, "Plans and leads workshops and courses for colleagues in the school or the district."),
        new("data-team-leader", "Data team leader", RoleTypeGroup.SchoolImprovementAndData, Leadership, "Leads a team that turns student data into questions, plans and follow-up."),
        new("leadership-team-member", "Instructional leadership team member", RoleTypeGroup.SchoolImprovementAndData, Leadership, "Takes part in the team that sets and reviews the school's improvement plan."),
        new("grade-team-leader", "Grade-level or subject team leader", RoleTypeGroup.SchoolImprovementAndData, Leadership, "Convenes a grade or subject team, sets its agenda and carries its decisions to the school."),
        new("mentor", "New-teacher mentor", RoleTypeGroup.MentoringAndInduction, Leadership, "Supports a teacher in their first years: observes, listens, and helps them plan."),
        new("induction-coordinator", "Induction coordinator", RoleTypeGroup.MentoringAndInduction, Leadership, "Organises the school's programme for new staff and the mentors who support them."),
        new("cooperating-teacher", "Cooperating teacher", RoleTypeGroup.MentoringAndInduction, Leadership, "Hosts and guides a student teacher through their placement."),
        new("family-engagement-lead", "Family engagement lead", RoleTypeGroup.FamilyAndCommunity, Leadership, "Builds the school's ways of working with families and helps colleagues use them."),
        new("community-partnership-lead", "Community partnership lead", RoleTypeGroup.FamilyAndCommunity, Leadership, "Starts and keeps partnerships with organisations around the school."),
        new("union-representative", "Union building representative", RoleTypeGroup.PolicyUnionAndDistrict, Leadership, "Speaks for colleagues in the school and brings their concerns to the union."),
        new("district-committee-member", "District committee member", RoleTypeGroup.PolicyUnionAndDistrict, Leadership, "Represents teachers on a district committee (curriculum, hiring, evaluation)."),
        new("policy-fellow", "Teacher policy fellow", RoleTypeGroup.PolicyUnionAndDistrict, Leadership, "Works on education policy with the district or state while still teaching."),
        new("department-head", "Department head", RoleTypeGroup.OperationalPosts, RoleKind.Administrative, "Runs a department for the principal: timetables, budgets, and relaying decisions."),
        new("dean-of-students", "Dean of students", RoleTypeGroup.OperationalPosts, RoleKind.Administrative, "Handles discipline and attendance for the principal."),
        new("testing-coordinator", "Scheduling or testing coordinator", RoleTypeGroup.OperationalPosts, RoleKind.Administrative, "Organises the timetable or the administration of tests."),
    ];

    private static readonly FrozenDictionary<string, RoleType> ById = BuiltIn.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);

    /// <summary>The built-in type <paramref name="id"/>, or null.</summary>
    public static RoleType? Find(string? id) => id is null ? null : ById.GetValueOrDefault(id);

    /// <summary>How a role refers to the type <paramref name="typeId"/> that the initiative <paramref name="initiativeId"/> added.</summary>
    public static string CustomReference(string initiativeId, string typeId) => $"{initiativeId}/{typeId}";

    /// <summary>Splits a reference to a district's own type into its initiative and type ids; false for anything else.</summary>
    public static bool TryParseCustom(string? reference, out string initiativeId, out string typeId)
    {
        var slash = reference?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        initiativeId = slash > 0 ? reference![..slash] : "";
        typeId = slash > 0 ? reference![(slash + 1)..] : "";
        return slash > 0 && Limits.IsIdentifier(initiativeId) && Limits.IsIdentifier(typeId);
    }

    /// <summary>
    /// A role type reference is a built-in type's id or a district's type (<see cref="CustomReference"/>); whether the
    /// district's type exists is checked against its initiative, outside this aggregate's rules.
    /// </summary>
    public static RuleViolation? CheckReference(string? reference, string field) =>
        reference is null || Find(reference) is not null || TryParseCustom(reference, out _, out _)
            ? null
            : RuleViolation.Invalid(field, $"{field} \"{reference}\" is not a role type: give an id from /api/catalogs/role-types, or a district's type as initiative-id/type-id.");
}

/// <summary>The field holds a role type: a built-in type's id, or a district's type as <c>{initiativeId}/{typeId}</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class RoleTypeReferenceAttribute : Attribute;
