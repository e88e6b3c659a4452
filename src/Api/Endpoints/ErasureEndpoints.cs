using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore.Privacy;
using LearningOrg.Research.Privacy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// /api/teachers/{id}/erasure: a teacher's erasure request (issue 5). The name is masked wherever it was written; the
/// history keeps every event, id and indicator. Administrators only.
/// </summary>
public static class ErasureEndpoints
{
    public static IServiceCollection AddErasure(this IServiceCollection services) => services.AddSingleton<TeacherErasure>();

    public static IEndpointRouteBuilder MapErasure(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/teachers").WithTags("Privacy").RequireAuthorization(Policies.Admin);

        group.MapPost("/{id}/erasure", async Task<Results<Ok<ErasureRecord>, ProblemHttpResult>> (
                string id, HttpContext http, TeacherErasure erasure, CancellationToken cancellationToken) =>
            {
                if (Check.Id(id, "id") is { } bad)
                {
                    return Problems.For(bad);
                }
                return await erasure.EraseAsync(id, CommandHeaders.RecordedByOf(http), cancellationToken) is { } record
                    ? TypedResults.Ok(record)
                    : Problems.NotFound($"No teacher {id} has been recorded.");
            })
            .WithName("teacher-erasure")
            .WithSummary("Erase a teacher's personal data: their name wherever it was written, in every stream and read model")
            .WithDescription("Masks the registered name and every place the name was written (name fields such as observedBy and " +
                "assessedBy, whole-word mentions in free text) in place, so every stream keeps its events, versions and ids and every " +
                "indicator stays as it was; then rewrites the timeline, the episode spans, the grains' state and their snapshots. " +
                "The answer is the erasure log's record (ids and field names, no personal data). Repeating it answers the same.");

        group.MapGet("/{id}/erasure", async Task<Results<Ok<ErasureRecord>, ProblemHttpResult>> (
                string id, TeacherErasure erasure, CancellationToken cancellationToken) =>
            Check.Id(id, "id") is { } bad ? Problems.For(bad)
            : await erasure.FindAsync(id, cancellationToken) is { } record ? TypedResults.Ok(record)
            : Problems.NotFound($"Teacher {id} has not been erased."))
            .WithName("teacher-erasure-record")
            .WithSummary("The erasure log's record for a teacher: when, at whose request, which fields of which events")
            .WithDescription("404 when the teacher has not been erased. The record names fields, never the erased values.");
        return app;
    }
}
