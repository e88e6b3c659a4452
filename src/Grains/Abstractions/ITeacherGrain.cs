using LearningOrg.Domain.Teachers;

namespace LearningOrg.Grains.Abstractions;

/// <summary>A teacher (and, when they lead, a teacher leader), keyed by their slug or GUID.</summary>
[Alias("ITeacherGrain")]
public interface ITeacherGrain : IReloadableGrain
{
    /// <summary>Records the event if the teacher's rules allow it. Registration and moves also reach the schools' staff.</summary>
    [Alias("Record")]
    Task<CommandOutcome> Record(CommandContext context, TeacherEvent proposed);

    [Alias("GetState")]
    Task<AggregateView<TeacherState>?> GetState();
}
