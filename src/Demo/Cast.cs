namespace LearningOrg.Demo;

/// <summary>
/// The teachers of the story, by the school where they start. Three of them move once: Andre Baptiste and Ethan
/// Brooks in 2022, Grace Liu in 2023. Kevin O'Brien and Liam Fitzgerald retire.
/// </summary>
internal static class Cast
{
    // Maple Grove Elementary (principal Dana Whitfield throughout).
    public const string MayaChen = "maya-chen";
    public const string JamesOkafor = "james-okafor";
    public const string LuciaFernandez = "lucia-fernandez";
    public const string TomBecker = "tom-becker";
    public const string AishaRahman = "aisha-rahman";
    public const string BenWalsh = "ben-walsh";
    public const string GraceLiu = "grace-liu";
    public const string SamuelOrtiz = "samuel-ortiz";
    public const string HannahKowalski = "hannah-kowalski";
    public const string PeterNakamura = "peter-nakamura";
    public const string RosaDelgado = "rosa-delgado";
    public const string OliviaGrant = "olivia-grant";
    public const string NoahPatel = "noah-patel";

    // Cedar Hill Middle School (principal Robert Haines throughout).
    public const string ElenaPetrova = "elena-petrova";
    public const string MarcusJohnson = "marcus-johnson";
    public const string PriyaSharma = "priya-sharma";
    public const string DavidKim = "david-kim";
    public const string FatimaHassan = "fatima-hassan";
    public const string ConnorReilly = "connor-reilly";
    public const string InesCarvalho = "ines-carvalho";
    public const string WilliamTran = "william-tran";
    public const string SarahGoldberg = "sarah-goldberg";
    public const string KevinOBrien = "kevin-obrien";
    public const string MeiWong = "mei-wong";
    public const string AndreBaptiste = "andre-baptiste";
    public const string ZoeMartin = "zoe-martin";

    // Harbor View High School (principal Gregory Lund until June 2023, then Alicia Moreno).
    public const string NadiaVolkova = "nadia-volkova";
    public const string JordanEllis = "jordan-ellis";
    public const string CarlosMendoza = "carlos-mendoza";
    public const string RachelAdeyemi = "rachel-adeyemi";
    public const string LiamFitzgerald = "liam-fitzgerald";
    public const string SofiaRossi = "sofia-rossi";
    public const string EthanBrooks = "ethan-brooks";
    public const string MariaSantos = "maria-santos";
    public const string DanielPark = "daniel-park";
    public const string ChloeDubois = "chloe-dubois";
    public const string IsaacLevy = "isaac-levy";
    public const string AmaraNwosu = "amara-nwosu";
    public const string TylerHughes = "tyler-hughes";

    // The people who assess, observe and sign off, named in free text.
    public const string Whitfield = "Dana Whitfield (principal, Maple Grove)";
    public const string Haines = "Robert Haines (principal, Cedar Hill)";
    public const string Lund = "Gregory Lund (principal, Harbor View, to June 2023)";
    public const string Moreno = "Alicia Moreno (principal, Harbor View, from July 2023)";
    public const string NetworkFacilitator = "Joan Ferreira (network facilitator)";
    public const string ReviewTeam = "Riverbend network review team";
}
