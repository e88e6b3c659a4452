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

    public async Task<CommandOutcome> Record(CommandContext context, TeacherEvent proposed)
    {
        // The school a teacher joins must exist; checked only while this command has not yet been recorded.
        var school = proposed switch
        {
            TeacherRegistered e when State is null => ("schoolId", e.SchoolId),
            TeacherMovedSchool e when State is not null && State.SchoolId == e.FromSchoolId => ("toSchoolId", e.ToSchoolId),
            _ => default,
        };
        if (school.Item2 is not null
            && await CrossChecks.SchoolExists(GrainFactory, school.Item2, proposed.OccurredAt, school.Item1) is { } missing)
        {
            return Reject(missing);
        }
        // The school must let the teacher leave on the move's date: refused there, the move would be half-applied for good.
        if (proposed is TeacherMovedSchool move && State is not null && State.SchoolId == move.FromSchoolId
            && await CrossChecks.JoinedStaffBy(GrainFactory, move.FromSchoolId, Id, move.OccurredAt == default ? Now : move.OccurredAt) is { } early)
        {
            return await Refuse(context, proposed, early);
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

    private async Task StaffChange(CommandContext context, string schoolId, SchoolEvent change) =>
        FollowUp.EnsureAccepted(await GrainFactory.GetGrain<ISchoolGrain>(schoolId).Record(context, change), context);
}
