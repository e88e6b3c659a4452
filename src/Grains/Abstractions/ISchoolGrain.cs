using LearningOrg.Domain.Schools;

namespace LearningOrg.Grains.Abstractions;

/// <summary>A school, keyed by its slug. Records what happens in it; answers with its state.</summary>
[Alias("ISchoolGrain")]
public interface ISchoolGrain : IReloadableGrain
{
    /// <summary>Records the event if the school's rules allow it. Role assignments and vacancies also reach the teacher.</summary>
    [Alias("Record")]
    Task<CommandOutcome> Record(CommandContext context, SchoolEvent proposed);

    /// <summary>The school's current state, or null when no school with this id has been registered.</summary>
    [Alias("GetState")]
    Task<AggregateView<SchoolState>?> GetState();
}
