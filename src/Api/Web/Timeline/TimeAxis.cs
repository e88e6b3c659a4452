using System.Globalization;

namespace LearningOrg.Api.Web.Timeline;

/// <summary>
/// A horizontal time axis in whole calendar years (UTC), placing instants as percentages of its width, so an SVG drawn
/// with percentage coordinates keeps its shapes and text at their size at any width.
/// </summary>
public sealed class TimeAxis
{
    public TimeAxis(DateTimeOffset first, DateTimeOffset last)
    {
        if (last < first)
        {
            (first, last) = (last, first);
        }
        Start = new DateTimeOffset(first.UtcDateTime.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        End = new DateTimeOffset(last.UtcDateTime.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The first instant of the first year.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>The first instant after the last year.</summary>
    public DateTimeOffset End { get; }

    /// <summary>Each year on the axis with where it begins.</summary>
    public IEnumerable<(int Year, double Percent)> Years()
    {
        for (var year = Start.Year; year < End.Year; year++)
        {
            yield return (year, Percent(new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        }
    }

    /// <summary>How far along the axis <paramref name="at"/> lies, from 0 to 100.</summary>
    public double Percent(DateTimeOffset at)
    {
        var share = (at - Start).TotalSeconds / (End - Start).TotalSeconds;
        return Math.Clamp(share, 0, 1) * 100;
    }

    /// <summary>An SVG length in percent, e.g. "12.345%".</summary>
    public static string Svg(double percent) => percent.ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
