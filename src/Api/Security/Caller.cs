using System.Security.Claims;

namespace LearningOrg.Api.Security;

/// <summary>Who is calling and what their claims put in scope, read once from the user's claims.</summary>
public sealed record Caller(
    string Subject,
    string? Role,
    IReadOnlySet<string> Schools,
    IReadOnlySet<string> Networks,
    IReadOnlySet<string> Initiatives,
    bool ResearchIdentifiable,
    IReadOnlySet<string> Districts)
{
    public bool IsAdmin => Role == Roles.Admin;

    public bool IsResearcher => Role == Roles.Researcher;

    public bool IsPrincipal => Role == Roles.Principal;

    public bool IsNetworkLead => Role == Roles.NetworkLead;

    public bool IsDistrictTeam => Role == Roles.DistrictTeam;

    /// <summary>Teacher names and ids are hidden from researchers unless they were granted identifiable access.</summary>
    public bool SeesPseudonymsOnly => IsResearcher && !ResearchIdentifiable;

    /// <summary>Identifiable exports: admins and granted researchers.</summary>
    public bool MayExportIdentifiable => IsAdmin || (IsResearcher && ResearchIdentifiable);

    /// <summary>A district team for at least one district: it registers schools there and launches initiatives.</summary>
    public bool IsDistrictTeamWithDistrict => IsDistrictTeam && Districts.Count > 0;

    public static Caller From(ClaimsPrincipal user)
    {
        HashSet<string> Values(string type) => [.. user.FindAll(type).Select(c => c.Value)];
        var authenticated = user.Identity?.IsAuthenticated == true;
        return new Caller(
            user.FindFirst(ClaimNames.Subject)?.Value ?? string.Empty,
            authenticated ? user.FindFirst(ClaimNames.Role)?.Value : null,
            Values(ClaimNames.School),
            Values(ClaimNames.Network),
            Values(ClaimNames.Initiative),
            string.Equals(user.FindFirst(ClaimNames.ResearchIdentifiable)?.Value, "true", StringComparison.OrdinalIgnoreCase),
            Values(ClaimNames.District));
    }
}
