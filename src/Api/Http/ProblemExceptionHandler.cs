using System.Text.Json;
using System.Text.RegularExpressions;
using LearningOrg.Domain.Json;
using LearningOrg.EventStore;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace LearningOrg.Api.Http;

/// <summary>
/// Turns exceptions into problem details: unreadable requests into 400 with the offending JSON path named, an
/// unreachable cluster or database into 503 with Retry-After, and anything else into a 500 without internals.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        var problem = exception switch
        {
            BadHttpRequestException bad => await MissingRequiredAsync(http, bad) ?? (ProblemDetails)BadRequest(bad),
            _ when IsUnavailable(exception) => Unavailable(http),
            _ => null,
        };
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Type = Problems.TypePrefix + "internal",
            };
        }
        else
        {
            logger.LogInformation("{Method} {Path} answered {Status}: {Message}", http.Request.Method, http.Request.Path, problem.Status, exception.Message);
        }
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A body over the limit may be cut off by Kestrel itself, which leaves a bare 413 for the status-code pages to
    /// describe: give it the same type and detail as the 413s this handler writes.
    /// </summary>
    public static void NameTooLargeBodies(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge
            && context.ProblemDetails.Type?.StartsWith(Problems.TypePrefix, StringComparison.Ordinal) != true)
        {
            context.ProblemDetails.Type = Problems.TypePrefix + "body-too-large";
            context.ProblemDetails.Detail = $"The body is larger than {ApiLimits.MaxBodyBytes} bytes.";
        }
    }

    private static ValidationProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var json = FindInner<JsonException>(bad);
        if (json is null && UnboundParameter().Match(bad.Message) is { Success: true } unbound)
        {
            // A query or route value of the wrong type: name the parameter, not the .NET type.
            var parameter = unbound.Groups["name"].Value;
            var expected = unbound.Groups["type"].Value.Contains(nameof(DateTimeOffset), StringComparison.Ordinal)
                ? "write it as a date (2021-01-01) or a date-time with an offset (2021-01-01T09:00:00+01:00)"
                : "see /api/reference for its type and format";
            return Invalid(parameter, $"{parameter} cannot be read from \"{Cut(unbound.Groups["value"].Value)}\"; {expected}.",
                "invalid-field", StatusCodes.Status400BadRequest);
        }
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var detail = (json, bad.StatusCode) switch
        {
            (_, StatusCodes.Status413PayloadTooLarge) => $"The body is larger than {ApiLimits.MaxBodyBytes} bytes.",
            (null, _) when bad.Message.Contains("no body was provided", StringComparison.Ordinal) => "A JSON body is required.",
            (null, _) => bad.Message,
            _ => JsonErrors.Describe(json, field),
        };
        return Invalid(field, detail, bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "body-too-large" : "unreadable-body", bad.StatusCode);
    }

    /// <summary>One entry per missing field, keyed by its path, so that a form can show each message beside its field.</summary>
    private static async Task<ValidationProblemDetails?> MissingRequiredAsync(HttpContext http, BadHttpRequestException bad)
    {
        if (FindInner<JsonException>(bad) is not { } json || JsonErrors.Listed(json) is not { Count: > 0 } listed)
        {
            return null;
        }
        var nested = json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        var names = nested is null ? await MissingFields.AbsentAsync(http) ?? listed : listed;
        var prefix = nested is null ? string.Empty : nested + ".";
        var detail = $"Required fields are missing: {string.Join(", ", names.Select(n => prefix + n))}.";
        return new ValidationProblemDetails(names.ToDictionary(n => prefix + n, n => new[] { $"{prefix}{n} is required." }, StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = detail,
            Type = Problems.TypePrefix + "unreadable-body",
        };
    }

    private static ValidationProblemDetails Invalid(string field, string detail, string code, int status) =>
        new(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = status,
            Title = "The request is not valid.",
            Detail = detail,
            Type = Problems.TypePrefix + code,
        };

    // ASP.NET Core's message for a parameter it could not bind: Failed to bind parameter "DateTimeOffset? asOf" from "x".
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]*?)(?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"\\.$", RegexOptions.Singleline)]
    private static partial Regex UnboundParameter();

    private static string Cut(string value) => value.Length <= 64 ? value : value[..64] + "…";

    private static ProblemDetails Unavailable(HttpContext http)
    {
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "The service is temporarily unavailable.",
            Detail = $"The store or the cluster did not answer. Nothing was recorded unless a retry with the same Idempotency-Key says so; retry after {RetryAfterSeconds} seconds.",
            Type = Problems.TypePrefix + "unavailable",
        };
    }

    private static bool IsUnavailable(Exception exception) =>
        StoreFailures.IsUnavailable(exception)
        || FindInner<SiloUnavailableException>(exception) is not null
        || FindInner<OrleansMessageRejectionException>(exception) is not null
        || FindInner<TimeoutException>(exception) is not null;

    private static T? FindInner<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T match)
            {
                return match;
            }
        }
        return null;
    }
}
