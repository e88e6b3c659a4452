using LearningOrg.Domain.Initiatives;
using LearningOrg.EventStore;

namespace LearningOrg.ReadModels;

/// <summary>The reads the initiative page makes of an initiative's stream.</summary>
public sealed class InitiativeQueries(EventReader reader)
{
    /// <summary>
    /// The phases entered and the observations among the initiative's first <paramref name="throughVersion"/> events. The
    /// initiative's state keeps each measure's latest value only; reading up to the version that state reflects keeps
    /// the two in agreement.
    /// </summary>
    public async Task<InitiativeProgress> ProgressAsync(string initiativeId, long throughVersion, CancellationToken cancellationToken)
    {
        var events = await reader.ReadStreamAsync(
            StreamKeys.For(StreamKeys.Initiative, initiativeId), 1, (int)Math.Min(throughVersion, int.MaxValue), cancellationToken);
        // Cycles follow the order the phases were recorded in, as the initiative's rules checked them.
        var phases = new List<PhaseBegun>();
        foreach (var recorded in events)
        {
            switch (recorded.Data)
            {
                case InitiativeLaunched launched:
                    phases.Add(new PhaseBegun(1, Phase.Planning, launched.OccurredAt));
                    break;
                case PhaseAdvanced advanced:
                    var cycle = phases.Count == 0 ? 1 : phases[^1].Cycle + (advanced.Phase == Phase.Planning ? 1 : 0);
                    phases.Add(new PhaseBegun(cycle, advanced.Phase, advanced.OccurredAt));
                    break;
                default:
                    break;
            }
        }
        var observations = new Dictionary<string, List<MeasureObserved>>(StringComparer.Ordinal);
        foreach (var observed in events.Select(e => e.Data).OfType<MeasureObserved>().OrderBy(o => o.OccurredAt))
        {
            if (!observations.TryGetValue(observed.MeasureId, out var list))
            {
                observations[observed.MeasureId] = list = [];
            }
            list.Add(observed);
        }
        return new InitiativeProgress(
            phases,
            observations.ToDictionary(o => o.Key, o => (IReadOnlyList<MeasureObserved>)o.Value, StringComparer.Ordinal));
    }
}
