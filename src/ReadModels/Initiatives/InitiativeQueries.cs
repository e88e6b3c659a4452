using LearningOrg.Domain.Initiatives;
using LearningOrg.EventStore;

namespace LearningOrg.ReadModels;

/// <summary>The reads the initiative page makes of an initiative's stream.</summary>
public sealed class InitiativeQueries(EventReader reader)
{
    /// <summary>
    /// The phase changes and observations among the initiative's first <paramref name="throughVersion"/> events. The
    /// initiative's state keeps each measure's latest value only; reading up to the version that state reflects keeps
    /// the two in agreement.
    /// </summary>
    public async Task<InitiativeProgress> ProgressAsync(string initiativeId, long throughVersion, CancellationToken cancellationToken)
    {
        var events = await reader.ReadStreamAsync(
            StreamKeys.For(StreamKeys.Initiative, initiativeId), 1, (int)Math.Min(throughVersion, int.MaxValue), cancellationToken);
        var phases = new Dictionary<Phase, DateTimeOffset>();
        var observations = new Dictionary<string, List<MeasureObserved>>(StringComparer.Ordinal);
        foreach (var recorded in events.OrderBy(e => e.OccurredAt))
        {
            switch (recorded.Data)
            {
                case PhaseAdvanced advanced:
                    phases[advanced.Phase] = advanced.OccurredAt;
                    break;
                case MeasureObserved observed:
                    if (!observations.TryGetValue(observed.MeasureId, out var list))
                    {
                        observations[observed.MeasureId] = list = [];
                    }
                    list.Add(observed);
                    break;
                default:
                    break;
            }
        }
        return new InitiativeProgress(
            phases,
            observations.ToDictionary(o => o.Key, o => (IReadOnlyList<MeasureObserved>)o.Value, StringComparer.Ordinal));
    }
}
