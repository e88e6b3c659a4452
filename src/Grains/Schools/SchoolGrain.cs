using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.EventSourcing;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.Schools;

public sealed class SchoolGrain(EventSourcedGrainServices services, ILogger<SchoolGrain> logger)
    : EventSourcedGrain<School, SchoolState, SchoolEvent>(services, logger), ISchoolGrain
{
    protected override string AggregateKind => StreamKeys.School;

    protected override IEnumerable<string> SchoolsConcerned(SchoolEvent appended, SchoolState newState) => [Id];

    public async Task<CommandOutcome> Record(CommandContext context, SchoolEvent proposed)
    {
        var (resolved, refused) = await WithDistrictRoleType(proposed);
        return refused is not null ? await Refuse(context, proposed, refused) : await Decide(context, resolved);
    }

    /// <summary>
    /// A role of a district's own type (initiative-id/type-id) needs that type on the initiative, and this school
    /// enrolled in it; the role is recorded with the type's kind, as a built-in type's is by the school's rules.
    /// Reads only: an initiative never waits on a school.
    /// </summary>
    private async Task<(SchoolEvent Resolved, RuleViolation? Refused)> WithDistrictRoleType(SchoolEvent proposed)
    {
        var reference = (proposed as IJobDescription)?.RoleTypeId;
        if (RoleTypeCatalog.Find(reference) is not null || !RoleTypeCatalog.TryParseCustom(reference, out var initiativeId, out var typeId))
        {
            return (proposed, null);
        }
        var initiative = (await GrainFactory.GetGrain<IInitiativeGrain>(initiativeId).GetState())?.State;
        if (initiative?.RoleTypes.GetValueOrDefault(typeId) is not { } type)
        {
            return (proposed, RuleViolation.Invalid("roleTypeId", $"roleTypeId \"{reference}\" is not a role type: initiative {initiativeId} added no type {typeId}."));
        }
        if (!initiative.EnrolledSchools.ContainsKey(Id))
        {
            return (proposed, RuleViolation.Conflict("not-enrolled", $"Type {type.Name} belongs to initiative {initiativeId}, in which this school is not enrolled.", "roleTypeId"));
        }
        return proposed switch
        {
            TeacherLeaderRoleDefined e => School.CheckKindOf(type, e.RoleKind) is { } contradicted ? (proposed, contradicted) : (e with { RoleKind = type.Kind }, null),
            RoleRevised e when State?.Roles.GetValueOrDefault(e.RoleId) is { } role => (proposed, School.CheckRevisedType(e.RoleId, role, type)),
            _ => (proposed, null),
        };
    }
}
