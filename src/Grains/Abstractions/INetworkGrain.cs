using LearningOrg.Domain.Networks;

namespace LearningOrg.Grains.Abstractions;

/// <summary>A network of schools that compare themselves on the same measures.</summary>
[Alias("INetworkGrain")]
public interface INetworkGrain : IReloadableGrain
{
    [Alias("Record")]
    Task<CommandOutcome> Record(CommandContext context, NetworkEvent proposed);

    [Alias("GetState")]
    Task<AggregateView<NetworkState>?> GetState();
}
