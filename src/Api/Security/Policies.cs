using LearningOrg.EventStore;
using Microsoft.AspNetCore.Authorization;

namespace LearningOrg.Api.Security;

/// <summary>
/// The named authorization policies. Endpoints name one with RequireAuthorization(Policies.X); the resource policies
/// read the route's {id} and ask <see cref="ScopeResolver"/>. Every endpoint without a policy of its own needs a
/// signed-in caller (the fallback policy); public ones say AllowAnonymous.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in caller with a known role.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Administrators only: imports, identifiable data management (and the teacher erasure route).</summary>
    public const string Admin = "admin";

    /// <summary>Administrators and researchers: reads across every school, such as the export of all events.</summary>
    public const string Research = "research";

    /// <summary>The policy for <paramref name="access"/> to the resource of <paramref name="kind"/> named by the route's {id}.</summary>
    public static string For(string kind, Access access) => $"{kind}:{access.ToString().ToLowerInvariant()}";

    /// <summary>Read the school named by {id}, and see the teachers' names on its pages (not for pseudonym-only researchers).</summary>
    public const string ReadSchoolWithNames = "school:read-with-names";

    /// <summary>Read the teacher named by {id}, with names (not for pseudonym-only researchers).</summary>
    public const string ReadTeacherWithNames = "teacher:read-with-names";

    // Constants (not For(...)) so that pages can name them in [Authorize(Policy = ...)].
    public const string ReadSchool = "school:read";
    public const string WriteSchool = "school:write";
    public const string ReadNetwork = "network:read";
    public const string ReadInitiative = "initiative:read";
    public const string WriteTeacher = "teacher:write";
    public const string WriteNetwork = "network:write";
    public const string WriteInitiative = "initiative:write";
    public const string CreateSchool = "school:create";
    public const string CreateTeacher = "teacher:create";
    public const string CreateNetwork = "network:create";
    public const string CreateInitiative = "initiative:create";

    public static readonly IReadOnlyList<string> ResourceKinds = [StreamKeys.School, StreamKeys.Teacher, StreamKeys.Network, StreamKeys.Initiative];

    public static void Add(AuthorizationOptions options)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(ClaimNames.Role, Roles.All).Build();
        options.FallbackPolicy = signedIn;
        options.AddPolicy(SignedIn, signedIn);
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireClaim(ClaimNames.Role, Roles.Admin));
        options.AddPolicy(Research, policy => policy.RequireAuthenticatedUser().RequireClaim(ClaimNames.Role, Roles.Admin, Roles.Researcher));
        foreach (var kind in ResourceKinds)
        {
            foreach (var access in Enum.GetValues<Access>())
            {
                options.AddPolicy(For(kind, access), policy => policy.Combine(signedIn).AddRequirements(new ScopeRequirement(kind, access, names: false)));
            }
        }
        options.AddPolicy(ReadSchoolWithNames, policy => policy.Combine(signedIn).AddRequirements(new ScopeRequirement(StreamKeys.School, Access.Read, names: true)));
        options.AddPolicy(ReadTeacherWithNames, policy => policy.Combine(signedIn).AddRequirements(new ScopeRequirement(StreamKeys.Teacher, Access.Read, names: true)));
    }
}
