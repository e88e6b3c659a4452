using LearningOrg.Domain.Common;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Grains.EventSourcing;

/// <summary>Checks one aggregate makes of another before recording an event that names it.</summary>
internal static class CrossChecks
{
    /// <summary>The school exists and was registered by <paramref name="at"/>; otherwise why not.</summary>
    public static async Task<RuleViolation?> SchoolExists(IGrainFactory grains, string schoolId, DateTimeOffset at, string field = "schoolId")
    {
        if (Check.Id(schoolId, field) is { } invalid)
        {
            return invalid;
        }
        var school = await grains.GetGrain<ISchoolGrain>(schoolId).GetState();
        if (school is null)
        {
            return RuleViolation.NotFound("school-not-found", $"No school {schoolId} has been registered.", field);
        }
        return at != default && at < school.State.RegisteredAt
            ? RuleViolation.Conflict("before-history", $"School {schoolId} was registered on {school.State.RegisteredAt:O}.", "occurredAt")
            : null;
    }

    /// <summary>
    /// The teacher is on the school's staff and holds none of its roles, so that the school will let them leave; otherwise
    /// why not. When the date allows the move is the teacher's own rule: the school may not have heard of the arrival yet.
    /// </summary>
    public static async Task<RuleViolation?> FreeToLeave(IGrainFactory grains, string schoolId, string teacherId)
    {
        var school = (await grains.GetGrain<ISchoolGrain>(schoolId).GetState())?.State;
        if (school is not null && school.StaffHistory.TryGetValue(teacherId, out var spells) && spells[^1].To is { } left)
        {
            // The school recorded the departure itself (staff-departures): the teacher's stream still names it.
            return RuleViolation.Conflict("not-on-staff",
                $"The teacher left school {schoolId}'s staff on {left:O}; a move starts from the school they are on.", "fromSchoolId");
        }
        return school?.RolesHeldBy(teacherId).FirstOrDefault() is { } role
            ? RuleViolation.Conflict("holds-role", $"The teacher still holds role {role} at {schoolId}; vacate it first.")
            : null;
    }
}
