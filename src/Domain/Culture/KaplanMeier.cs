namespace LearningOrg.Domain.Culture;

/// <summary>
/// The Kaplan-Meier estimate of a survival curve (Kaplan and Meier 1958) and its median, for durations some of which
/// are censored: still running when observed, or ended by something other than the event of interest.
/// </summary>
public static class KaplanMeier
{
    /// <summary>
    /// The smallest duration at which the estimated survival S(t) = Π(1 − dᵢ/nᵢ) falls to one half or below; null when
    /// it never does (too few events: the median is not reached). At equal durations, events are counted before
    /// censorings, as is usual.
    /// </summary>
    public static double? Median(IEnumerable<(double Duration, bool Ended)> observations)
    {
        var groups = observations.GroupBy(o => o.Duration).OrderBy(g => g.Key).ToList();
        var atRisk = groups.Sum(g => g.Count());
        // The product is kept as a fraction of integers' ratios in doubles; the tolerance absorbs their rounding.
        var survival = 1.0;
        foreach (var group in groups)
        {
            var ended = group.Count(o => o.Ended);
            if (ended > 0)
            {
                survival *= 1 - ((double)ended / atRisk);
                if (survival <= 0.5 + 1e-9)
                {
                    return group.Key;
                }
            }
            atRisk -= group.Count();
        }
        return null;
    }
}
