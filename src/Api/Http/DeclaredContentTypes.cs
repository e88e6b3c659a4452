using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LearningOrg.Api.Http;

/// <summary>
/// A body is read only when its Content-Type is one its route declares, exactly: minimal APIs read any "+json" type
/// (application/merge-patch+json, application/problem+json) as JSON, and a merge patch taken as a full command would
/// record something the caller did not mean. JSON bodies are buffered for <see cref="MissingFields"/>.
/// </summary>
public static class DeclaredContentTypes
{
    /// <summary>After authorization, so a caller who may not use the route learns nothing about its body.</summary>
    public static WebApplication UseDeclaredContentTypes(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var accepts = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>();
            var declared = accepts?.ContentTypes;
            var sent = http.Request.ContentType;
            if (declared is { Count: > 0 } && sent is not null && !IsOneOf(sent, declared))
            {
                await WriteUnsupportedAsync(http, sent, declared);
                return;
            }
            if (accepts?.RequestType is { } type && declared!.Contains("application/json", StringComparer.OrdinalIgnoreCase))
            {
                MissingFields.KeepBody(http, type);
            }
            await next(http);
        });
        return app;
    }

    private static bool IsOneOf(string sent, IReadOnlyList<string> declared) =>
        MediaTypeHeaderValue.TryParse(sent, out var parsed)
        && declared.Any(type => MediaTypeHeaderValue.TryParse(type, out var allowed)
            && parsed.MediaType.Equals(allowed.MediaType, StringComparison.OrdinalIgnoreCase));

    private static ValueTask WriteUnsupportedAsync(HttpContext http, string sent, IReadOnlyList<string> declared)
    {
        var detail = $"Send the body as {string.Join(" or ", declared)}; Content-Type was {Cut(sent)}.";
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "The request's content type is not supported.",
            Detail = detail,
            Type = Problems.TypePrefix + "unsupported-media-type",
        };
        problem.Extensions["code"] = "unsupported-media-type";
        problem.Extensions["field"] = "Content-Type";
        http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private static string Cut(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
