using static LearningOrg.Demo.Cast;
using static LearningOrg.Domain.Teachers.LeadershipAct;
using static LearningOrg.Domain.Teachers.LeadershipDomain;

namespace LearningOrg.Demo;

public static partial class DemoStory
{
    /// <summary>
    /// The teachers' own stories: the professional learning they complete, the communities they join, and the
    /// informal leadership colleagues and principals see in them, title or no title, across the seven domains of the
    /// Teacher Leader Model Standards.
    /// </summary>
    private static void Growth(Chronicle story)
    {
        // 2021-22: grade teams and a lab-sharing group form; Maya and Grace lead before anyone calls it leading.
        Together(story, On(2021, 9, 20), "Harbor View science lab-sharing group", NadiaVolkova, RachelAdeyemi, EthanBrooks);
        Together(story, On(2021, 10, 1), "Maple Grove grades 3-5 PLC", MayaChen, TomBecker, GraceLiu, JamesOkafor, PeterNakamura);
        Together(story, On(2021, 10, 1), "Maple Grove grades K-2 PLC", LuciaFernandez, AishaRahman, BenWalsh, OliviaGrant);
        Together(story, On(2021, 11, 1), "Riverbend middle-school science network", MarcusJohnson, WilliamTran);
        story.Teacher(MayaChen).Observed(On(2021, 10, 8), ModeledPractice, Instruction, Whitfield,
            "Opened her guided-reading groups to any colleague who wanted to watch.");
        story.Teacher(GraceLiu).Observed(On(2021, 10, 21), AskedCriticalQuestion, CollaborativeCulture, MayaChen,
            "Asked the team what evidence would show the new writing unit worked, before anyone planned it.");
        story.Teacher(NadiaVolkova).Observed(On(2021, 11, 4), ModeledPractice, Instruction, RachelAdeyemi,
            "Ran a titration lab with Rachel's class watching and shared her lab sheets.");
        story.Teacher(MarcusJohnson).Observed(On(2021, 11, 18), AskedCriticalQuestion, Advocacy, ElenaPetrova,
            "Asked at the staff meeting why science labs are cut before state tests.");
        story.Teacher(MayaChen).Learned(On(2021, 12, 10), "Cognitive Coaching foundations", 32, "Coaching conversations that are non-evaluative");
        story.Teacher(JamesOkafor).Observed(On(2022, 1, 13), LookedAtStudentWork, AssessmentAndData, MayaChen,
            "Brought fifth graders' fraction work to the PLC and sorted it by misconception with the team.");
        story.Teacher(JordanEllis).Observed(On(2022, 1, 27), ModeledPractice, Instruction, SofiaRossi,
            "Demonstrated his annotation routine to the English department.");
        story.Teacher(RosaDelgado).Observed(On(2022, 2, 10), SharedInstructionalDecision, FamiliesAndCommunity, Whitfield,
            "Proposed the screener's Spanish forms be used for families' conferences too.");
        story.Teacher(AishaRahman).Observed(On(2022, 3, 3), AskedCriticalQuestion, CollaborativeCulture, MayaChen,
            "Asked the K-2 team to agree norms before discussing anyone's class results.");
        story.Teacher(FatimaHassan).Observed(On(2022, 3, 24), LookedAtStudentWork, AssessmentAndData, ElenaPetrova,
            "Compared sixth-grade exit tickets with Elena's seventh-grade ones to trace a misconception.");
        story.Teacher(GraceLiu).Learned(On(2022, 4, 8), "PLC facilitation institute", 20, "Protocols, norms and inquiry cycles");
        story.Teacher(CarlosMendoza).Observed(On(2022, 4, 14), Other, AssessmentAndData, Lund,
            "Built a spreadsheet of algebra results by unit and offered it to every mathematics teacher.");
        story.Teacher(PriyaSharma).Observed(On(2022, 5, 5), SharedInstructionalDecision, Instruction, FatimaHassan,
            "Planned a shared sixth-grade reading-and-mathematics unit with Fatima, on her own time.");
        Cohort(story, On(2022, 6, 24), "Teacher Leadership Academy, cohort 1", 30, "Facilitating adult learning and leading without authority",
            MayaChen, AishaRahman, GraceLiu, TomBecker, JamesOkafor, ElenaPetrova, CarlosMendoza, NadiaVolkova);
        story.Teacher(JamesOkafor).Learned(On(2022, 7, 15), "Data literacy for teacher leaders", 12, "Team-level data protocols");
        story.Teacher(CarlosMendoza).Learned(On(2022, 7, 15), "Data literacy for teacher leaders", 12, "Team-level data protocols");
        story.Teacher(LuciaFernandez).Learned(On(2022, 8, 5), "Mentoring beginning teachers", 18, "The district's mentor training");

        // 2022-23: roles spread at Maple Grove; Cedar Hill's sixth grade starts meeting; Harbor View's science group fades.
        story.Teacher(NoahPatel).Joins(On(2022, 8, 22), "Maple Grove grades K-2 PLC");
        Together(story, On(2022, 9, 15), "Riverbend network teacher-leader circle",
            MayaChen, AishaRahman, TomBecker, GraceLiu, JamesOkafor, LuciaFernandez, CarlosMendoza);
        story.Teacher(TomBecker).Observed(On(2022, 9, 29), SharedInstructionalDecision, Instruction, AishaRahman,
            "Let the grade 4 team choose between two mathematics sequences instead of presenting one.");
        story.Teacher(NadiaVolkova).Observed(On(2022, 10, 6), AskedCriticalQuestion, Research, RachelAdeyemi,
            "Shared research on lab rotations and asked the department to test it for one unit.");
        story.Teacher(EthanBrooks).Joins(On(2022, 10, 10), "Riverbend middle-school science network");
        story.Teacher(LuciaFernandez).Learned(On(2022, 11, 4), "Family engagement that centres equity", 10, "Student-led conferences with interpreters");
        story.Teacher(LuciaFernandez).Observed(On(2022, 11, 10), ModeledPractice, FamiliesAndCommunity, Whitfield,
            "Ran the first student-led conferences in kindergarten and invited colleagues to sit in.");
        Together(story, On(2022, 11, 21), "Cedar Hill sixth-grade PLC", PriyaSharma, FatimaHassan, WilliamTran, ElenaPetrova);
        story.Teacher(WilliamTran).Observed(On(2022, 12, 8), LookedAtStudentWork, AssessmentAndData, PriyaSharma,
            "Brought his students' lab reports to the sixth-grade PLC to look at writing across subjects.");
        story.Teacher(BenWalsh).Observed(On(2023, 1, 19), AskedCriticalQuestion, CollaborativeCulture, AishaRahman,
            "Asked, after the data-wall row, how the team would protect colleagues whose classes struggle; the norms changed as a result.");
        story.Teacher(ElenaPetrova).Learned(On(2023, 2, 10), "PLC facilitation institute", 20, "Protocols, norms and inquiry cycles");
        story.Teacher(PriyaSharma).Learned(On(2023, 2, 10), "PLC facilitation institute", 20, "Protocols, norms and inquiry cycles");
        story.Teacher(SamuelOrtiz).Learned(On(2023, 3, 17), "Co-teaching for inclusion", 15, "Co-teaching models for special education");
        story.Teacher(RosaDelgado).Learned(On(2023, 3, 17), "Co-teaching for inclusion", 15, "Co-teaching with English learners");
        story.Teacher(SamuelOrtiz).Observed(On(2023, 3, 30), ModeledPractice, ProfessionalLearning, MayaChen,
            "Led a staff session on adapting tasks for students with IEPs, using colleagues' own lessons.");
        story.Teacher(MarcusJohnson).Observed(On(2023, 4, 20), SharedInstructionalDecision, CollaborativeCulture, PriyaSharma,
            "Quietly offered the sixth-grade PLC his draft of cross-grade science units.");
        story.Teacher(AmaraNwosu).Observed(On(2023, 5, 4), AskedCriticalQuestion, Advocacy, JordanEllis,
            "Asked why ninth graders who fail the first term are never followed up; nobody answered.");
        Cohort(story, On(2023, 6, 23), "Teacher Leadership Academy, cohort 2", 30, "Facilitating adult learning and leading without authority",
            LuciaFernandez, SamuelOrtiz, RosaDelgado, PriyaSharma, FatimaHassan, SarahGoldberg, JordanEllis, RachelAdeyemi);
        story.Teacher(NadiaVolkova).Learned(On(2023, 7, 21), "Cognitive Coaching foundations", 32, "Coaching conversations that are non-evaluative");
        Cohort(story, On(2023, 8, 11), "Mentoring beginning teachers", 18, "The district's mentor training", RosaDelgado, SarahGoldberg, KevinOBrien);

        // 2023-24: Harbor View's teachers step up under the new principal; Grace brings Maple Grove's habits to Cedar Hill.
        Together(story, On(2023, 8, 30), "Harbor View teacher leadership team", NadiaVolkova, AmaraNwosu, JordanEllis, CarlosMendoza, MariaSantos, RachelAdeyemi);
        Together(story, On(2023, 9, 1), "Maple Grove leadership team", MayaChen, AishaRahman, TomBecker, JamesOkafor, SamuelOrtiz, OliviaGrant, LuciaFernandez, RosaDelgado);
        Together(story, On(2023, 9, 14), "Riverbend network teacher-leader circle", ElenaPetrova, PriyaSharma, SarahGoldberg, NadiaVolkova, JordanEllis, RachelAdeyemi, SamuelOrtiz);
        Together(story, On(2023, 9, 19), "Maple Grove inclusion working group", SamuelOrtiz, RosaDelgado, HannahKowalski, PeterNakamura);
        story.Teacher(GraceLiu).Joins(On(2023, 9, 5), "Cedar Hill sixth-grade PLC");
        story.Teacher(GraceLiu).Observed(On(2023, 9, 28), ModeledPractice, CollaborativeCulture, PriyaSharma,
            "Showed the sixth-grade team Maple Grove's protocol for looking at student work.");
        story.Teacher(JordanEllis).Learned(On(2023, 10, 13), "PLC facilitation institute", 20, "Protocols, norms and inquiry cycles");
        story.Teacher(RachelAdeyemi).Learned(On(2023, 10, 13), "PLC facilitation institute", 20, "Protocols, norms and inquiry cycles");
        story.Teacher(AndreBaptiste).Learned(On(2023, 10, 13), "PLC facilitation institute", 20, "Protocols, norms and inquiry cycles");
        story.Teacher(OliviaGrant).Learned(On(2023, 10, 20), "Family engagement that centres equity", 10, "Student-led conferences with interpreters");
        story.Teacher(TylerHughes).Observed(On(2023, 10, 26), LookedAtStudentWork, Instruction, NadiaVolkova,
            "Invited Nadia to a coaching cycle on his first physics labs and brought the students' lab notebooks.");
        story.Teacher(OliviaGrant).Observed(On(2023, 11, 9), Other, FamiliesAndCommunity, Whitfield,
            "Organised interpreters for every student-led conference and a family reading evening.");
        story.Teacher(FatimaHassan).Learned(On(2023, 12, 8), "Data literacy for teacher leaders", 12, "Team-level data protocols");
        story.Teacher(HannahKowalski).Observed(On(2023, 12, 14), SharedInstructionalDecision, CollaborativeCulture, SamuelOrtiz,
            "Reworked the music rota so the co-teaching pairs could plan together.");
        story.Teacher(AmaraNwosu).Learned(On(2024, 1, 12), "Mentoring beginning teachers", 18, "The district's mentor training");
        story.Teacher(MariaSantos).Learned(On(2024, 1, 12), "Mentoring beginning teachers", 18, "The district's mentor training");
        Together(story, On(2024, 2, 6), "Cedar Hill teacher leadership team", ElenaPetrova, PriyaSharma, FatimaHassan, SarahGoldberg, GraceLiu, MarcusJohnson);
        story.Teacher(FatimaHassan).Observed(On(2024, 2, 22), LookedAtStudentWork, AssessmentAndData, Haines,
            "Ran the first data cycle with the whole mathematics department, by team and without names.");
        story.Teacher(PeterNakamura).Observed(On(2024, 3, 7), AskedCriticalQuestion, Research, AishaRahman,
            "Found and shared two studies on homework in the early grades before the staff's homework decision.");
        story.Teacher(CarlosMendoza).Observed(On(2024, 3, 21), LookedAtStudentWork, AssessmentAndData, Moreno,
            "Led the mathematics PLC through retake results to see who the retakes helped.");
        story.Teacher(MariaSantos).Observed(On(2024, 4, 11), Other, FamiliesAndCommunity, Moreno,
            "Started Spanish-language evenings for families of ninth graders.");
        story.Teacher(MarcusJohnson).Observed(On(2024, 5, 2), ModeledPractice, Instruction, ElenaPetrova,
            "Opened his eighth-grade investigations to the science teachers and the new principal's visitors from Harbor View.");
        Cohort(story, On(2024, 6, 21), "Teacher Leadership Academy, cohort 3", 30, "Facilitating adult learning and leading without authority",
            OliviaGrant, PeterNakamura, BenWalsh, MarcusJohnson, WilliamTran, AmaraNwosu, MariaSantos, AndreBaptiste);
        story.Teacher(AishaRahman).Learned(On(2024, 7, 19), "Cognitive Coaching foundations", 32, "Coaching conversations that are non-evaluative");
        story.Teacher(ElenaPetrova).Learned(On(2024, 7, 19), "Cognitive Coaching foundations", 32, "Coaching conversations that are non-evaluative");
        Cohort(story, On(2024, 8, 9), "Mentoring beginning teachers", 18, "The district's mentor training", BenWalsh, MarcusJohnson);

        // 2024-25: a new generation of teacher leaders.
        Together(story, On(2024, 8, 26), "Cedar Hill grade 6 common planning team", PriyaSharma, GraceLiu, WilliamTran, SarahGoldberg);
        Together(story, On(2024, 8, 26), "Harbor View ninth-grade team", AmaraNwosu, JordanEllis, IsaacLevy, MariaSantos, AndreBaptiste);
        story.Teacher(ZoeMartin).Joins(On(2024, 9, 3), "Cedar Hill grade 8 PLC");
        story.Teacher(TylerHughes).Joins(On(2024, 9, 3), "Harbor View science PLC");
        story.Teacher(RachelAdeyemi).Joins(On(2024, 9, 3), "Harbor View science PLC");
        story.Teacher(PeterNakamura).Learned(On(2024, 10, 11), "PLC facilitation institute", 20, "Protocols, norms and inquiry cycles");
        story.Teacher(IsaacLevy).Learned(On(2024, 10, 11), "PLC facilitation institute", 20, "Protocols, norms and inquiry cycles");
        story.Teacher(BenWalsh).Observed(On(2024, 10, 17), ModeledPractice, ProfessionalLearning, AishaRahman,
            "Opened his first-grade room to Noah every week and planned reading lessons with him.");
        story.Teacher(ZoeMartin).Observed(On(2024, 11, 7), AskedCriticalQuestion, Research, MarcusJohnson,
            "Asked the eighth-grade PLC for evidence that the reading programme works for English learners.");
        story.Teacher(IsaacLevy).Observed(On(2024, 11, 21), SharedInstructionalDecision, Instruction, CarlosMendoza,
            "Drafted the first common geometry assessment with the algebra teachers.");
        story.Teacher(DanielPark).Observed(On(2024, 12, 5), Other, Advocacy, Moreno,
            "Persuaded the district to fund a computer-science course for ninth graders in the advisory pilot.");
        story.Teacher(NoahPatel).Observed(On(2025, 1, 16), LookedAtStudentWork, Instruction, BenWalsh,
            "Brought his students' running records to the K-2 PLC and asked for help with three readers.");
        story.Teacher(InesCarvalho).Observed(On(2025, 2, 6), ModeledPractice, FamiliesAndCommunity, Haines,
            "Ran the school's first bilingual family night with eighth graders as presenters.");
        story.Teacher(AmaraNwosu).Observed(On(2025, 2, 20), LookedAtStudentWork, AssessmentAndData, Moreno,
            "Tracked the advisory pilot's first-term results and shared them with the upper-grade teachers.");
        story.Teacher(SarahGoldberg).Observed(On(2025, 3, 6), Other, ProfessionalLearning, ElenaPetrova,
            "Extended mentoring to second-year teachers after two of them asked.");
        story.Teacher(HannahKowalski).Observed(On(2025, 3, 20), AskedCriticalQuestion, Advocacy, AishaRahman,
            "Asked the leadership team why the specials teachers hold no roles; two of them applied for next year.");
        story.Teacher(TylerHughes).Observed(On(2025, 4, 3), ModeledPractice, Instruction, RachelAdeyemi,
            "Ran the lab rotation Nadia had proposed in 2022, with the science PLC's agreement.");
        story.Teacher(MeiWong).Observed(On(2025, 4, 24), SharedInstructionalDecision, CollaborativeCulture, PriyaSharma,
            "Planned a cross-subject sixth-grade project with the ELA and science teachers.");
        Cohort(story, On(2025, 6, 13), "Teacher Leadership Academy, cohort 4", 30, "Facilitating adult learning and leading without authority",
            NoahPatel, HannahKowalski, InesCarvalho, ZoeMartin, IsaacLevy, TylerHughes, DanielPark, MeiWong);
    }

    /// <summary>Several teachers complete the same professional learning.</summary>
    private static void Cohort(Chronicle story, DateTimeOffset at, string program, decimal hours, string focus, params string[] teachers)
    {
        foreach (var teacher in teachers)
        {
            story.Teacher(teacher).Learned(at, program, hours, focus);
        }
    }

    /// <summary>Several teachers join the same team, PLC or network.</summary>
    private static void Together(Chronicle story, DateTimeOffset at, string community, params string[] teachers)
    {
        foreach (var teacher in teachers)
        {
            story.Teacher(teacher).Joins(at, community);
        }
    }
}
