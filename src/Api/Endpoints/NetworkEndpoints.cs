using LearningOrg.Domain.Networks;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Endpoints;

/// <summary>/api/networks: schools that compare themselves on the same measures.</summary>
public static class NetworkEndpoints
{
    public static IEndpointRouteBuilder MapNetworks(this IEndpointRouteBuilder app)
    {
        new AggregateRoutes<Network, NetworkState, NetworkEvent>(app, "/api/networks", StreamKeys.Network,
                (grains, id) => grains.GetGrain<INetworkGrain>(id).GetState())
            .Commands()
            .Reads();
        return app;
    }
}
