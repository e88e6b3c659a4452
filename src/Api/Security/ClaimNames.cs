namespace LearningOrg.Api.Security;

/// <summary>The claims LearningOrg reads from a token or a sign-in cookie.</summary>
public static class ClaimNames
{
    /// <summary>Who the caller is; recorded as recordedBy of their commands.</summary>
    public const string Subject = "sub";

    /// <summary>A display name, shown in the page header.</summary>
    public const string Name = "name";

    /// <summary>The caller's role (<see cref="Roles"/>); one per caller.</summary>
    public const string Role = "role";

    /// <summary>A school the caller is principal of (multi-valued).</summary>
    public const string School = "school";

    /// <summary>A network the caller leads (multi-valued).</summary>
    public const string Network = "network";

    /// <summary>An initiative the caller's district or state team runs (multi-valued).</summary>
    public const string Initiative = "initiative";

    /// <summary>
    /// The district a district team works for (multi-valued), spelled as schools record their district: the team
    /// registers schools there, reads them, and launches initiatives.
    /// </summary>
    public const string District = "district";

    /// <summary>"true" for researchers granted access to teacher names and ids.</summary>
    public const string ResearchIdentifiable = "research:identifiable";
}

/// <summary>The values of the <see cref="ClaimNames.Role"/> claim.</summary>
public static class Roles
{
    public const string Principal = "principal";
    public const string NetworkLead = "network-lead";
    public const string Researcher = "researcher";
    public const string DistrictTeam = "district-team";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Principal, NetworkLead, Researcher, DistrictTeam, Admin];
}
