using LearningOrg.Domain.Teachers;
using Orleans.Concurrency;

namespace LearningOrg.Grains.Abstractions;

/// <summary>A teacher (and, when they lead, a teacher leader), keyed by their slug or GUID.</summary>
[Alias("ITeacherGrain")]
public interface ITeacherGrain : IReloadableGrain, IFollowUpRecipient
{
    /// <summary>
    /// Records the event if the teacher's rules allow it. Registration and moves also reach the schools' staff, as
    /// follow-ups (see <see cref="CommandDispatch.RecordAsync"/>). <c>RoleTaken</c> and <c>RoleLeft</c> are only ever follow-ups.
    /// </summary>
    [Alias("Record")]
    Task<CommandOutcome> Record(CommandContext context, TeacherEvent proposed);

    /// <summary>The teacher's current state; interleaves with a command in progress, which sees the state of the last committed append.</summary>
    [Alias("GetState"), AlwaysInterleave]
    Task<AggregateView<TeacherState>?> GetState();
}
