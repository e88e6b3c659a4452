using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Research;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace LearningOrg.Api.Endpoints;

/// <summary>POST /api/imports: bulk import of historical records in the export's shape.</summary>
public static class ImportEndpoints
{
    /// <summary>The body limit of an import, instead of the API's <see cref="ApiLimits.MaxBodyBytes"/>: the file is read as a stream.</summary>
    public const long MaxBodyBytes = 1L << 30;

    private static readonly string[] MediaTypes = ["application/x-ndjson", "application/jsonl"];

    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/imports", async Task<Results<Ok<ImportReport>, ProblemHttpResult>> (
                HttpContext http, Importer importer, CancellationToken cancellationToken) =>
            {
                var media = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
                if (media is null || !MediaTypes.Contains(media, StringComparer.OrdinalIgnoreCase))
                {
                    return UnsupportedMediaType();
                }
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
                {
                    limit.MaxRequestBodySize = MaxBodyBytes;
                }
                var report = await importer.ImportAsync(http.Request.BodyReader, CommandHeaders.RecordedByOf(http), cancellationToken);
                return TypedResults.Ok(report);
            })
            .RequireAuthorization(Policies.Admin)
            .WithTags("Research")
            .WithName("import")
            .WithSummary("Import historical records: JSON Lines in the export's shape, one event per line, validated like live commands")
            .WithDescription(
                "Content-Type: application/x-ndjson. Each line is an event as an identifiable export writes it; eventId, type, streamId, " +
                "data and occurredAt (in data or beside it) are required, and sequence, version, recordedAt and recordedBy are ignored " +
                "(the signed-in administrator is recorded as recordedBy). Each line is recorded through its aggregate with the command id import/{eventId}, " +
                "under the same rules as a live command, so importing a file twice adds nothing. Follow-ups the system writes itself " +
                $"({string.Join(", ", EventCatalog.FollowUpOnly.Select(t => t.Kind))}, and command ids ending in {FollowUp.Endings}) are skipped: the lines " +
                "that caused them re-create them. Lines run in file order per stream. The answer counts the lines accepted, replayed, " +
                "skipped and rejected, with the line number and reason of the first 1,000 rejected. The body is read as a stream, up " +
                $"to {MaxBodyBytes} bytes.")
            .Accepts(typeof(string), MediaTypes[0], MediaTypes[1]);
        return app;
    }

    private static ProblemHttpResult UnsupportedMediaType()
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = "The request's content type is not supported.",
            Detail = "Send the records as JSON Lines with Content-Type: application/x-ndjson.",
            Type = Problems.TypePrefix + "unsupported-media-type",
        };
        problem.Extensions["code"] = "unsupported-media-type";
        return TypedResults.Problem(problem);
    }
}
