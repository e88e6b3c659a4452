using LearningOrg.Api.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LearningOrg.Api.Security;

/// <summary>401 and 403 as RFC 9457 problem details, with a stable code like every other problem of the API.</summary>
public static class AuthProblems
{
    public const string Unauthenticated = "unauthenticated";
    public const string Forbidden = "forbidden";
    public const string CsrfHeaderMissing = "csrf-header-missing";

    public static ProblemDetails Problem(int status, string code, string detail)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = status == StatusCodes.Status401Unauthorized ? "Authentication is required." : "Access denied.",
            Detail = detail,
            Type = Problems.TypePrefix + code,
        };
        problem.Extensions["code"] = code;
        return problem;
    }

    public static ProblemDetails NotSignedIn() => Problem(StatusCodes.Status401Unauthorized, Unauthenticated,
        "Send a bearer token (Authorization: Bearer …) from the configured issuer, or sign in.");

    public static ProblemDetails OutOfScope() => Problem(StatusCodes.Status403Forbidden, Forbidden,
        "Your role and scope do not allow this request.");

    public static ProblemHttpResult ForbiddenResult(string detail) =>
        TypedResults.Problem(Problem(StatusCodes.Status403Forbidden, Forbidden, detail));

    public static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status403Forbidden;
        if (http.Response.StatusCode == StatusCodes.Status401Unauthorized && http.Response.Headers.WWWAuthenticate.Count == 0)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }
}
