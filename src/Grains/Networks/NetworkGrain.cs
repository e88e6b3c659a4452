using LearningOrg.Domain;
using LearningOrg.Domain.Networks;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.EventSourcing;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.Networks;

public sealed class NetworkGrain(EventSourcedGrainServices services, ILogger<NetworkGrain> logger)
    : EventSourcedGrain<Network, NetworkState, NetworkEvent>(services, logger), INetworkGrain
{
    protected override string AggregateKind => StreamKeys.Network;

    protected override IEnumerable<string> SchoolsConcerned(NetworkEvent appended, NetworkState newState) =>
        EventCatalog.For(appended).Touched(appended, StreamKeys.School);

    public async Task<CommandOutcome> Record(CommandContext context, NetworkEvent proposed)
    {
        if (proposed is SchoolJoinedNetwork e && State is not null && !State.Members.ContainsKey(e.SchoolId)
            && await CrossChecks.SchoolExists(GrainFactory, e.SchoolId, e.OccurredAt) is { } missing)
        {
            return await Refuse(context, proposed, missing);
        }
        return await Decide(context, proposed);
    }
}
