using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Security;

/// <summary>What a caller wants to do with a resource.</summary>
public enum Access
{
    /// <summary>Read its state, events, replay, timeline, indicators.</summary>
    Read,

    /// <summary>Record a command on an existing resource.</summary>
    Write,

    /// <summary>Record its creation event (the resource may not exist yet).</summary>
    Create,
}

/// <summary>
/// Decides whether a caller may read or write a school, teacher, network or initiative, from their claims and the
/// grains' current state: a network's member schools, an initiative's enrolled schools, a teacher's current school.
/// The matrix is in docs/security.md.
/// </summary>
public sealed class ScopeResolver(IGrainFactory grains)
{
    public async Task<bool> MayAsync(Caller caller, Access access, string kind, string id)
    {
        if (caller.IsAdmin)
        {
            return true;
        }
        if (caller.Role is null)
        {
            return false;
        }
        if (access == Access.Read && caller.IsResearcher)
        {
            return true;
        }
        return kind switch
        {
            StreamKeys.School => await MaySchoolAsync(caller, access, id),
            StreamKeys.Teacher => await MayTeacherAsync(caller, access, id),
            StreamKeys.Network => await MayNetworkAsync(caller, access, id),
            StreamKeys.Initiative => await MayInitiativeAsync(caller, access, id),
            _ => false,
        };
    }

    /// <summary>Principals write their own schools; network leads and district teams read the schools in their scope.</summary>
    private async Task<bool> MaySchoolAsync(Caller caller, Access access, string schoolId)
    {
        if (caller.IsPrincipal && caller.Schools.Contains(schoolId))
        {
            return true;
        }
        if (access != Access.Read)
        {
            return false;
        }
        if (caller.IsNetworkLead)
        {
            foreach (var network in caller.Networks)
            {
                if (await MemberSchoolsAsync(network) is { } members && members.Contains(schoolId))
                {
                    return true;
                }
            }
        }
        if (caller.IsDistrictTeam)
        {
            foreach (var initiative in caller.Initiatives)
            {
                if (await EnrolledSchoolsAsync(initiative) is { } enrolled && enrolled.Contains(schoolId))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// A teacher is read and written like their current school. Registration (Create) is decided on the body's school
    /// by <see cref="TeacherRegistrationScope"/>, so here it only needs a principal.
    /// </summary>
    private async Task<bool> MayTeacherAsync(Caller caller, Access access, string teacherId)
    {
        if (access == Access.Create)
        {
            return caller.IsPrincipal && caller.Schools.Count > 0;
        }
        var teacher = await grains.GetGrain<ITeacherGrain>(teacherId).GetState();
        return teacher is not null && await MaySchoolAsync(caller, access, teacher.State.SchoolId);
    }

    /// <summary>Network leads write their networks; principals read the networks their school belongs to.</summary>
    private async Task<bool> MayNetworkAsync(Caller caller, Access access, string networkId)
    {
        if (caller.IsNetworkLead && caller.Networks.Contains(networkId))
        {
            return true;
        }
        return access == Access.Read && caller.IsPrincipal
            && await MemberSchoolsAsync(networkId) is { } members && members.Overlaps(caller.Schools);
    }

    /// <summary>District teams write their initiatives; principals read the initiatives their school is enrolled in.</summary>
    private async Task<bool> MayInitiativeAsync(Caller caller, Access access, string initiativeId)
    {
        if (caller.IsDistrictTeam && caller.Initiatives.Contains(initiativeId))
        {
            return true;
        }
        return access == Access.Read && caller.IsPrincipal
            && await EnrolledSchoolsAsync(initiativeId) is { } enrolled && enrolled.Overlaps(caller.Schools);
    }

    private async Task<HashSet<string>?> MemberSchoolsAsync(string networkId) =>
        await grains.GetGrain<INetworkGrain>(networkId).GetState() is { } network ? [.. network.State.Members.Keys] : null;

    private async Task<HashSet<string>?> EnrolledSchoolsAsync(string initiativeId) =>
        await grains.GetGrain<IInitiativeGrain>(initiativeId).GetState() is { } initiative ? [.. initiative.State.EnrolledSchools.Keys] : null;
}
