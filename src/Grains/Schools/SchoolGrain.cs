using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.EventSourcing;
using LearningOrg.Grains.Persistence;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.Schools;

public sealed class SchoolGrain(EventJournal journal, TimeProvider clock, ILogger<SchoolGrain> logger)
    : EventSourcedGrain<School, SchoolState, SchoolEvent>(journal, clock, logger), ISchoolGrain
{
    protected override string AggregateKind => StreamKeys.School;

    protected override IEnumerable<string> SchoolsConcerned(SchoolEvent appended, SchoolState newState) => [Id];

    public async Task<CommandOutcome> Record(CommandContext context, SchoolEvent proposed)
    {
        var outcome = await Decide(context, proposed);
        if (!outcome.IsAccepted)
        {
            return outcome;
        }
        // A role change is written to the school first, then to the teacher. Both writes are idempotent, so a retry
        // with the same command id completes an operation that failed between them.
        var at = outcome.OccurredAt!.Value;
        var follow = proposed switch
        {
            RoleAssigned e => new RoleTaken(Id, e.RoleId, State!.Roles[e.RoleId].Definition.Title) { OccurredAt = at },
            RoleVacated e => new RoleLeft(Id, e.RoleId, e.Reason) { OccurredAt = at },
            _ => (TeacherEvent?)null,
        };
        if (follow is not null)
        {
            var teacherId = proposed is RoleAssigned a ? a.TeacherId : ((RoleVacated)proposed).TeacherId;
            FollowUp.EnsureAccepted(await GrainFactory.GetGrain<ITeacherGrain>(teacherId).Record(context.FollowUp("teacher"), follow), context);
        }
        return outcome;
    }
}
