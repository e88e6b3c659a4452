using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.EventSourcing;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.Teachers;

public sealed class TeacherGrain(EventSourcedGrainServices services, ILogger<TeacherGrain> logger)
    : EventSourcedGrain<Teacher, TeacherState, TeacherEvent>(services, logger), ITeacherGrain
{
    protected override string AggregateKind => StreamKeys.Teacher;

    /// <summary>An event that names schools (a registration, a move) shows on their timelines; anything else on the school the teacher is now on.</summary>
    protected override IEnumerable<string> SchoolsConcerned(TeacherEvent appended, TeacherState newState) =>
        EventCatalog.For(appended).Touched(appended, StreamKeys.School) is { Count: > 0 } named ? named : [newState.SchoolId];

    public async Task<CommandOutcome> Record(CommandContext context, TeacherEvent proposed) =>
        await CheckSchools(proposed) is { } refused ? await Refuse(context, proposed, refused) : await Decide(context, proposed);

    /// <summary>
    /// The schools a registration or move names must let it happen: the school joined must exist, and the school left
    /// must still count the teacher on its staff, holding none of its roles. Refused there after being recorded here,
    /// the follow-up would be stuck, so the move is refused here first. Reads only: a school never waits on a teacher.
    /// </summary>
    private async Task<RuleViolation?> CheckSchools(TeacherEvent proposed) => proposed switch
    {
        TeacherRegistered e when State is null =>
            await CrossChecks.SchoolExists(GrainFactory, e.SchoolId, e.OccurredAt),
        TeacherMovedSchool e when State is not null && State.SchoolId == e.FromSchoolId =>
            await CrossChecks.SchoolExists(GrainFactory, e.ToSchoolId, e.OccurredAt, "toSchoolId")
            ?? await CrossChecks.FreeToLeave(GrainFactory, e.FromSchoolId, Id),
        _ => null,
    };
}
