using LearningOrg.Domain.Schools;
using static LearningOrg.Demo.Cast;
using static LearningOrg.Domain.Schools.DecisionMode;

namespace LearningOrg.Demo;

public static partial class DemoStory
{
    /// <summary>
    /// Harbor View High School, the school that stalls and recovers. Under Gregory Lund, leadership means department
    /// heads he appoints; a district-funded data lead gives up when the release time never comes, and Nadia Volkova's
    /// proposal to share labs and coach each other meets every level of resistance and is never settled. Alicia Moreno
    /// arrives in July 2023, listens first, retires the department heads and builds a teacher leadership team.
    /// </summary>
    private static void HarborView(Chronicle story)
    {
        var school = story.School(DemoIds.HarborView);
        var departmentHead = Roles.DepartmentHead.RoleId;

        // 2021-22: leadership is the principal and the heads he appoints.
        // Appointed by the principal to relay his decisions: an administrative post, not teacher leadership.
        school.DefineRole(On(2021, 8, 16), Roles.DepartmentHead, 2, 4, DecidedAt.School);
        school.Assign(On(2021, 8, 17), departmentHead, LiamFitzgerald);
        school.Assign(On(2021, 8, 17), departmentHead, SofiaRossi);
        school.Assign(On(2021, 8, 17), departmentHead, RachelAdeyemi);
        school.Assign(On(2021, 8, 17), departmentHead, CarlosMendoza);
        school.Decision(On(2021, 8, 25), "hv-2021-master-schedule", "Master schedule for 2021-22", "Schedule", PrincipalAlone, [],
            "Set by the principal and the assistant principal.");
        school.Stage(On(2021, 9, 16), LeadershipStage.Flat, NetworkFacilitator,
            "Department heads appointed by the principal relay his decisions; staff meetings are announcements; no time for collaboration in the schedule.");
        school.Decision(On(2021, 9, 22), "hv-2021-pd-calendar", "Professional learning calendar for 2021-22", "Professional learning", PrincipalAlone, [],
            "District days given to examination preparation.");
        school.PrincipalMove(On(2021, 10, 13), "Relayed decisions through department heads", null,
            "The principal's monthly heads' meeting remains the only leadership forum.");
        RateConditions(school, On(2021, 10, 14), collaborationTime: 1, trust: 2, principalSupport: 2, data: 1, vision: 1);
        school.Decision(On(2021, 11, 3), "hv-2021-attendance", "Attendance intervention policy", "School climate", PrincipalConsulted,
            [LiamFitzgerald, SofiaRossi, RachelAdeyemi],
            "The principal asked the department heads before deciding.", equityFocus: true);
        school.Discussion(On(2021, 12, 8), "The district's teacher leadership initiative", [LiamFitzgerald, SofiaRossi, RachelAdeyemi, CarlosMendoza],
            ["Harbor View will take part if it costs no teaching time", "The department heads remain the school's leadership"]);
        school.EpisodeOpened(On(2022, 1, 19), "hv-literacy-across-content", JordanEllis, BreakingRanksAct.MadePracticeVisible, BreakingRanksLevel.SpeakingUp,
            "Jordan offered to show the other departments the annotation routine that lifted his tenth graders' reading.");
        school.Decision(On(2022, 2, 9), "hv-2022-course-catalog", "Course catalog for 2022-23", "Curriculum", PrincipalConsulted,
            [LiamFitzgerald, SofiaRossi, RachelAdeyemi, CarlosMendoza],
            "Heads proposed changes; the principal kept two of five.");
        school.Resolved(On(2022, 3, 16), "hv-literacy-across-content", EpisodeOutcome.Withdrawn,
            "No department took up the offer; Jordan stopped asking.");
        school.Decision(On(2022, 4, 20), "hv-2022-data-lead", "Ask the district for a data lead", "Leadership", PrincipalConsulted,
            [CarlosMendoza, NadiaVolkova],
            "Accepted the district's funded role after Carlos and Nadia argued for it.");
        RateConditions(school, On(2022, 5, 19), collaborationTime: 2, trust: 2, principalSupport: 2, data: 2, vision: 1);
        school.Stage(On(2022, 5, 24), LeadershipStage.Emerging, ReviewTeam,
            "A data lead is planned for next year; some departments meet voluntarily; the science teachers share labs.");

        // 2022-23: the stall.
        school.DefineRole(On(2022, 8, 16), Roles.DataLead, 4, 1, DecidedAt.System);
        school.Assign(On(2022, 8, 23), Roles.DataLead.RoleId, CarlosMendoza);
        school.Decision(On(2022, 9, 7), "hv-2022-pd-calendar", "Professional learning calendar for 2022-23", "Professional learning", PrincipalAlone, [],
            "Examination preparation again.");
        school.EpisodeOpened(On(2022, 9, 27), "hv-lab-rotation", NadiaVolkova, BreakingRanksAct.TookInitiative, BreakingRanksLevel.SpeakingUp,
            "Nadia proposed rotating lab sections across the science department and visiting each other's labs to coach.");
        school.Escalated(On(2022, 10, 18), "hv-lab-rotation", BreakingRanksLevel.AttractingAttention,
            "Colleagues complained that she was telling them how to teach; the physics vacancy was blamed on 'all this pressure'.");
        school.Decision(On(2022, 10, 19), "hv-2022-science-plc", "Science PLC time returned to examination preparation", "Schedule", PrincipalAlone, [],
            "The principal ended the science department's meeting slot to 'let things calm down'.");
        school.PrincipalMove(On(2022, 10, 19), "Removed collaboration time", null,
            "Gave the science PLC's slot to examination preparation.");
        school.Escalated(On(2022, 10, 19), "hv-lab-rotation", BreakingRanksLevel.DesignedIntervention,
            "The science PLC, where the rotation was to be planned, was taken out of the schedule.");
        school.Vacate(On(2023, 1, 24), Roles.DataLead.RoleId, CarlosMendoza, "Stepped down: the promised release time was never scheduled.");
        school.Decision(On(2023, 1, 31), "hv-2023-exam-schedule", "Semester examination schedule", "Assessment", PrincipalAlone, [],
            "As every year.");
        school.PrincipalMove(On(2023, 2, 28), "Discouraged a teacher from presenting", NadiaVolkova,
            "Asked Nadia not to present her lab-rotation results at the staff meeting.");
        school.Escalated(On(2023, 2, 28), "hv-lab-rotation", BreakingRanksLevel.Resistance,
            "Told not to present; two colleagues said she was 'making the rest of us look bad'.");
        school.Decision(On(2023, 4, 12), "hv-2023-master-schedule", "Master schedule for 2023-24", "Schedule", PrincipalAlone, [],
            "Set before the principal announced his departure.");
        RateConditions(school, On(2023, 5, 18), collaborationTime: 1, trust: 1, principalSupport: 1, data: 2, vision: 1);
        school.Stage(On(2023, 5, 23), LeadershipStage.Emerging, ReviewTeam,
            "Stalled: the data lead stepped down, the science PLC was removed, the lab-rotation episode is unsettled and decisions have gone back to the principal.");
        school.Vacate(On(2023, 6, 9), departmentHead, LiamFitzgerald, "Retiring.");
        school.Resolved(On(2023, 6, 13), "hv-lab-rotation", EpisodeOutcome.Unresolved,
            "The principal left at the end of the year; nobody settled the question and Nadia considered leaving.");

        // 2023-24: a new principal listens first.
        school.PrincipalMove(On(2023, 7, 10), "Listening tour", null,
            "Alicia Moreno met every teacher one to one before the year began; the lab-rotation story came up in nine of twelve meetings.");
        school.Discussion(On(2023, 8, 16), "What the listening tour heard", school.Everyone(On(2023, 8, 16)),
            ["Restore time for collaboration", "Replace appointed heads with roles teachers apply for", "Name who decides before deciding"]);
        school.Decision(On(2023, 8, 16), "hv-2023-leadership-team", "Form a teacher leadership team", "Leadership", PrincipalConsulted,
            [NadiaVolkova, AmaraNwosu, JordanEllis, CarlosMendoza, MariaSantos],
            "The principal proposed it after the listening tour and asked the teachers how it should work.");
        school.Vacate(On(2023, 8, 22), departmentHead, SofiaRossi, "The department-head structure is retired.");
        school.Vacate(On(2023, 8, 22), departmentHead, RachelAdeyemi, "The department-head structure is retired.");
        school.Vacate(On(2023, 8, 22), departmentHead, CarlosMendoza, "The department-head structure is retired.");
        school.RetireRole(On(2023, 8, 22), departmentHead, "Replaced by roles teachers apply for: coach, PLC facilitators, data lead, mentors.");
        school.PrincipalMove(On(2023, 8, 22), "Retired the department-head structure", null,
            "Appointed heads replaced by teacher-leader roles with descriptions and protected time.");
        school.DefineRole(On(2023, 8, 22), Roles.InstructionalCoach, 12, 1, DecidedAt.System);
        school.DefineRole(On(2023, 8, 22), Roles.PlcFacilitator, 3, 3, DecidedAt.School);
        school.Assign(On(2023, 8, 29), Roles.InstructionalCoach.RoleId, NadiaVolkova);
        school.Assign(On(2023, 8, 29), Roles.PlcFacilitator.RoleId, JordanEllis);
        school.Assign(On(2023, 8, 29), Roles.PlcFacilitator.RoleId, RachelAdeyemi);
        school.Assign(On(2023, 8, 29), Roles.PlcFacilitator.RoleId, AndreBaptiste);
        school.PrincipalMove(On(2023, 8, 29), "Named teacher leaders publicly", NadiaVolkova,
            "Introduced Nadia as instructional coach and said the school had handled her lab-rotation proposal badly.");
        school.Assign(On(2023, 9, 5), Roles.DataLead.RoleId, CarlosMendoza);
        school.Decision(On(2023, 9, 26), "hv-2023-late-start", "Late-start Wednesdays for PLCs", "Schedule", Shared,
            [JordanEllis, RachelAdeyemi, AndreBaptiste, NadiaVolkova, CarlosMendoza],
            "Designed with the facilitators and agreed with the district transport office.");
        school.PrincipalMove(On(2023, 9, 26), "Protected collaboration time", null,
            "Late-start Wednesdays give every PLC 70 minutes a week.");
        school.Decision(On(2023, 12, 5), "hv-2023-retakes", "Retake policy", "Assessment", Shared,
            [CarlosMendoza, RachelAdeyemi, SofiaRossi, IsaacLevy, MariaSantos],
            "One retake per unit in every course, proposed by the mathematics PLC.", equityFocus: true);
        school.DefineRole(On(2024, 1, 9), Roles.Mentor, 2, 2, DecidedAt.System);
        school.Assign(On(2024, 1, 16), Roles.Mentor.RoleId, AmaraNwosu);
        school.Assign(On(2024, 1, 16), Roles.Mentor.RoleId, MariaSantos);
        school.Discussion(On(2024, 1, 24), "Rebuilding trust after the lab-rotation episode", [NadiaVolkova, RachelAdeyemi, TylerHughes, JordanEllis],
            ["The science PLC restarts with peer visits by invitation", "Results are shared by the team, not by one teacher"]);
        school.PrincipalMove(On(2024, 2, 6), "Funded release time", CarlosMendoza,
            "Two periods a week for the data lead, written into the schedule this time.");
        school.Decision(On(2024, 3, 6), "hv-2024-course-catalog", "Course catalog for 2024-25", "Curriculum", Shared,
            [SofiaRossi, JordanEllis, RachelAdeyemi, DanielPark, ChloeDubois],
            "The PLCs proposed courses; the leadership team and the principal agreed them together.");
        school.Decision(On(2024, 5, 8), "hv-2024-pd-priorities", "Professional learning priorities for 2024-25", "Professional learning", TeacherLed,
            [NadiaVolkova, JordanEllis, RachelAdeyemi, AndreBaptiste],
            "Set by the coach and the facilitators from the PLCs' inquiry questions.");
        RateConditions(school, On(2024, 5, 16), collaborationTime: 3, trust: 2, principalSupport: 3, data: 3, vision: 2);
        school.Stage(On(2024, 5, 21), LeadershipStage.Developing, ReviewTeam,
            "The new principal's listening tour led to a teacher leadership team; PLCs restored; a coach and a data lead with real time; decisions increasingly shared.");
        school.Vacate(On(2024, 6, 11), Roles.PlcFacilitator.RoleId, AndreBaptiste, "Hands over after a year to lead the ninth-grade team's mathematics.");

        // 2024-25: recovery holds.
        school.Assign(On(2024, 8, 20), Roles.PlcFacilitator.RoleId, IsaacLevy);
        school.Decision(On(2024, 8, 21), "hv-2024-master-schedule", "Master schedule for 2024-25", "Schedule", Shared,
            [JordanEllis, RachelAdeyemi, IsaacLevy, CarlosMendoza],
            "Built with the leadership team; late-start Wednesdays kept.");
        school.PrincipalMove(On(2024, 10, 1), "Delegated a decision", AmaraNwosu,
            "The ninth-grade advisory pilot is designed by the ninth-grade team.");
        school.Decision(On(2024, 10, 9), "hv-2024-advisory-pilot", "Ninth-grade advisory pilot", "School climate", TeacherLed,
            [AmaraNwosu, JordanEllis, MariaSantos, IsaacLevy],
            "The ninth-grade team designed an advisory period to catch students falling behind in their first term.", equityFocus: true);
        school.Discussion(On(2024, 11, 6), "Advisory design", [AmaraNwosu, JordanEllis, MariaSantos, IsaacLevy, AndreBaptiste],
            ["Advisory meets three times a week", "Every ninth grader has one adult who checks in weekly"]);
        school.EpisodeOpened(On(2024, 11, 13), "hv-advisory", AmaraNwosu, BreakingRanksAct.LedDesignedIntervention, BreakingRanksLevel.AttractingAttention,
            "Upper-grade teachers complained about giving up homeroom minutes for Amara's ninth-grade advisory.");
        school.Reacted(On(2024, 11, 20), "hv-advisory", ReactorKind.Parents, ReactionIntensity.MildIrritation,
            "Some ninth-grade parents asked whether advisory replaced study time before examinations.");
        school.Supported(On(2024, 12, 4), "hv-advisory", SupportKind.ProtectedTime,
            "The principal moved advisory into a protected block so that no homeroom minutes were lost.");
        school.Decision(On(2025, 1, 22), "hv-2025-common-assessments", "Common assessments in algebra and biology", "Assessment", TeacherLed,
            [CarlosMendoza, RachelAdeyemi, IsaacLevy, AndreBaptiste],
            "The PLCs wrote them; the data lead reports them by team.");
        school.Decision(On(2025, 3, 12), "hv-2025-budget", "Budget for 2025-26", "Budget", PrincipalConsulted,
            [NadiaVolkova, CarlosMendoza, AmaraNwosu],
            "The principal asked the leadership team to rank the requests and kept the final say.");
        school.Resolved(On(2025, 4, 9), "hv-advisory", EpisodeOutcome.Accepted,
            "First-term failures among ninth graders halved; the staff asked to extend advisory to grade 10.");
        school.Discussion(On(2025, 4, 23), "Towards shared leadership", [NadiaVolkova, AmaraNwosu, JordanEllis, CarlosMendoza, MariaSantos, RachelAdeyemi, TylerHughes],
            ["Aim for Shared in 2025-26", "Roles rotate after three years", "Every decision names its mode in the minutes"]);
        school.Decision(On(2025, 5, 14), "hv-2025-roles", "Teacher-leader roles for 2025-26", "Leadership", StaffConsensus,
            school.Everyone(On(2025, 5, 14)),
            "The whole staff confirmed next year's role holders and the rotation rule.");
        RateConditions(school, On(2025, 5, 15), collaborationTime: 3, trust: 3, principalSupport: 4, data: 3, vision: 3);
        school.Stage(On(2025, 5, 27), LeadershipStage.Developing, ReviewTeam,
            "Recovery sustained: teacher-led decisions on advisory and assessment; the leadership team aims for Shared next year.");
    }
}
