namespace LearningOrg.Domain.Culture;

/// <summary>
/// How one indicator is spread over a network's schools: the median and the interquartile range of the schools that
/// have a value (nulls are left out). Quartiles by Hyndman and Fan's type 7 (the default of R and of spreadsheets'
/// QUARTILE.INC): linear between the order statistics at h = (n − 1)·p. Rounded to 4 decimal places, half away from zero.
/// </summary>
/// <param name="Schools">How many schools had a value.</param>
/// <param name="Median">The median; null when no school had a value.</param>
/// <param name="LowerQuartile">The 25th percentile.</param>
/// <param name="UpperQuartile">The 75th percentile.</param>
public sealed record Spread(int Schools, double? Median, double? LowerQuartile, double? UpperQuartile)
{
    public static Spread Of(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        return sorted.Count == 0
            ? new Spread(0, null, null, null)
            : new Spread(sorted.Count, Round(Quantile(sorted, 0.5)), Round(Quantile(sorted, 0.25)), Round(Quantile(sorted, 0.75)));
    }

    /// <summary>The type-7 quantile <paramref name="p"/> of values sorted in ascending order (at least one).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(h);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((h - below) * (sorted[above] - sorted[below]));
    }

    private static double Round(double value) => Math.Round(value, 4, MidpointRounding.AwayFromZero);
}

/// <summary>The spread over a network's schools of each indicator a network lead compares, named as in <see cref="CulturePoint"/>.</summary>
public sealed record NetworkSpread(
    Spread LeadershipDensity,
    Spread SharedDecisionShare,
    Spread DecisionCentralization,
    Spread ActiveTeacherLeaderRate,
    Spread MedianDaysToResolution)
{
    public static NetworkSpread Of(IReadOnlyCollection<CulturePoint> points) => new(
        Spread.Of(points.Select(p => p.LeadershipDensity)),
        Spread.Of(points.Select(p => p.SharedDecisionShare)),
        Spread.Of(points.Select(p => p.DecisionCentralization)),
        Spread.Of(points.Select(p => p.ActiveTeacherLeaderRate)),
        Spread.Of(points.Select(p => p.BreakingRanks.MedianDaysToResolution)));
}

/// <summary>An indicator a network lead compares: its name (as in <see cref="CulturePoint"/>'s JSON), a school's value and the group's spread.</summary>
public sealed record ComparedIndicator(string Name, Func<CulturePoint, double?> Value, Func<NetworkSpread, Spread> Spread)
{
    /// <summary>The indicators of <see cref="NetworkSpread"/>, in its order.</summary>
    public static IReadOnlyList<ComparedIndicator> All { get; } =
    [
        new("leadershipDensity", p => p.LeadershipDensity, n => n.LeadershipDensity),
        new("sharedDecisionShare", p => p.SharedDecisionShare, n => n.SharedDecisionShare),
        new("decisionCentralization", p => p.DecisionCentralization, n => n.DecisionCentralization),
        new("activeTeacherLeaderRate", p => p.ActiveTeacherLeaderRate, n => n.ActiveTeacherLeaderRate),
        new("medianDaysToResolution", p => p.BreakingRanks.MedianDaysToResolution, n => n.MedianDaysToResolution),
    ];
}
