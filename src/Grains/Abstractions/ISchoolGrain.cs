using LearningOrg.Domain.Schools;
using Orleans.Concurrency;

namespace LearningOrg.Grains.Abstractions;

/// <summary>A school, keyed by its slug. Records what happens in it; answers with its state.</summary>
[Alias("ISchoolGrain")]
public interface ISchoolGrain : IReloadableGrain, IFollowUpRecipient
{
    /// <summary>
    /// Records the event if the school's rules allow it. Role assignments and vacancies also reach the teacher, as
    /// follow-ups (see <see cref="CommandDispatch.RecordAsync"/>). <c>TeacherJoinedStaff</c> is only ever a follow-up.
    /// </summary>
    [Alias("Record")]
    Task<CommandOutcome> Record(CommandContext context, SchoolEvent proposed);

    /// <summary>
    /// The school's current state, or null when no school with this id has been registered. Other grains read it while
    /// they decide, so it interleaves with a command in progress, which sees the state of the last committed append.
    /// </summary>
    [Alias("GetState"), AlwaysInterleave]
    Task<AggregateView<SchoolState>?> GetState();
}
