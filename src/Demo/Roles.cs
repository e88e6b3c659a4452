using LearningOrg.Domain.Roles;

namespace LearningOrg.Demo;

/// <summary>
/// The teacher-leader roles of the story, as job descriptions: what the role commits to and what is expected of it.
/// Each school sets its own hours and seats, and records whether the district or the school decided the role. Each
/// role has its type in the catalog, which says whether it is teacher leadership or an administrative appointment.
/// </summary>
internal static class Roles
{
    public static RoleDescription InstructionalCoach { get; } = new(
        "instructional-coach", "Instructional Coach", "Instructional coach",
        [
            "Coach colleagues through cycles of planning, observing and reflecting",
            "Model lessons in colleagues' classrooms, on invitation",
            "Lead one strand of the school's professional learning each term",
        ],
        [
            "Keeps coaching conversations confidential and never evaluative",
            "Teaches part-time to stay close to the classroom",
            "Reports coaching themes, not names, to the leadership team",
        ])
    {
        RoleTypeId = "instructional-coach",
        Purpose = "Improve teaching across the school by coaching colleagues in their own classrooms.",
        SupervisedBy = RoleSupervisor.Principal,
        Selection = SelectionProcess.Application,
        Term = "Two school years, renewable",
        Compensation = "Half-time release from teaching",
    };

    public static RoleDescription PlcFacilitator { get; } = new(
        "plc-facilitator", "PLC Facilitator", "PLC facilitator",
        [
            "Plan and facilitate the team's weekly professional learning community",
            "Keep the team on its inquiry question and its norms",
            "Bring student work and data to every cycle",
        ],
        [
            "Facilitates and does not supervise",
            "Rotates after two or three years",
            "Meets the other facilitators once a month",
        ])
    {
        RoleTypeId = "plc-facilitator",
        Purpose = "Keep a team's professional learning community on its inquiry and its norms.",
        SupervisedBy = RoleSupervisor.LeadershipTeam,
        Selection = SelectionProcess.PeerElection,
        Term = "Two or three school years",
        Compensation = "A district stipend",
    };

    public static RoleDescription DataLead { get; } = new(
        "data-lead", "Data Lead", "Data lead",
        [
            "Prepare each team's results for the six-week data cycle",
            "Teach colleagues to read assessment reports",
            "Keep the school's protocol for looking at data",
        ],
        [
            "Shows data by team and never ranks individual teachers",
            "Links the school to the district data office",
        ])
    {
        RoleTypeId = "data-team-leader",
        Purpose = "Turn each team's results into questions, plans and follow-up in the six-week data cycle.",
        SupervisedBy = RoleSupervisor.Principal,
        Selection = SelectionProcess.Application,
        Term = "One school year, renewable",
        Compensation = "Release time for the data cycle",
    };

    public static RoleDescription Mentor { get; } = new(
        "mentor", "New Teacher Mentor", "Mentor",
        [
            "Meet each new teacher weekly during their first year",
            "Observe and be observed at least twice a term",
            "Help new teachers find their place in a team",
        ],
        [
            "Keeps the mentoring relationship confidential",
            "Completes the district's mentor training",
        ])
    {
        RoleTypeId = "mentor",
        Purpose = "See each new teacher through their first year.",
        SupervisedBy = RoleSupervisor.DistrictOffice,
        Selection = SelectionProcess.Application,
        Term = "One school year per mentee",
        Compensation = "A district stipend",
    };

    public static RoleDescription FamilyEngagementLead { get; } = new(
        "family-engagement-lead", "Family Engagement Lead", "Family engagement",
        [
            "Plan student-led conferences with the grade teams",
            "Run two family learning evenings a year",
            "Bring families' questions to the leadership team",
        ],
        [
            "Works with the English-learner specialist so every family is reached in its language",
        ])
    {
        RoleTypeId = "family-engagement-lead",
        Purpose = "Build the school's ways of working with families.",
        Selection = SelectionProcess.Application,
    };

    public static RoleDescription DepartmentHead { get; } = new(
        "department-head", "Department Head", "Department head",
        [
            "Relay the principal's decisions to the department",
            "Collect lesson plans and examination results",
        ],
        [
            "Is appointed by the principal",
            "Attends the principal's monthly heads' meeting",
        ])
    {
        RoleTypeId = "department-head",
        Purpose = "Run a department for the principal.",
        SupervisedBy = RoleSupervisor.Principal,
        Selection = SelectionProcess.PrincipalAppointment,
        Compensation = "A reduced timetable",
    };
}
