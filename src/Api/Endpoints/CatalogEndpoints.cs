using LearningOrg.Api.Contracts;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// The built-in catalogs a record refers to. The role-type catalog is public; a district's own types are read on
/// its initiative, with the initiative's read access, together with the tight items its schools' roles break.
/// </summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogs(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/catalogs/role-types", () => TypedResults.Ok(RoleTypeCatalogResponse.Of()))
            .AllowAnonymous()
            .WithTags("Contract")
            .WithName("role-types")
            .WithSummary("The built-in catalog of formal teacher-leader role types, grouped as the inventory groups them")
            .WithDescription("Each type's id is what a role definition's roleTypeId gives; its kind (teacher leadership or an administrative appointment) is the kind of every role of the type. A district's own types are listed at /api/initiatives/{id}/role-types.");

        var initiatives = app.MapGroup("/api/initiatives").WithTags("Initiatives")
            .RequireAuthorization(Policies.For(StreamKeys.Initiative, Access.Read));
        initiatives.MapGet("/{id}/role-types", async Task<Results<Ok<RoleTypeCatalogResponse>, ProblemHttpResult>> (string id, IGrainFactory grains) =>
            {
                if (Check.Id(id, "id") is { } badId)
                {
                    return Problems.For(badId);
                }
                return await grains.GetGrain<IInitiativeGrain>(id).GetState() is { } view
                    ? TypedResults.Ok(RoleTypeCatalogResponse.Of(id, view.State.RoleTypes.Values))
                    : Problems.NotFound($"No initiative {id} has been recorded.");
            })
            .WithName("initiative-role-types")
            .WithSummary("The role-type catalog with the types the initiative's district added, grouped")
            .WithDescription("A district's own type is referred to as initiative-id/type-id.");
        initiatives.MapGet("/{id}/tight-item-breaches", async Task<Results<Ok<IReadOnlyList<Domain.Initiatives.TightItemBreach>>, ProblemHttpResult>> (string id, IGrainFactory grains) =>
            {
                if (Check.Id(id, "id") is { } badId)
                {
                    return Problems.For(badId);
                }
                return await grains.GetGrain<IInitiativeGrain>(id).GetState() is { } view
                    ? TypedResults.Ok(await grains.TightItemBreachesAsync(id, view.State))
                    : Problems.NotFound($"No initiative {id} has been recorded.");
            })
            .WithName("initiative-tight-item-breaches")
            .WithSummary("The roles of enrolled schools that break a checked tight item of the initiative's role frameworks")
            .WithDescription("A framework applies to a school's active role with its title or of its role type. Each breach names the role's field that breaks the item (hoursPerWeek, selection, supervisedBy).");
        return app;
    }
}
