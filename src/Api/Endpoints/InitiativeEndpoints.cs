using LearningOrg.Domain.Initiatives;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Endpoints;

/// <summary>/api/initiatives: state, district and school teacher-leadership initiatives, run as the toolkits advise.</summary>
public static class InitiativeEndpoints
{
    public static IEndpointRouteBuilder MapInitiatives(this IEndpointRouteBuilder app)
    {
        new AggregateRoutes<Initiative, InitiativeState, InitiativeEvent>(app, "/api/initiatives", StreamKeys.Initiative,
                (grains, id) => grains.GetGrain<IInitiativeGrain>(id).GetState())
            .Commands()
            .Reads();
        return app;
    }
}
