using LearningOrg.Domain.Schools;
using static LearningOrg.Demo.Cast;
using static LearningOrg.Domain.Schools.DecisionMode;

namespace LearningOrg.Demo;

public static partial class DemoStory
{
    /// <summary>
    /// Maple Grove Elementary, the school that moves fast. Dana Whitfield arrived wanting to share leadership; she names
    /// a coach and PLC facilitators in the first autumn, hands decisions to teachers in the second year, and by the
    /// third the staff decides by consensus and rotates its roles.
    /// </summary>
    private static void MapleGrove(Chronicle story)
    {
        var school = story.School(DemoIds.MapleGrove);

        // 2021-22: a flat school, and a principal who starts to open it up.
        school.Decision(On(2021, 8, 23), "mg-2021-master-schedule", "Master schedule for 2021-22", "Schedule", PrincipalAlone, [],
            "Set over the summer before staff returned, as in previous years.");
        school.Decision(On(2021, 9, 7), "mg-2021-pd-calendar", "Professional learning calendar for 2021-22", "Professional learning", PrincipalAlone, [],
            "District days filled with topics the principal chose.");
        school.Stage(On(2021, 9, 14), LeadershipStage.Flat, NetworkFacilitator,
            "Schedule, curriculum and professional learning are decided by the principal; there are no teacher-leader roles; teachers plan alone and rarely see each other teach.");
        school.DefineRole(On(2021, 9, 21), Roles.InstructionalCoach, 10, 1, DecidedAt.School);
        school.DefineRole(On(2021, 9, 21), Roles.PlcFacilitator, 3, 3, DecidedAt.School);
        school.Assign(On(2021, 9, 28), Roles.InstructionalCoach.RoleId, MayaChen);
        school.Assign(On(2021, 9, 28), Roles.PlcFacilitator.RoleId, AishaRahman);
        school.Assign(On(2021, 9, 28), Roles.PlcFacilitator.RoleId, GraceLiu);
        school.PrincipalMove(On(2021, 9, 28), "Named teacher leaders publicly", MayaChen,
            "Introduced Maya as coach at the staff meeting and said in front of everyone that coaching is not evaluation.");
        school.Decision(On(2021, 10, 5), "mg-2021-reading-screener", "Choice of reading screener", "Assessment", PrincipalConsulted,
            [MayaChen, LuciaFernandez, RosaDelgado],
            "The principal asked the literacy-minded teachers and chose the screener with Spanish-language forms.", equityFocus: true);
        RateConditions(school, On(2021, 10, 12), collaborationTime: 1, trust: 2, principalSupport: 3, data: 1, vision: 2);
        school.Discussion(On(2021, 10, 19), "What teacher leadership could mean at Maple Grove",
            [MayaChen, AishaRahman, GraceLiu, JamesOkafor, LuciaFernandez, BenWalsh],
            ["Teacher-leader roles are never evaluative", "Coaching starts by invitation", "Grade teams choose their own inquiry questions"]);
        school.EpisodeOpened(On(2021, 10, 26), "mg-peer-observation", MayaChen, BreakingRanksAct.MadePracticeVisible, BreakingRanksLevel.SpeakingUp,
            "Maya invited colleagues to watch her guided-reading groups and asked to watch theirs.");
        school.Decision(On(2021, 11, 16), "mg-2021-plc-time", "Weekly PLC time during specials", "Schedule", PrincipalConsulted,
            [AishaRahman, GraceLiu, MayaChen],
            "The facilitators proposed moving specials so each grade team shares a block; the principal agreed after asking them how.");
        school.PrincipalMove(On(2021, 11, 16), "Protected collaboration time", null,
            "Rearranged the specials rota so that every grade team has one shared 45-minute block a week.");
        school.Escalated(On(2021, 11, 30), "mg-peer-observation", BreakingRanksLevel.AttractingAttention,
            "Staff-room jokes about 'the principal's spy'; two colleagues declined visits.");
        school.ColleagueReacted(On(2021, 11, 30), "mg-peer-observation", BenWalsh, ReactionIntensity.Irritation,
            "Declined a visit and asked whether notes from the visits would reach the principal.");
        school.Supported(On(2021, 12, 7), "mg-peer-observation", SupportKind.PrincipalBacking,
            "The principal repeated at the staff meeting that visits are the teachers' own and nothing is written down for her.");
        school.Assign(On(2022, 1, 11), Roles.PlcFacilitator.RoleId, TomBecker);
        school.Decision(On(2022, 1, 18), "mg-2022-plc-norms", "Norms for the PLCs", "Collaboration", Shared,
            [AishaRahman, GraceLiu, TomBecker, MayaChen, BenWalsh, PeterNakamura],
            "Drafted by the facilitators, amended and adopted by the teams.");
        school.Stage(On(2022, 1, 25), LeadershipStage.Emerging, ReviewTeam,
            "A coach and three PLC facilitators in place; grade teams meet weekly; first decisions shared with teachers.");
        school.PrincipalMove(On(2022, 2, 1), "Backed a teacher leader under criticism", MayaChen,
            "Spoke up for the peer-observation pilot at the staff meeting and joined the first round of visits herself.");
        school.Resolved(On(2022, 2, 15), "mg-peer-observation", EpisodeOutcome.Accepted,
            "Voluntary peer visits adopted; eight of twelve teachers took part by February.");
        school.Decision(On(2022, 3, 8), "mg-2022-intervention-groups", "Reading intervention groups", "Instruction", TeacherLed,
            [MayaChen, RosaDelgado, SamuelOrtiz, PeterNakamura],
            "Teachers regrouped students across classes by screener results, with English learners' and IEP goals in view.", equityFocus: true);
        school.Decision(On(2022, 5, 10), "mg-2022-pd-priorities", "Professional learning priorities for 2022-23", "Professional learning", Shared,
            [MayaChen, JamesOkafor, AishaRahman, LuciaFernandez, HannahKowalski],
            "The leadership team ranked the needs the teams reported; the principal added the district's requirements.");
        RateConditions(school, On(2022, 5, 17), collaborationTime: 3, trust: 2, principalSupport: 4, data: 2, vision: 2);
        school.Discussion(On(2022, 6, 7), "Year one review", [MayaChen, AishaRahman, GraceLiu, TomBecker, JamesOkafor, LuciaFernandez],
            ["Keep the shared blocks next year", "Add a data lead and mentors", "Facilitators meet monthly"]);

        // 2022-23: roles multiply and teachers begin to lead decisions.
        school.DefineRole(On(2022, 8, 2), Roles.Mentor, 2, 2, DecidedAt.System);
        school.DefineRole(On(2022, 8, 2), Roles.DataLead, 4, 1, DecidedAt.System);
        school.Assign(On(2022, 8, 9), Roles.Mentor.RoleId, LuciaFernandez);
        school.Assign(On(2022, 8, 9), Roles.DataLead.RoleId, JamesOkafor);
        school.Decision(On(2022, 8, 16), "mg-2022-master-schedule", "Master schedule for 2022-23", "Schedule", Shared,
            [AishaRahman, TomBecker, GraceLiu, HannahKowalski],
            "Specials rotated so each grade team shares a 50-minute block; the music teacher designed the rotation.");
        school.PrincipalMove(On(2022, 9, 6), "Funded release time", JamesOkafor,
            "Half a day a month for the data lead, from the school's own budget.");
        school.Decision(On(2022, 9, 20), "mg-2022-math-materials", "Supplementary mathematics materials", "Curriculum", TeacherLed,
            [JamesOkafor, TomBecker, OliviaGrant],
            "The upper and lower grade teams trialled two sets for three weeks and chose together.");
        school.EpisodeOpened(On(2022, 10, 11), "mg-data-wall", JamesOkafor, BreakingRanksAct.MadePracticeVisible, BreakingRanksLevel.SpeakingUp,
            "James posted grade-level reading and mathematics results, class by class, in the staff room.");
        school.Decision(On(2022, 10, 25), "mg-2022-family-conferences", "Student-led family conferences", "Families", Shared,
            [LuciaFernandez, RosaDelgado, OliviaGrant, BenWalsh],
            "Teachers piloted student-led conferences in two grades; families asked for interpreters at every one.", equityFocus: true);
        school.Escalated(On(2022, 10, 25), "mg-data-wall", BreakingRanksLevel.AttractingAttention,
            "Colleagues asked who had allowed class results on the wall; one teacher took her class's sheet down.");
        school.TeamReacted(On(2022, 10, 25), "mg-data-wall", "Grade 4 team", ReactionIntensity.Irritation,
            "Asked in their PLC why their classes were on show before anyone had talked about the results.");
        school.Escalated(On(2022, 11, 15), "mg-data-wall", BreakingRanksLevel.DesignedIntervention,
            "The building representative asked for the wall to come down pending a staff vote.");
        school.Reacted(On(2022, 11, 15), "mg-data-wall", ReactorKind.Union, ReactionIntensity.OpenOpposition,
            "A formal request to remove the wall until the staff had voted on it.");
        school.Supported(On(2022, 11, 22), "mg-data-wall", SupportKind.Mediation,
            "The coach chaired a meeting of James, the building representative and the grade-team leads.");
        school.Deescalated(On(2022, 11, 29), "mg-data-wall", BreakingRanksLevel.AttractingAttention,
            "With class names taken off the sheets, the building representative withdrew the request for a vote.");
        school.Decision(On(2022, 12, 6), "mg-2022-budget", "Discretionary budget priorities", "Budget", PrincipalConsulted,
            [JamesOkafor, MayaChen],
            "The principal kept the final say on the budget but took the leadership team's ranking.");
        school.Stage(On(2022, 12, 13), LeadershipStage.Developing, ReviewTeam,
            "Teacher leaders run the PLCs and the data cycle; half of this year's decisions were taken with teachers; peer observation is routine.");
        school.PrincipalMove(On(2023, 1, 10), "Delegated a decision", null,
            "Handed the professional learning calendar to the leadership team for good.");
        school.Resolved(On(2023, 1, 17), "mg-data-wall", EpisodeOutcome.Negotiated,
            "The wall stays with class names removed; each team reviews its own classes in its PLC.");
        school.Discussion(On(2023, 1, 24), "How we decide", [MayaChen, JamesOkafor, AishaRahman, TomBecker, GraceLiu, LuciaFernandez, SamuelOrtiz],
            ["Each decision names who decides before discussion starts", "Decisions about teaching go to the teams", "The principal decides alone only on safety and legal matters"]);
        school.Decision(On(2023, 2, 14), "mg-2023-looking-at-student-work", "Protocol for looking at student work", "Assessment", TeacherLed,
            [JamesOkafor, MayaChen, AishaRahman, GraceLiu, SamuelOrtiz],
            "The facilitators and the data lead adapted a protocol that starts from students' strengths.", equityFocus: true);
        school.Decision(On(2023, 4, 18), "mg-2023-peer-observation", "Peer observation schedule for 2023-24", "Collaboration", StaffConsensus,
            school.Everyone(On(2023, 4, 18)),
            "Every teacher agreed to two visits a term, given and received.");
        RateConditions(school, On(2023, 5, 16), collaborationTime: 3, trust: 3, principalSupport: 4, data: 3, vision: 3);
        school.Decision(On(2023, 5, 23), "mg-2023-pd-priorities", "Professional learning priorities for 2023-24", "Professional learning", Shared,
            [MayaChen, JamesOkafor, SamuelOrtiz, RosaDelgado, TomBecker],
            "Inclusion and co-teaching chosen by the teams as next year's focus.", equityFocus: true);
        school.Vacate(On(2023, 6, 9), Roles.PlcFacilitator.RoleId, GraceLiu, "Moving to Cedar Hill Middle School in August.");

        // 2023-24: shared leadership takes hold; roles begin to rotate.
        school.DefineRole(On(2023, 8, 15), Roles.FamilyEngagementLead, 2, 1, DecidedAt.School);
        school.Decision(On(2023, 8, 15), "mg-2023-master-schedule", "Master schedule for 2023-24", "Schedule", TeacherLed,
            [TomBecker, AishaRahman, HannahKowalski, SamuelOrtiz],
            "Built by the facilitators and the specials teachers around co-teaching blocks.");
        school.Assign(On(2023, 8, 22), Roles.PlcFacilitator.RoleId, SamuelOrtiz);
        school.Assign(On(2023, 8, 22), Roles.Mentor.RoleId, RosaDelgado);
        school.Assign(On(2023, 8, 29), Roles.FamilyEngagementLead.RoleId, OliviaGrant);
        school.Decision(On(2023, 9, 19), "mg-2023-co-teaching", "Co-teaching model for inclusion", "Instruction", TeacherLed,
            [SamuelOrtiz, RosaDelgado, PeterNakamura, AishaRahman],
            "Special education and English-development teachers co-teach in every grade for one block a day.", equityFocus: true);
        school.PrincipalMove(On(2023, 10, 3), "Asked a teacher to lead professional learning", SamuelOrtiz,
            "Samuel leads this year's inclusion series; the principal attends as a participant.");
        school.Decision(On(2023, 11, 7), "mg-2023-budget", "Discretionary budget priorities", "Budget", Shared,
            [JamesOkafor, MayaChen, OliviaGrant, SamuelOrtiz],
            "The leadership team set the priorities and the principal signed them off unchanged.");
        school.Discussion(On(2023, 11, 14), "Rotating the roles", [MayaChen, AishaRahman, TomBecker, SamuelOrtiz, JamesOkafor, OliviaGrant, LuciaFernandez, RosaDelgado],
            ["Roles rotate after three years at most", "Outgoing role holders coach their successors for a term", "Second-year teachers may take a role"]);
        school.Decision(On(2024, 1, 16), "mg-2024-hiring-panel", "Interview panel for the grade 2 vacancy", "Staffing", Shared,
            [AishaRahman, NoahPatel, LuciaFernandez],
            "Two teachers sat on the panel with the principal and had an equal vote.");
        school.Stage(On(2024, 1, 23), LeadershipStage.Shared, ReviewTeam,
            "A teacher leadership team sets the professional learning calendar and budget priorities; most decisions are shared or teacher-led; roles rotate by an agreed rule.");
        school.Decision(On(2024, 3, 12), "mg-2024-homework", "Homework policy", "Instruction", StaffConsensus,
            school.Everyone(On(2024, 3, 12)),
            "Reading at home replaces worksheets; agreed after a family survey in three languages.", equityFocus: true);
        RateConditions(school, On(2024, 5, 14), collaborationTime: 4, trust: 3, principalSupport: 4, data: 4, vision: 3);
        school.Decision(On(2024, 5, 14), "mg-2024-role-rotation", "Rotation of teacher-leader roles", "Leadership", StaffConsensus,
            school.Everyone(On(2024, 5, 14)),
            "The rotation rule of November adopted by the whole staff.");
        school.PrincipalMove(On(2024, 5, 14), "Stepped back in leadership meetings", null,
            "The principal now attends the leadership team as a member; the facilitators chair by rotation.");
        school.Discussion(On(2024, 6, 4), "Sustaining shared leadership", [MayaChen, AishaRahman, TomBecker, SamuelOrtiz, PeterNakamura, BenWalsh, LuciaFernandez],
            ["Maya and Tom rotate out of their roles as agreed", "Aisha becomes coach; Peter and Maya facilitate", "Ben takes over mentoring from Lucía"]);
        school.Vacate(On(2024, 6, 7), Roles.PlcFacilitator.RoleId, TomBecker, "Rotation after three years, as agreed.");
        school.Vacate(On(2024, 6, 7), Roles.InstructionalCoach.RoleId, MayaChen, "Rotation after three years; back to full-time teaching.");
        school.Vacate(On(2024, 6, 7), Roles.PlcFacilitator.RoleId, AishaRahman, "Becomes instructional coach.");
        school.Vacate(On(2024, 6, 7), Roles.Mentor.RoleId, LuciaFernandez, "Leads the kindergarten transition project instead.");

        // 2024-25: a new generation of teacher leaders; the school decides together.
        school.Decision(On(2024, 8, 13), "mg-2024-master-schedule", "Master schedule for 2024-25", "Schedule", TeacherLed,
            [SamuelOrtiz, HannahKowalski, PeterNakamura, AishaRahman],
            "Built by the teams; one shared block became two.");
        school.Assign(On(2024, 8, 20), Roles.InstructionalCoach.RoleId, AishaRahman);
        school.Assign(On(2024, 8, 20), Roles.PlcFacilitator.RoleId, PeterNakamura);
        school.Assign(On(2024, 8, 20), Roles.PlcFacilitator.RoleId, MayaChen);
        school.Assign(On(2024, 8, 20), Roles.Mentor.RoleId, BenWalsh);
        school.Decision(On(2024, 9, 10), "mg-2024-emergency-drills", "Emergency drill procedure", "Safety", PrincipalAlone, [],
            "A safety procedure the principal must set; explained to the staff afterwards.");
        school.Decision(On(2024, 11, 12), "mg-2024-budget", "Discretionary budget priorities", "Budget", Shared,
            [JamesOkafor, AishaRahman, OliviaGrant, PeterNakamura],
            "Second year the leadership team set the priorities.");
        school.PrincipalMove(On(2025, 1, 14), "Recognised teacher leaders to the school board", AishaRahman,
            "Aisha and James presented the coaching and data work to the board with the principal in the audience.");
        school.Decision(On(2025, 2, 11), "mg-2025-report-card-pilot", "Standards-based report card pilot", "Assessment", Shared,
            [AishaRahman, JamesOkafor, PeterNakamura, MayaChen, RosaDelgado],
            "Grades 3 to 5 pilot standards-based report cards in the spring term.", equityFocus: true);
        school.Discussion(On(2025, 3, 4), "Welcoming new teachers into leadership", [AishaRahman, BenWalsh, RosaDelgado, NoahPatel, PeterNakamura],
            ["Every new teacher joins a PLC in the first week", "Mentors introduce new teachers to the leadership team in their first term"]);
        school.Decision(On(2025, 4, 15), "mg-2025-pd-priorities", "Professional learning priorities for 2025-26", "Professional learning", TeacherLed,
            [AishaRahman, PeterNakamura, MayaChen, SamuelOrtiz],
            "Chosen by the facilitators from the teams' inquiry questions.");
        school.EpisodeOpened(On(2025, 4, 22), "mg-report-cards", AishaRahman, BreakingRanksAct.SpokeUp, BreakingRanksLevel.SpeakingUp,
            "Aisha proposed moving every grade to standards-based report cards next year, beyond what the pilot showed; some colleagues want another year of piloting.");
        RateConditions(school, On(2025, 5, 13), collaborationTime: 4, trust: 4, principalSupport: 4, data: 4, vision: 4);
        school.Decision(On(2025, 5, 20), "mg-2025-roles", "Teacher-leader roles for 2025-26", "Leadership", StaffConsensus,
            school.Everyone(On(2025, 5, 20)),
            "The staff confirmed the role holders for next year under the rotation rule.");
        school.Stage(On(2025, 6, 3), LeadershipStage.Shared, ReviewTeam,
            "Shared leadership held through a full rotation of roles; second-year teachers now hold roles; the principal decides alone only on safety.");
    }
}
