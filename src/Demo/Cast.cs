namespace LearningOrg.Demo;

/// <summary>
/// The teachers of the story, by the school where they start. Their ids are opaque (t-{school}-{nn}): an id cannot be
/// erased, so it must not carry a name. Three of them move once: Andre Baptiste and Ethan
/// Brooks in 2022, Grace Liu in 2023. Kevin O'Brien and Liam Fitzgerald retire.
/// </summary>
internal static class Cast
{
    // Maple Grove Elementary (principal Dana Whitfield throughout).
    public const string MayaChen = "t-mg-01";
    public const string JamesOkafor = "t-mg-02";
    public const string LuciaFernandez = "t-mg-03";
    public const string TomBecker = "t-mg-04";
    public const string AishaRahman = "t-mg-05";
    public const string BenWalsh = "t-mg-06";
    public const string GraceLiu = "t-mg-07";
    public const string SamuelOrtiz = "t-mg-08";
    public const string HannahKowalski = "t-mg-09";
    public const string PeterNakamura = "t-mg-10";
    public const string RosaDelgado = "t-mg-11";
    public const string OliviaGrant = "t-mg-12";
    public const string NoahPatel = "t-mg-13";

    // Cedar Hill Middle School (principal Robert Haines throughout).
    public const string ElenaPetrova = "t-ch-01";
    public const string MarcusJohnson = "t-ch-02";
    public const string PriyaSharma = "t-ch-03";
    public const string DavidKim = "t-ch-04";
    public const string FatimaHassan = "t-ch-05";
    public const string ConnorReilly = "t-ch-06";
    public const string InesCarvalho = "t-ch-07";
    public const string WilliamTran = "t-ch-08";
    public const string SarahGoldberg = "t-ch-09";
    public const string KevinOBrien = "t-ch-10";
    public const string MeiWong = "t-ch-11";
    public const string AndreBaptiste = "t-ch-12";
    public const string ZoeMartin = "t-ch-13";

    // Harbor View High School (principal Gregory Lund until June 2023, then Alicia Moreno).
    public const string NadiaVolkova = "t-hv-01";
    public const string JordanEllis = "t-hv-02";
    public const string CarlosMendoza = "t-hv-03";
    public const string RachelAdeyemi = "t-hv-04";
    public const string LiamFitzgerald = "t-hv-05";
    public const string SofiaRossi = "t-hv-06";
    public const string EthanBrooks = "t-hv-07";
    public const string MariaSantos = "t-hv-08";
    public const string DanielPark = "t-hv-09";
    public const string ChloeDubois = "t-hv-10";
    public const string IsaacLevy = "t-hv-11";
    public const string AmaraNwosu = "t-hv-12";
    public const string TylerHughes = "t-hv-13";

    // The people who assess, observe and sign off, named in free text.
    public const string Whitfield = "Dana Whitfield (principal, Maple Grove)";
    public const string Haines = "Robert Haines (principal, Cedar Hill)";
    public const string Lund = "Gregory Lund (principal, Harbor View, to June 2023)";
    public const string Moreno = "Alicia Moreno (principal, Harbor View, from July 2023)";
    public const string NetworkFacilitator = "Joan Ferreira (network facilitator)";
    public const string ReviewTeam = "Riverbend network review team";
}
