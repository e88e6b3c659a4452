using LearningOrg.Api.Security;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Endpoints;

/// <summary>/api/schools: what happens in a school, as principals record it.</summary>
public static class SchoolEndpoints
{
    public static IEndpointRouteBuilder MapSchools(this IEndpointRouteBuilder app)
    {
        new AggregateRoutes<School, SchoolState, SchoolEvent>(app, "/api/schools", StreamKeys.School,
                (grains, id) => grains.GetGrain<ISchoolGrain>(id).GetState())
            .Commands(creation => creation.AddEndpointFilter(CreationScopes.School))
            .Reads();
        return app;
    }
}
