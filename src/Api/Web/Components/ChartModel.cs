using System.Globalization;

namespace LearningOrg.Api.Web.Components;

/// <summary>A line of a chart: one value (or a gap) per x position.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>A vertical mark at an x position, such as the month a stage was assessed.</summary>
public sealed record ChartMarker(int Index, string Label);

/// <summary>A horizontal reference line, such as a measure's target.</summary>
public sealed record ChartReference(double Value, string Label);

/// <summary>How a chart writes its values: on the y axis and in its data table.</summary>
public static class ChartFormats
{
    public static string Percent(double value) => (value * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Count(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>Tick labels for month axes.</summary>
public static class ChartAxes
{
    /// <summary>The year at each January, when the months hold at least two; null (evenly spaced labels) otherwise.</summary>
    public static IReadOnlyList<string?>? Years(IReadOnlyList<DateOnly> months) =>
        months.Count(m => m.Month == 1) >= 2
            ? [.. months.Select(m => m.Month == 1 ? m.Year.ToString(CultureInfo.InvariantCulture) : null)]
            : null;

    /// <summary>Every twelfth month index (0, 12, 24…), for series aligned on a month 0.</summary>
    public static IReadOnlyList<string?> EveryYear(IReadOnlyList<int> monthIndexes) =>
        [.. monthIndexes.Select(i => i % 12 == 0 ? i.ToString(CultureInfo.InvariantCulture) : null)];
}
