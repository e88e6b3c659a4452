using LearningOrg.Domain.Initiatives;

namespace LearningOrg.Grains.Abstractions;

/// <summary>The tight-item breaches of an initiative, read from its enrolled schools' current state.</summary>
public static class TightItemChecks
{
    public static async Task<IReadOnlyList<TightItemBreach>> TightItemBreachesAsync(this IGrainFactory grains, string initiativeId, InitiativeState initiative)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(initiative);
        if (initiative.RoleFrameworks.IsEmpty)
        {
            return [];
        }
        var schools = await Task.WhenAll(initiative.EnrolledSchools.Keys.Order(StringComparer.Ordinal)
            .Select(async id => (Id: id, View: await grains.GetGrain<ISchoolGrain>(id).GetState())));
        return [.. schools.Where(s => s.View is not null).SelectMany(s => TightItems.Breaches(initiativeId, initiative, s.Id, s.View!.State))];
    }
}
