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
/// grains' current state: a network's member schools, an initiative's enrolled schools, a teacher's current school, a
/// school's district; and from who recorded a network's or an initiative's creation, its founder. The matrix is in
/// docs/security.md.
/// </summary>
public sealed class ScopeResolver(IGrainFactory grains, EventReader journal)
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
        if (access == Access.Create)
        {
            return MayCreate(caller, kind);
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

    /// <summary>
    /// Who may create a <paramref name="kind"/>, whatever its id: creation follows the organisation. Where the body
    /// decides the scope (a school's district, a teacher's school) an endpoint filter checks it once read
    /// (<see cref="CreationScopes"/>).
    /// </summary>
    public static bool MayCreate(Caller caller, string kind) => caller.IsAdmin || kind switch
    {
        StreamKeys.School or StreamKeys.Initiative => caller.IsDistrictTeamWithDistrict,
        StreamKeys.Teacher => caller.IsPrincipal && caller.Schools.Count > 0,
        StreamKeys.Network => caller.IsNetworkLead,
        _ => false,
    };

    /// <summary>
    /// Principals write their own schools; network leads read their member schools; district teams read the schools
    /// enrolled in their initiatives and the schools of their district.
    /// </summary>
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
            if (caller.Districts.Count > 0 && await grains.GetGrain<ISchoolGrain>(schoolId).GetState() is { } school
                && caller.Districts.Contains(school.State.District))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A teacher is read and written like their current school.</summary>
    private async Task<bool> MayTeacherAsync(Caller caller, Access access, string teacherId)
    {
        var teacher = await grains.GetGrain<ITeacherGrain>(teacherId).GetState();
        return teacher is not null && await MaySchoolAsync(caller, access, teacher.State.SchoolId);
    }

    /// <summary>Network leads write the networks they lead (by claim) or formed; principals read the networks their school belongs to.</summary>
    private async Task<bool> MayNetworkAsync(Caller caller, Access access, string networkId)
    {
        if (caller.IsNetworkLead && (caller.Networks.Contains(networkId) || await FoundedByAsync(caller, StreamKeys.Network, networkId)))
        {
            return true;
        }
        return access == Access.Read && caller.IsPrincipal
            && await MemberSchoolsAsync(networkId) is { } members && members.Overlaps(caller.Schools);
    }

    /// <summary>District teams write the initiatives they run (by claim) or launched; principals read the initiatives their school is enrolled in.</summary>
    private async Task<bool> MayInitiativeAsync(Caller caller, Access access, string initiativeId)
    {
        if (caller.IsDistrictTeam && (caller.Initiatives.Contains(initiativeId)
            || await FoundedByAsync(caller, StreamKeys.Initiative, initiativeId)))
        {
            return true;
        }
        return access == Access.Read && caller.IsPrincipal
            && await EnrolledSchoolsAsync(initiativeId) is { } enrolled && enrolled.Overlaps(caller.Schools);
    }

    /// <summary>
    /// Whether the caller recorded the creation of the network or initiative: its recordedBy is the creator's token
    /// subject, never the body, so whoever formed a network leads it without a new token.
    /// </summary>
    private async Task<bool> FoundedByAsync(Caller caller, string kind, string id)
    {
        if (caller.Subject.Length == 0)
        {
            return false;
        }
        var first = await journal.ReadStreamAsync(StreamKeys.For(kind, id), 1, 1, CancellationToken.None);
        return first.Count == 1 && string.Equals(first[0].RecordedBy, caller.Subject, StringComparison.Ordinal);
    }

    private async Task<HashSet<string>?> MemberSchoolsAsync(string networkId) =>
        await grains.GetGrain<INetworkGrain>(networkId).GetState() is { } network ? [.. network.State.Members.Keys] : null;

    private async Task<HashSet<string>?> EnrolledSchoolsAsync(string initiativeId) =>
        await grains.GetGrain<IInitiativeGrain>(initiativeId).GetState() is { } initiative ? [.. initiative.State.EnrolledSchools.Keys] : null;
}
