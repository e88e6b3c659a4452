using static LearningOrg.Demo.Cast;

namespace LearningOrg.Demo;

public static partial class DemoStory
{
    /// <summary>
    /// The schools and their teachers: registered in August 2021, a few hires later, three moves between the schools
    /// and two retirements.
    /// </summary>
    private static void People(Chronicle story)
    {
        var mapleGrove = story.School(DemoIds.MapleGrove);
        var cedarHill = story.School(DemoIds.CedarHill);
        var harborView = story.School(DemoIds.HarborView);

        // Summer 2021: the district enters its three network schools.
        mapleGrove.Register(On(2021, 8, 2), "Maple Grove Elementary", District, 31);
        cedarHill.Register(On(2021, 8, 2), "Cedar Hill Middle School", District, 46);
        harborView.Register(On(2021, 8, 2), "Harbor View High School", District, 58);

        // Maple Grove's teachers, the week before school starts.
        string[] elementary = ["K", "1", "2", "3", "4", "5"];
        story.Teacher(MayaChen).Register(On(2021, 8, 9), "Maya Chen", DemoIds.MapleGrove, ["Literacy", "Mathematics"], ["3"], 11);
        story.Teacher(JamesOkafor).Register(On(2021, 8, 9), "James Okafor", DemoIds.MapleGrove, ["Mathematics", "Science"], ["5"], 8);
        story.Teacher(LuciaFernandez).Register(On(2021, 8, 9), "Lucía Fernández", DemoIds.MapleGrove, ["All subjects"], ["K"], 15);
        story.Teacher(TomBecker).Register(On(2021, 8, 9), "Tom Becker", DemoIds.MapleGrove, ["All subjects"], ["4"], 3);
        story.Teacher(AishaRahman).Register(On(2021, 8, 9), "Aisha Rahman", DemoIds.MapleGrove, ["All subjects"], ["2"], 6);
        story.Teacher(BenWalsh).Register(On(2021, 8, 9), "Ben Walsh", DemoIds.MapleGrove, ["All subjects"], ["1"], 20);
        story.Teacher(GraceLiu).Register(On(2021, 8, 9), "Grace Liu", DemoIds.MapleGrove, ["English language arts"], ["5"], 4);
        story.Teacher(SamuelOrtiz).Register(On(2021, 8, 9), "Samuel Ortiz", DemoIds.MapleGrove, ["Special education"], [.. elementary], 9);
        story.Teacher(HannahKowalski).Register(On(2021, 8, 9), "Hannah Kowalski", DemoIds.MapleGrove, ["Music"], [.. elementary], 12);
        story.Teacher(PeterNakamura).Register(On(2021, 8, 9), "Peter Nakamura", DemoIds.MapleGrove, ["All subjects"], ["3"], 1);
        story.Teacher(RosaDelgado).Register(On(2021, 8, 9), "Rosa Delgado", DemoIds.MapleGrove, ["English language development"], [.. elementary], 14);
        story.Teacher(OliviaGrant).Register(On(2021, 8, 9), "Olivia Grant", DemoIds.MapleGrove, ["All subjects"], ["1"], 7);

        // Cedar Hill's teachers.
        string[] middle = ["6", "7", "8"];
        story.Teacher(ElenaPetrova).Register(On(2021, 8, 10), "Elena Petrova", DemoIds.CedarHill, ["Mathematics"], ["7"], 16);
        story.Teacher(MarcusJohnson).Register(On(2021, 8, 10), "Marcus Johnson", DemoIds.CedarHill, ["Science"], ["8"], 10);
        story.Teacher(PriyaSharma).Register(On(2021, 8, 10), "Priya Sharma", DemoIds.CedarHill, ["English language arts"], ["6"], 5);
        story.Teacher(DavidKim).Register(On(2021, 8, 10), "David Kim", DemoIds.CedarHill, ["Social studies"], ["7"], 22);
        story.Teacher(FatimaHassan).Register(On(2021, 8, 10), "Fatima Hassan", DemoIds.CedarHill, ["Mathematics"], ["6"], 7);
        story.Teacher(ConnorReilly).Register(On(2021, 8, 10), "Connor Reilly", DemoIds.CedarHill, ["Physical education"], [.. middle], 12);
        story.Teacher(InesCarvalho).Register(On(2021, 8, 10), "Inês Carvalho", DemoIds.CedarHill, ["Spanish"], [.. middle], 9);
        story.Teacher(WilliamTran).Register(On(2021, 8, 10), "William Tran", DemoIds.CedarHill, ["Science"], ["6"], 3);
        story.Teacher(SarahGoldberg).Register(On(2021, 8, 10), "Sarah Goldberg", DemoIds.CedarHill, ["Special education"], [.. middle], 13);
        story.Teacher(KevinOBrien).Register(On(2021, 8, 10), "Kevin O'Brien", DemoIds.CedarHill, ["English language arts"], ["8"], 18);
        story.Teacher(MeiWong).Register(On(2021, 8, 10), "Mei Wong", DemoIds.CedarHill, ["Visual arts"], [.. middle], 6);
        story.Teacher(AndreBaptiste).Register(On(2021, 8, 10), "André Baptiste", DemoIds.CedarHill, ["Mathematics"], ["8"], 4);

        // Harbor View's teachers.
        string[] high = ["9", "10", "11", "12"];
        story.Teacher(NadiaVolkova).Register(On(2021, 8, 11), "Nadia Volkova", DemoIds.HarborView, ["Chemistry"], ["10", "11"], 14);
        story.Teacher(JordanEllis).Register(On(2021, 8, 11), "Jordan Ellis", DemoIds.HarborView, ["English"], ["10"], 6);
        story.Teacher(CarlosMendoza).Register(On(2021, 8, 11), "Carlos Mendoza", DemoIds.HarborView, ["Algebra"], ["9"], 11);
        story.Teacher(RachelAdeyemi).Register(On(2021, 8, 11), "Rachel Adeyemi", DemoIds.HarborView, ["Biology"], ["9", "10"], 8);
        story.Teacher(LiamFitzgerald).Register(On(2021, 8, 11), "Liam Fitzgerald", DemoIds.HarborView, ["U.S. history"], ["11"], 25);
        story.Teacher(SofiaRossi).Register(On(2021, 8, 11), "Sofia Rossi", DemoIds.HarborView, ["English"], ["12"], 9);
        story.Teacher(EthanBrooks).Register(On(2021, 8, 11), "Ethan Brooks", DemoIds.HarborView, ["Physics"], ["11", "12"], 4);
        story.Teacher(MariaSantos).Register(On(2021, 8, 11), "María Santos", DemoIds.HarborView, ["Spanish"], [.. high], 10);
        story.Teacher(DanielPark).Register(On(2021, 8, 11), "Daniel Park", DemoIds.HarborView, ["Computer science"], ["10", "11", "12"], 5);
        story.Teacher(ChloeDubois).Register(On(2021, 8, 11), "Chloé Dubois", DemoIds.HarborView, ["French"], [.. high], 7);
        story.Teacher(IsaacLevy).Register(On(2021, 8, 11), "Isaac Levy", DemoIds.HarborView, ["Geometry"], ["10"], 2);
        story.Teacher(AmaraNwosu).Register(On(2021, 8, 11), "Amara Nwosu", DemoIds.HarborView, ["English"], ["9"], 12);

        // Summer 2022: Andre takes the algebra opening at Harbor View; Ethan, tired of a science department that will
        // not share labs, takes eighth-grade science at Cedar Hill. Maple Grove hires a first-year teacher.
        story.Teacher(AndreBaptiste).Moves(On(2022, 8, 1), DemoIds.CedarHill, DemoIds.HarborView);
        story.Teacher(EthanBrooks).Moves(On(2022, 8, 1), DemoIds.HarborView, DemoIds.CedarHill);
        story.Teacher(NoahPatel).Register(On(2022, 8, 8), "Noah Patel", DemoIds.MapleGrove, ["All subjects"], ["2"], 0);

        // June 2023: Liam Fitzgerald retires after 27 years, the last Harbor View department head to go.
        harborView.LeavesProfession(On(2023, 6, 16), LiamFitzgerald);

        // Summer 2023: Grace Liu takes her PLC experience to Cedar Hill's sixth grade; Harbor View's new principal hires.
        story.Teacher(GraceLiu).Moves(On(2023, 8, 1), DemoIds.MapleGrove, DemoIds.CedarHill);
        story.Teacher(TylerHughes).Register(On(2023, 8, 7), "Tyler Hughes", DemoIds.HarborView, ["Physics", "Chemistry"], ["11", "12"], 3);
        mapleGrove.StaffCount(On(2023, 8, 7), 30);

        // June 2024: Kevin O'Brien retires; Cedar Hill hires Zoe Martin for eighth-grade English.
        cedarHill.LeavesProfession(On(2024, 6, 14), KevinOBrien);
        story.Teacher(ZoeMartin).Register(On(2024, 8, 5), "Zoe Martin", DemoIds.CedarHill, ["English language arts"], ["8"], 1);
        cedarHill.StaffCount(On(2024, 8, 5), 44);
    }
}
