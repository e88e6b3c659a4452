using LearningOrg.Domain.Schools;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Web.Timeline;

/// <summary>The names of every teacher who has been on a school's staff, read from their own grains.</summary>
public static class StaffNames
{
    /// <summary>Teacher id to name, for every teacher in the school's staff history; a teacher without a record keeps its id.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(IGrainFactory grains, SchoolState school)
    {
        var ids = school.StaffHistory.Keys.ToList();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<ITeacherGrain>(id).GetState()));
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
        {
            names[ids[i]] = views[i]?.State.Name ?? ids[i];
        }
        return names;
    }

    /// <summary>A teacher's name, or the id when the name is not known.</summary>
    public static string Of(this IReadOnlyDictionary<string, string> names, string teacherId) =>
        names.TryGetValue(teacherId, out var name) ? name : teacherId;
}
