using LearningOrg.Api.Http;
using LearningOrg.Domain.Common;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LearningOrg.Api.Security;

/// <summary>A development token asked for by persona (one of <see cref="Personas"/>) or by explicit claims.</summary>
public sealed record DevTokenRequest(
    string? Persona = null,
    string? Subject = null,
    string? Role = null,
    IReadOnlyList<string>? Schools = null,
    IReadOnlyList<string>? Networks = null,
    IReadOnlyList<string>? Initiatives = null,
    bool? ResearchIdentifiable = null,
    IReadOnlyList<string>? Districts = null);

/// <summary>A bearer token from the local issuer.</summary>
public sealed record DevToken(string AccessToken, string TokenType, int ExpiresIn, string Subject, string Role);

/// <summary>
/// The local issuer's endpoints, mapped only with Auth:LocalIssuer:Enabled: POST /api/dev/tokens for curl, and the
/// persona sign-in and sign-out posted by the web app's /signin page (cookie; antiforgery-checked forms).
/// </summary>
public static class SignInEndpoints
{
    public const string DevTokensPath = "/api/dev/tokens";
    public const string SignInPostPath = "/auth/signin";
    public const string SignOutPostPath = "/auth/signout";

    /// <summary>The form field of the antiforgery token the sign-in and sign-out forms post.</summary>
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static WebApplication MapSignIn(this WebApplication app)
    {
        // Signing out must work with a real identity provider too. The form posts an antiforgery token: without it a
        // page on another site could sign the visitor out.
        app.MapPost(SignOutPostPath, async Task<Results<RedirectHttpResult, ProblemHttpResult>> (HttpContext http, IAntiforgery antiforgery) =>
            {
                if (!await antiforgery.IsRequestValidAsync(http))
                {
                    return Problems.Invalid(AntiforgeryField, "Sign out with the form of a page of this site: its antiforgery token is missing or not valid.");
                }
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return TypedResults.Redirect(SecurityServices.SignInPath);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        if (!app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.LocalIssuer.Enabled)
        {
            return app;
        }

        app.MapPost(DevTokensPath, Results<Ok<DevToken>, ProblemHttpResult> (DevTokenRequest request, LocalTokenIssuer issuer, IOptions<AuthOptions> options) =>
            {
                var (identity, problem) = Resolve(request);
                if (problem is not null)
                {
                    return Problems.For(problem);
                }
                var token = issuer.Issue(identity!);
                return TypedResults.Ok(new DevToken(token, "Bearer", (int)options.Value.TokenLifetime.TotalSeconds, identity!.Subject, identity.Role));
            })
            .AllowAnonymous()
            .WithTags("Development")
            .WithName("dev-token")
            .WithSummary("A bearer token from the local development issuer (only with Auth:LocalIssuer:Enabled)")
            .WithDescription("Give a persona (admin, principal, network-lead, researcher, district-team) or a subject, a role and its " +
                "scope (schools, networks, initiatives, districts; researchIdentifiable for researchers granted names).");

        app.MapPost(SignInPostPath, async Task<Results<RedirectHttpResult, ProblemHttpResult>> (
                [FromForm] string persona, [FromForm] string? returnUrl, HttpContext http) =>
            {
                if (Personas.Find(persona) is not { } chosen)
                {
                    return Problems.Invalid("persona", $"persona must be one of {string.Join(", ", Personas.All.Select(p => p.Key))}.");
                }
                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                    chosen.Identity.Principal(CookieAuthenticationDefaults.AuthenticationScheme));
                return TypedResults.Redirect(LocalReturnUrl.OrHome(returnUrl));
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static (Identity? Identity, RuleViolation? Problem) Resolve(DevTokenRequest request)
    {
        if (request.Persona is not null)
        {
            return Personas.Find(request.Persona) is { } persona
                ? (persona.Identity, null)
                : (null, RuleViolation.Invalid("persona", $"persona must be one of {string.Join(", ", Personas.All.Select(p => p.Key))}."));
        }
        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            return (null, RuleViolation.Invalid("role", $"role must be one of {string.Join(", ", Roles.All)} (or give a persona)."));
        }
        if (Check.Text(request.Subject, "subject", Limits.Name, required: true) is { } badSubject)
        {
            return (null, badSubject);
        }
        foreach (var (field, values) in new[] { ("schools", request.Schools), ("networks", request.Networks), ("initiatives", request.Initiatives) })
        {
            if ((values ?? []).Select(v => Check.Id(v, field)).FirstOrDefault(p => p is not null) is { } badId)
            {
                return (null, badId);
            }
        }
        // Districts are names, as schools record them, not slugs.
        if ((request.Districts ?? []).Select(d => Check.Text(d, "districts", Limits.Name, required: true)).FirstOrDefault(p => p is not null) is { } badDistrict)
        {
            return (null, badDistrict);
        }
        return (new Identity(request.Subject!.Trim(), request.Role, request.Schools, request.Networks, request.Initiatives,
            request.ResearchIdentifiable == true, Districts: request.Districts), null);
    }
}
