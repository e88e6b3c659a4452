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
    /// The teacher is on the school's staff and their current spell there had begun by <paramref name="at"/>, so that the
    /// school will let them leave then; otherwise why not.
    /// </summary>
    public static async Task<RuleViolation?> JoinedStaffBy(IGrainFactory grains, string schoolId, string teacherId, DateTimeOffset at)
    {
        var school = await grains.GetGrain<ISchoolGrain>(schoolId).GetState();
        if (school is not null && school.State.StaffHistory.TryGetValue(teacherId, out var history) && history[^1].To is { } left)
        {
            // The school recorded the departure itself (staff-departures): the teacher's stream still names it.
            return RuleViolation.Conflict("not-on-staff",
                $"The teacher left school {schoolId}'s staff on {left:O}; a move starts from the school they are on.", "fromSchoolId");
        }
        return school is not null && school.State.StaffHistory.TryGetValue(teacherId, out var spells) && at < spells[^1].From
            ? RuleViolation.Conflict("before-history",
                $"The teacher joined school {schoolId} on {spells[^1].From:O}; they cannot leave it before.", "occurredAt")
            : null;
    }
}
