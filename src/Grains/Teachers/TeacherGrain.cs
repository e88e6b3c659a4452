using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.EventSourcing;
using LearningOrg.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.Teachers;

public sealed class TeacherGrain(EventJournal journal, TimeProvider clock, ILogger<TeacherGrain> logger)
    : EventSourcedGrain<Teacher, TeacherState, TeacherEvent>(journal, clock, logger), ITeacherGrain
{
    protected override string AggregateKind => StreamKeys.Teacher;

    /// <summary>A move shows on both schools' timelines; anything else on the school the teacher is now on.</summary>
    protected override IEnumerable<string> SchoolsConcerned(TeacherEvent appended, TeacherState newState) =>
        appended is TeacherMovedSchool moved ? [moved.FromSchoolId, moved.ToSchoolId] : [newState.SchoolId];

    public async Task<CommandOutcome> Record(CommandContext context, TeacherEvent proposed)
    {
        if (await CheckSchools(proposed) is { } refused)
        {
            return await Refuse(context, proposed, refused);
        }

        var outcome = await Decide(context, proposed);
        if (!outcome.IsAccepted)
        {
            return outcome;
        }
        // Staff lists live in the schools' streams; each follow-up is idempotent, so a retry completes them.
        var at = outcome.OccurredAt!.Value;
        switch (proposed)
        {
            case TeacherRegistered e:
                await StaffChange(context.FollowUp("join"), e.SchoolId, new TeacherJoinedStaff(Id) { OccurredAt = at });
                break;
            case TeacherMovedSchool e:
                await StaffChange(context.FollowUp("leave"), e.FromSchoolId, new TeacherLeftStaff(Id) { OccurredAt = at });
                await StaffChange(context.FollowUp("join"), e.ToSchoolId, new TeacherJoinedStaff(Id) { OccurredAt = at });
                break;
        }
        return outcome;
    }

    /// <summary>
    /// The schools a registration or move names must let it happen: the school joined must exist, and the school left
    /// must let the teacher leave on that date. Refused there after being recorded here, the move would be half-applied
    /// for good, so it is refused here first.
    /// </summary>
    private async Task<RuleViolation?> CheckSchools(TeacherEvent proposed) => proposed switch
    {
        TeacherRegistered e when State is null =>
            await CrossChecks.SchoolExists(GrainFactory, e.SchoolId, e.OccurredAt),
        TeacherMovedSchool e when State is not null && State.SchoolId == e.FromSchoolId =>
            await CrossChecks.SchoolExists(GrainFactory, e.ToSchoolId, e.OccurredAt, "toSchoolId")
            ?? await CrossChecks.JoinedStaffBy(GrainFactory, e.FromSchoolId, Id, e.OccurredAt == default ? Now : e.OccurredAt),
        _ => null,
    };

    private async Task StaffChange(CommandContext context, string schoolId, SchoolEvent change) =>
        FollowUp.EnsureAccepted(await GrainFactory.GetGrain<ISchoolGrain>(schoolId).Record(context, change), context);
}
