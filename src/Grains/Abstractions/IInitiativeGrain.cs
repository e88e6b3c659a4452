using LearningOrg.Domain.Initiatives;

namespace LearningOrg.Grains.Abstractions;

/// <summary>A state, district or school teacher-leadership initiative.</summary>
[Alias("IInitiativeGrain")]
public interface IInitiativeGrain : IReloadableGrain
{
    [Alias("Record")]
    Task<CommandOutcome> Record(CommandContext context, InitiativeEvent proposed);

    [Alias("GetState")]
    Task<AggregateView<InitiativeState>?> GetState();
}
