using LearningOrg.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace LearningOrg.Api.Security;

/// <summary>Access to the resource of <see cref="Kind"/> whose id is the route's {id}.</summary>
/// <param name="Names">The page shows teacher names, which pseudonym-only researchers may not see.</param>
public sealed class ScopeRequirement(string kind, Access access, bool names) : IAuthorizationRequirement
{
    public const string RouteId = "id";

    public string Kind { get; } = kind;

    public Access Access { get; } = access;

    public bool Names { get; } = names;
}

/// <summary>
/// Resource-based authorization for endpoints and pages: the resource is the HTTP request (endpoint routing passes
/// it), the route's {id} names the school, teacher, network or initiative, and <see cref="ScopeResolver"/> decides;
/// a creation needs no {id}.
/// It runs before the body is read, so a caller out of scope gets 403 whatever they sent.
/// </summary>
public sealed class ScopeAuthorizationHandler(ScopeResolver resolver) : AuthorizationHandler<ScopeRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        // Who may create does not depend on the id (the creation pages have none).
        if (requirement.Access == Access.Create)
        {
            if (ScopeResolver.MayCreate(Caller.From(context.User), requirement.Kind))
            {
                context.Succeed(requirement);
            }
            return;
        }
        if (context.Resource is not HttpContext http
            || http.GetRouteValue(ScopeRequirement.RouteId) is not string id
            || Check.Id(id, ScopeRequirement.RouteId) is not null)
        {
            // A malformed id cannot name anything in scope; admins still get the endpoint's own 400.
            if (Caller.From(context.User).IsAdmin)
            {
                context.Succeed(requirement);
            }
            return;
        }
        var caller = Caller.From(context.User);
        if (requirement.Names && caller.SeesPseudonymsOnly)
        {
            return;
        }
        if (await resolver.MayAsync(caller, requirement.Access, requirement.Kind, id))
        {
            context.Succeed(requirement);
        }
    }
}
