using LearningOrg.Domain.Schools;
using static LearningOrg.Demo.Cast;
using static LearningOrg.Domain.Schools.DecisionMode;

namespace LearningOrg.Demo;

public static partial class DemoStory
{
    /// <summary>
    /// Cedar Hill Middle School, the school that moves slowly. Robert Haines runs an orderly school and decides alone.
    /// Marcus Johnson's proposal for common planning time meets every level of resistance and is withdrawn in 2022;
    /// a sixth-grade PLC pilot in 2023 is the first crack in the flat hierarchy, and by 2025 teachers lead some decisions.
    /// </summary>
    private static void CedarHill(Chronicle story)
    {
        var school = story.School(DemoIds.CedarHill);

        // 2021-22: the principal decides, and a teacher who speaks up is pushed back.
        school.Decision(On(2021, 8, 24), "ch-2021-master-schedule", "Master schedule for 2021-22", "Schedule", PrincipalAlone, [],
            "Built by the principal and the office over the summer.");
        school.Stage(On(2021, 9, 15), LeadershipStage.Flat, NetworkFacilitator,
            "Department chairs relay the principal's decisions; the schedule has no time for collaboration; teachers call the culture 'polite isolation'.");
        school.Decision(On(2021, 9, 21), "ch-2021-pd-calendar", "Professional learning calendar for 2021-22", "Professional learning", PrincipalAlone, [],
            "District days used for compliance training and the principal's chosen topics.");
        RateConditions(school, On(2021, 10, 13), collaborationTime: 1, trust: 2, principalSupport: 2, data: 2, vision: 1);
        school.Decision(On(2021, 11, 9), "ch-2021-grading-scale", "Common grading scale", "Assessment", PrincipalAlone, [],
            "Announced at the staff meeting after parents' complaints about inconsistent grades.");
        school.Decision(On(2022, 2, 15), "ch-2022-phone-policy", "Student phone policy", "School climate", PrincipalConsulted,
            [DavidKim, ConnorReilly, KevinOBrien],
            "The principal asked the three longest-serving teachers before deciding.");
        school.EpisodeOpened(On(2022, 2, 22), "ch-common-planning", MarcusJohnson, BreakingRanksAct.TookInitiative, BreakingRanksLevel.SpeakingUp,
            "Marcus asked at the staff meeting why the schedule has no common planning time, and handed out a draft schedule that had it.");
        school.Escalated(On(2022, 3, 15), "ch-common-planning", BreakingRanksLevel.AttractingAttention,
            "Colleagues asked who had authorised him to draft a schedule; the department chairs raised it with the principal.");
        school.TeamReacted(On(2022, 3, 15), "ch-common-planning", "Department chairs", ReactionIntensity.OpenOpposition,
            "Raised the draft schedule with the principal as a question of who may propose a schedule.");
        school.PrincipalMove(On(2022, 3, 29), "Sent a proposal to a committee", MarcusJohnson,
            "Placed Marcus on a schedule committee, which did not meet before the schedule was set.");
        school.Escalated(On(2022, 3, 29), "ch-common-planning", BreakingRanksLevel.DesignedIntervention,
            "The proposal was routed to a committee that never met.");
        school.Decision(On(2022, 4, 26), "ch-2022-master-schedule", "Master schedule for 2022-23", "Schedule", PrincipalAlone, [],
            "Last year's schedule rolled over; no common planning time.");
        school.Escalated(On(2022, 5, 3), "ch-common-planning", BreakingRanksLevel.Resistance,
            "Eight teachers signed a letter saying the draft would cost them planning periods.");
        school.Reacted(On(2022, 5, 3), "ch-common-planning", ReactorKind.Principal, ReactionIntensity.Irritation,
            "Told Marcus the letter showed the staff was not ready and that he should let it rest.");
        RateConditions(school, On(2022, 5, 18), collaborationTime: 1, trust: 2, principalSupport: 2, data: 2, vision: 2);
        school.Resolved(On(2022, 6, 7), "ch-common-planning", EpisodeOutcome.Withdrawn,
            "Marcus withdrew the proposal for the year; he said he would 'keep his head down'.");
        school.Stage(On(2022, 6, 7), LeadershipStage.Flat, NetworkFacilitator,
            "No change: the only teacher proposal of the year was withdrawn under pressure; the network's visits were polite but changed nothing.");

        // 2022-23: the principal tries a pilot, carefully.
        school.Decision(On(2022, 9, 13), "ch-2022-pd-calendar", "Professional learning calendar for 2022-23", "Professional learning", PrincipalAlone, [],
            "As last year.");
        school.Discussion(On(2022, 10, 4), "Why the schedule proposal failed", [MarcusJohnson, PriyaSharma, ElenaPetrova, FatimaHassan, EthanBrooks],
            ["Start with one grade team that wants to meet", "Ask the principal for a pilot, not a new schedule", "Bring data on what other network schools did"]);
        school.Decision(On(2022, 11, 15), "ch-2022-plc-pilot", "Sixth-grade PLC pilot", "Collaboration", PrincipalConsulted,
            [PriyaSharma, FatimaHassan, WilliamTran, ElenaPetrova],
            "The principal agreed to a one-semester pilot after the teachers showed him Maple Grove's results.");
        school.PrincipalMove(On(2022, 12, 6), "Protected collaboration time", null,
            "Gave the sixth-grade team a shared preparation period for the pilot.");
        school.DefineRole(On(2023, 1, 10), Roles.PlcFacilitator, 2, 2, DecidedAt.School);
        school.Assign(On(2023, 1, 17), Roles.PlcFacilitator.RoleId, ElenaPetrova);
        school.Assign(On(2023, 1, 17), Roles.PlcFacilitator.RoleId, PriyaSharma);
        school.PrincipalMove(On(2023, 1, 17), "Named teacher leaders publicly", ElenaPetrova,
            "Introduced Elena and Priya as PLC facilitators in a staff email.");
        school.Decision(On(2023, 3, 21), "ch-2023-master-schedule", "Master schedule for 2023-24, with protected PLC time", "Schedule", PrincipalConsulted,
            [ElenaPetrova, PriyaSharma, MarcusJohnson, DavidKim],
            "The principal built it, but after two meetings with the facilitators and the department chairs.");
        school.Decision(On(2023, 5, 16), "ch-2023-math-placement", "Eighth-grade mathematics placement criteria", "Instruction", PrincipalConsulted,
            [ElenaPetrova, FatimaHassan],
            "Placement by several measures instead of one test, after the mathematics teachers showed who the single test left out.", equityFocus: true);
        RateConditions(school, On(2023, 5, 17), collaborationTime: 2, trust: 2, principalSupport: 2, data: 2, vision: 2);
        school.Discussion(On(2023, 5, 30), "PLC pilot review", [ElenaPetrova, PriyaSharma, FatimaHassan, WilliamTran, MarcusJohnson],
            ["Extend PLC time to grades 7 and 8", "Ask for mentors for new teachers", "Keep facilitation voluntary"]);
        school.Stage(On(2023, 6, 6), LeadershipStage.Emerging, ReviewTeam,
            "Two PLC facilitators since January; the sixth-grade team meets weekly; the principal consults teachers on some decisions.");

        // 2023-24: roles with time, still mostly the principal's decisions.
        school.DefineRole(On(2023, 8, 15), Roles.Mentor, 2, 2, DecidedAt.System);
        school.Assign(On(2023, 8, 22), Roles.Mentor.RoleId, SarahGoldberg);
        school.Assign(On(2023, 8, 22), Roles.Mentor.RoleId, KevinOBrien);
        school.PrincipalMove(On(2023, 8, 22), "Funded release time", SarahGoldberg,
            "One period a week for each mentor.");
        school.Decision(On(2023, 9, 12), "ch-2023-pd-calendar", "Professional learning calendar for 2023-24", "Professional learning", PrincipalConsulted,
            [ElenaPetrova, PriyaSharma, GraceLiu],
            "Two of the five days given to the PLCs, at the facilitators' request.");
        school.EpisodeOpened(On(2023, 10, 17), "ch-grade6-planning", PriyaSharma, BreakingRanksAct.SpokeUp, BreakingRanksLevel.SpeakingUp,
            "Priya asked for common planning time for the whole sixth-grade team, not only PLC time, citing Grace's experience at Maple Grove.");
        school.Decision(On(2023, 11, 14), "ch-2023-math-intervention", "Mathematics intervention groups", "Instruction", Shared,
            [ElenaPetrova, FatimaHassan, WilliamTran, SarahGoldberg],
            "The first decision the teachers took with the principal rather than for him to approve.", equityFocus: true);
        school.Escalated(On(2023, 12, 12), "ch-grade6-planning", BreakingRanksLevel.AttractingAttention,
            "Seventh- and eighth-grade teachers asked why the sixth grade should get more time.");
        school.DefineRole(On(2024, 1, 9), Roles.DataLead, 3, 1, DecidedAt.System);
        school.Assign(On(2024, 1, 16), Roles.DataLead.RoleId, FatimaHassan);
        school.Discussion(On(2024, 1, 30), "A charter for the teacher leadership team", [ElenaPetrova, PriyaSharma, FatimaHassan, SarahGoldberg, GraceLiu, MarcusJohnson],
            ["The team meets monthly with the principal", "Minutes go to the whole staff", "The team proposes, the principal decides, for now"]);
        school.Decision(On(2024, 2, 13), "ch-2024-budget", "Budget for 2024-25", "Budget", PrincipalAlone, [],
            "Set by the principal and the district business office.");
        school.Decision(On(2024, 4, 16), "ch-2024-grade6-planning", "Common planning for grade 6", "Schedule", Shared,
            [PriyaSharma, MarcusJohnson, GraceLiu, WilliamTran],
            "Agreed for the sixth grade from next year; other grades when staffing allows.");
        school.PrincipalMove(On(2024, 4, 16), "Delegated a decision", PriyaSharma,
            "Left the design of the sixth-grade planning time to the team.");
        school.Resolved(On(2024, 4, 16), "ch-grade6-planning", EpisodeOutcome.Negotiated,
            "Common planning for grade 6 from 2024-25; the other grades to follow when staffing allows.");
        RateConditions(school, On(2024, 5, 15), collaborationTime: 3, trust: 3, principalSupport: 3, data: 2, vision: 2);
        school.Stage(On(2024, 6, 4), LeadershipStage.Emerging, ReviewTeam,
            "PLC time for all grades and a mentor programme; a teacher leadership team with a charter; decisions still mostly the principal's, after consultation.");
        school.Vacate(On(2024, 6, 7), Roles.Mentor.RoleId, KevinOBrien, "Retiring at the end of the year.");

        // 2024-25: the slow school reaches Developing.
        school.DefineRole(On(2024, 8, 13), Roles.InstructionalCoach, 10, 1, DecidedAt.System);
        school.Vacate(On(2024, 8, 13), Roles.PlcFacilitator.RoleId, ElenaPetrova, "Becomes instructional coach.");
        school.Assign(On(2024, 8, 20), Roles.InstructionalCoach.RoleId, ElenaPetrova);
        school.Assign(On(2024, 8, 20), Roles.PlcFacilitator.RoleId, GraceLiu);
        school.Assign(On(2024, 8, 20), Roles.Mentor.RoleId, MarcusJohnson);
        school.Decision(On(2024, 8, 27), "ch-2024-pd-calendar", "Professional learning calendar for 2024-25", "Professional learning", Shared,
            [ElenaPetrova, PriyaSharma, GraceLiu, FatimaHassan],
            "Planned with the teacher leadership team; the coach leads three of the days.");
        school.PrincipalMove(On(2024, 9, 3), "Joined a PLC as a learner", null,
            "The principal sits in the eighth-grade PLC once a month, without an evaluation form.");
        school.Decision(On(2024, 10, 15), "ch-2024-advisory", "Advisory curriculum", "School climate", Shared,
            [SarahGoldberg, InesCarvalho, ConnorReilly, MeiWong],
            "A working group of four teachers wrote it with the counsellor; the principal approved it unchanged.");
        school.Decision(On(2025, 1, 21), "ch-2025-data-cycles", "Six-week data cycles", "Assessment", TeacherLed,
            [FatimaHassan, ElenaPetrova, GraceLiu, PriyaSharma],
            "The data lead and the facilitators set the cycle and the protocol.", equityFocus: true);
        school.PrincipalMove(On(2025, 2, 4), "Backed a teacher leader under criticism", FatimaHassan,
            "Defended the data cycle at the parents' association when results by subgroup were questioned.");
        school.EpisodeOpened(On(2025, 3, 11), "ch-grading-policy", FatimaHassan, BreakingRanksAct.SpokeUp, BreakingRanksLevel.SpeakingUp,
            "Fatima showed that zeros for late work fall hardest on students who care for siblings, and proposed ending them.");
        school.Decision(On(2025, 3, 18), "ch-2025-budget", "Budget for 2025-26", "Budget", PrincipalConsulted,
            [ElenaPetrova, FatimaHassan, PriyaSharma],
            "The principal asked the teacher leadership team to rank the requests.");
        school.Discussion(On(2025, 4, 8), "From consultation to shared decisions", [ElenaPetrova, PriyaSharma, FatimaHassan, GraceLiu, MarcusJohnson, SarahGoldberg, ZoeMartin],
            ["Name the decision mode before each decision", "Teaching and assessment decisions go to the teams first"]);
        school.Escalated(On(2025, 4, 15), "ch-grading-policy", BreakingRanksLevel.AttractingAttention,
            "Several colleagues said the proposal questioned their professional judgement; the debate is still open.");
        school.Decision(On(2025, 5, 13), "ch-2025-master-schedule", "Master schedule for 2025-26", "Schedule", Shared,
            [PriyaSharma, GraceLiu, MarcusJohnson, DavidKim, ZoeMartin],
            "Common planning extended to grade 7; built with the teacher leadership team.");
        RateConditions(school, On(2025, 5, 14), collaborationTime: 3, trust: 3, principalSupport: 3, data: 3, vision: 3);
        school.Stage(On(2025, 6, 3), LeadershipStage.Developing, ReviewTeam,
            "The first teacher-led decisions; a coach, a data lead, two facilitators and two mentors; the teacher leadership team meets monthly and names the decision mode.");
    }
}
