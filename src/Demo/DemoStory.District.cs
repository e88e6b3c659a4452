using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Demo;

public static partial class DemoStory
{
    /// <summary>The three schools agree to compare themselves on the same measures.</summary>
    private static void Network(Chronicle story)
    {
        var network = story.Network(DemoIds.Network);
        network.Form(On(2021, 9, 20), "Riverbend Learning Network",
            "Three Riverbend schools learning together how to share leadership with teachers, and comparing their progress on the same measures.");
        network.Join(On(2021, 9, 27), DemoIds.MapleGrove);
        network.Join(On(2021, 9, 27), DemoIds.CedarHill);
        // Harbor View's principal took a week longer to agree.
        network.Join(On(2021, 10, 4), DemoIds.HarborView);
    }

    /// <summary>
    /// The district's initiative, run the way the teacher-leadership toolkits advise: engage stakeholders, assess the
    /// context, design the roles (tight where the district decides, loose where the schools do), define the measures
    /// before anything is implemented, then implement, observe and assess.
    /// </summary>
    private static void Initiative(Chronicle story)
    {
        var pathways = story.Initiative(DemoIds.Initiative);

        // Planning, autumn 2021.
        pathways.Launch(On(2021, 10, 12), "Teacher Leadership Pathways", Sponsor.District,
            "Give teachers real roles in leading their schools, so that good practice spreads from classroom to classroom and teachers stay in the profession.",
            [
                "Formal teacher-leader roles with protected time in every network school",
                "Decisions about teaching and learning shared with the teachers who carry them out",
                "Protected time for collaboration in every team",
                "Retention of early-career teachers",
            ]);
        pathways.Engage(On(2021, 10, 19), "Riverbend Education Association", "Co-designs the role descriptions and guards release time in the contract");
        pathways.Engage(On(2021, 10, 26), "Principals of the three network schools", "Sponsor the school-level design and protect teacher leaders' time");
        pathways.Engage(On(2021, 11, 9), "Riverbend Family Council", "Brings families' view of what teachers should lead");
        pathways.Engage(On(2021, 11, 16), "Riverside State University, College of Education", "Research partner: designs the measures and runs the teacher survey");
        pathways.Engage(On(2021, 12, 7), "District data office", "Provides team-level assessment reports for the data cycle");
        pathways.Engage(On(2022, 1, 18), "Riverbend school board", "Approves the stipends and the release-time budget");
        pathways.AssessContext(On(2022, 1, 25),
            resources: ["Two district coaches who can train school-based coaches", "A mentor-training course already run by the union"],
            dataSystems: ["District assessment platform (reports by school only until 2022)", "Annual teacher working-conditions survey"],
            fundingSources: ["Federal Title II professional development funds", "District general fund for stipends", "A three-year state teacher-leadership grant"],
            existingCollaboration: ["Voluntary grade-level meetings at Maple Grove", "A science lab-sharing group at Harbor View", "Department heads' meetings at Harbor View"],
            trustBarriers:
            [
                "Teachers associate 'leadership' with evaluation",
                "Union concern that roles add unpaid work",
                "Past district initiatives dropped after a year",
                "Colleagues' suspicion of teachers who stand out",
            ]);

        // The key questions of planning, answered before design begins.
        pathways.Answer(On(2022, 1, 26), KeyQuestion.PrioritiesAdvanced,
            "Early literacy and keeping early-career teachers: coaches and mentors in every school, PLCs where grade teams already meet.",
            "Board strategic plan 2021-24; exit survey of teachers who left in 2020-21.");
        pathways.Answer(On(2022, 1, 26), KeyQuestion.MoreThanACareerPath,
            "Yes: each role is tied to a school priority and to a measure, not only to a stipend.", "Draft role descriptions.");
        pathways.Answer(On(2022, 2, 1), KeyQuestion.IdentifyingEffectiveTeachers,
            "Not yet: evaluation ratings are too coarse, so selection panels use classroom visits and peer nominations.", "Evaluation rating distribution 2020-21.");
        pathways.Answer(On(2022, 2, 1), KeyQuestion.CollaborationAndTrust,
            "Grade teams at Maple Grove and the lab-sharing group at Harbor View; mistrust where leadership is tied to evaluation.", "Context assessment of January 2022.");

        // Design, spring 2022: what the district holds tight and what each school decides.
        pathways.Advance(On(2022, 2, 8), Phase.Design);
        pathways.Framework(On(2022, 3, 1), "Instructional Coach",
            tight: ["Coaching is never evaluative", "At least 10 hours a week of release time", "Selection by a panel that includes teachers"],
            loose: ["Which subjects and grades the coach focuses on", "Whether the coach also teaches part-time", "The coaching cycle's length"],
            roleTypeId: "instructional-coach", minimumHoursPerWeek: 10, requiredSelection: SelectionProcess.Application);
        pathways.Framework(On(2022, 3, 15), "PLC Facilitator",
            tight: ["A stipend for every facilitator", "Monthly network meeting of facilitators"],
            loose: ["How many PLCs a school runs", "Team norms and inquiry questions", "Meeting length and day"]);
        pathways.Framework(On(2022, 3, 29), "Data Lead",
            tight: ["Data shown by team, never ranking individual teachers", "Use of the district assessment platform"],
            loose: ["Length of the school's data cycle", "Which local assessments are added"],
            roleTypeId: "data-team-leader", minimumHoursPerWeek: 4);
        pathways.Framework(On(2022, 4, 12), "New Teacher Mentor",
            tight: ["District mentor training before mentoring", "A weekly meeting with each first-year teacher"],
            loose: ["How mentors and new teachers are matched", "Whether mentors also observe second-year teachers"]);

        // A role the district's schools asked for that the built-in catalog does not name.
        pathways.AddRoleType(On(2022, 4, 19), "peer-observation-lead", "Peer observation lead", RoleTypeGroup.ProfessionalLearning,
            RoleKind.TeacherLeadership, "Organises the rounds in which colleagues watch each other teach and talk about what they saw.");

        // The measures, defined before implementation, with their baselines and targets.
        pathways.Measure(On(2022, 4, 26), "teachers-in-roles", "Teachers holding a formal teacher-leader role", MeasureHorizon.ShortTerm, "percent of teachers", 3, 25);
        pathways.Measure(On(2022, 4, 26), "shared-decisions", "School decisions taken in shared, teacher-led or consensus modes, school year to date", MeasureHorizon.ShortTerm, "percent of decisions", 10, 50);
        pathways.Measure(On(2022, 4, 26), "collaboration-minutes", "Protected collaboration time per teacher", MeasureHorizon.ShortTerm, "minutes per week", 20, 90);
        pathways.Measure(On(2022, 4, 26), "teacher-retention", "Teachers staying in their school from one year to the next", MeasureHorizon.LongTerm, "percent of teachers", 84, 92);
        pathways.Measure(On(2022, 4, 26), "math-proficiency", "Students proficient in mathematics, grades 3 to 11", MeasureHorizon.LongTerm, "percent of students", 41, 55);

        pathways.Answer(On(2022, 4, 26), KeyQuestion.TightAndLoose,
            "Tight on release time, selection by panels with teachers and never-evaluative coaching; loose on focus, schedule and team norms.", "The four role frameworks.");
        pathways.Answer(On(2022, 4, 26), KeyQuestion.MeasuringSuccess,
            "Roles held, shared decisions and collaboration time twice a year; retention and proficiency once a year.", "The five measures and their baselines.");
        pathways.Answer(On(2022, 4, 26), KeyQuestion.BuildOrPartner,
            "The district trains coaches and mentors itself; the university partner runs the survey and the evaluation.", "Partnership agreement with Riverside State University.");

        pathways.Enroll(On(2022, 5, 10), DemoIds.MapleGrove);
        pathways.Enroll(On(2022, 5, 10), DemoIds.CedarHill);
        pathways.Enroll(On(2022, 5, 17), DemoIds.HarborView);

        // Implementation, from the 2022-23 school year.
        pathways.Advance(On(2022, 8, 15), Phase.Implementation);
        pathways.InterventionStarted(On(2022, 9, 6), "mg-coaching-cycles", DemoIds.MapleGrove, "Coaching cycles",
            "If every grade team works through one six-week coaching cycle a term, teachers will adopt the guided-reading routines the coach models.");
        pathways.InterventionStarted(On(2022, 9, 13), "hv-data-teams", DemoIds.HarborView, "Data teams",
            "If a data lead prepares department results every six weeks, departments will regroup students for intervention.");
        pathways.InterventionStarted(On(2023, 1, 17), "ch-protected-plc-time", DemoIds.CedarHill, "Protected PLC time",
            "If the sixth-grade team gets a protected shared period, a PLC will form and spread to the other grades.");
        pathways.InterventionCompleted(On(2023, 5, 30), "mg-coaching-cycles",
            "Every grade team completed two cycles; guided-reading routines seen in 11 of 12 classrooms.",
            "Coach's cycle logs; spring walkthroughs by the leadership team.");
        pathways.InterventionCompleted(On(2023, 6, 6), "hv-data-teams",
            "Stalled: the data lead stepped down in January when the promised release time never appeared; two departments met once.",
            "Data lead's resignation note; meeting attendance records.");
        pathways.InterventionStarted(On(2023, 8, 29), "ch-new-teacher-mentoring", DemoIds.CedarHill, "Mentoring",
            "If every new teacher meets a trained mentor weekly, Cedar Hill will keep its early-career teachers.");
        pathways.InterventionStarted(On(2023, 9, 5), "mg-family-engagement", DemoIds.MapleGrove, "Family engagement lead",
            "If a teacher leads family engagement with the grade teams, attendance at student-led conferences will rise above 90 percent.");
        pathways.InterventionStarted(On(2023, 9, 12), "hv-leadership-restart", DemoIds.HarborView, "Leadership team restart",
            "If the new principal forms a teacher leadership team and restores PLC time, the decisions reverted in 2022-23 will be shared again.");
        pathways.InterventionCompleted(On(2024, 6, 4), "ch-protected-plc-time",
            "PLC time protected for all three grades from 2023-24; two facilitators, common planning agreed for grade 6.",
            "Master schedules 2023-24 and 2024-25; facilitator logs.");
        pathways.InterventionCompleted(On(2024, 6, 11), "mg-family-engagement",
            "Conference attendance 94 percent, interpreters at every conference; the role continues.",
            "Conference sign-in sheets; family survey.");
        pathways.InterventionCompleted(On(2024, 6, 11), "hv-leadership-restart",
            "Teacher leadership team meets fortnightly; late-start PLCs weekly; half of the year's decisions shared or teacher-led.",
            "Leadership team minutes; decision log.");
        pathways.InterventionStarted(On(2024, 9, 10), "hv-instructional-coaching", DemoIds.HarborView, "Coaching cycles",
            "If the coach runs cycles with the science and mathematics departments, common assessments will be used in every section.");
        pathways.InterventionStarted(On(2024, 9, 17), "mg-teacher-led-pd", DemoIds.MapleGrove, "Teacher-led professional learning",
            "If teacher leaders plan and lead all of the school's professional learning days, teachers will rate them more useful than district-led days.");
        pathways.InterventionCompleted(On(2025, 5, 27), "ch-new-teacher-mentoring",
            "All five new teachers over two years stayed; mentors now also observe second-year teachers.",
            "Mentor logs; retention records.");

        // What the measures showed, twice a year for the short-term ones and once a year for the long-term ones.
        const string Survey = "Teacher Leadership Pathways teacher survey";
        const string DecisionLogs = "The network schools' decision logs";
        const string Records = "District records";
        (DateTimeOffset At, decimal Roles, decimal Shared, decimal Minutes)[] shortTerm =
        [
            (On(2022, 6, 14), 6, 18, 30),
            (On(2023, 1, 24), 11, 33, 45),
            (On(2023, 6, 13), 13, 40, 50),
            (On(2024, 1, 23), 19, 78, 60),
            (On(2024, 6, 11), 22, 80, 70),
            (On(2025, 1, 21), 25, 89, 80),
            (On(2025, 6, 10), 26, 81, 85),
        ];
        foreach (var (at, roles, shared, minutes) in shortTerm)
        {
            pathways.Observe(at, "teachers-in-roles", roles, Records);
            pathways.Observe(at, "shared-decisions", shared, DecisionLogs);
            pathways.Observe(at, "collaboration-minutes", minutes, Survey);
        }
        (DateTimeOffset At, decimal Retention, decimal Math)[] longTerm =
        [
            (On(2022, 6, 28), 83, 40),
            (On(2023, 6, 27), 86, 43),
            (On(2024, 6, 25), 89, 46),
            (On(2025, 6, 17), 91, 49),
        ];
        foreach (var (at, retention, math) in longTerm)
        {
            pathways.Observe(at, "teacher-retention", retention, Records);
            pathways.Observe(at, "math-proficiency", math, "State assessment results");
        }

        // Collaboration time at each school, where the network averages hide a gap.
        (string School, decimal January, decimal June)[] minutesBySchool =
        [
            (DemoIds.MapleGrove, 95, 100),
            (DemoIds.CedarHill, 85, 90),
            (DemoIds.HarborView, 60, 65),
        ];
        foreach (var (school, january, june) in minutesBySchool)
        {
            pathways.Observe(On(2025, 1, 21), "collaboration-minutes", january, Survey, school);
            pathways.Observe(On(2025, 6, 10), "collaboration-minutes", june, Survey, school);
        }

        // Assessment, spring 2025: the university partner's evaluation begins.
        pathways.Advance(On(2025, 5, 13), Phase.Assessment);
        pathways.Answer(On(2025, 5, 20), KeyQuestion.AssessingImpact,
            "The survey, the decision logs and the indicator table together; retention needs two more years to read.", "Evaluation plan, June 2025.");
        pathways.Answer(On(2025, 5, 20), KeyQuestion.SupportingTeachers,
            "Release time that is kept, monthly facilitator meetings and a principal who backs them in public.", "Teacher survey 2025; Harbor View's 2022-23 data-team stall.");

        // The evaluation's first findings lead into a second cycle, planned for the next school year.
        pathways.Advance(On(2025, 6, 17), Phase.Planning);
        pathways.Answer(On(2025, 6, 24), KeyQuestion.PrioritiesAdvanced,
            "Keep literacy; add mathematics coaching at Harbor View, where collaboration time lags.", "Interim evaluation findings, June 2025.");
    }
}
