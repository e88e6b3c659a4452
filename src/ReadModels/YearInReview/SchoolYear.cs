using System.Globalization;
using LearningOrg.Domain.Culture;

namespace LearningOrg.ReadModels;

/// <summary>
/// A school year, named by the calendar year it starts in: August of that year to July of the next, the span a
/// principal reports on.
/// </summary>
public readonly record struct SchoolYear(int StartYear)
{
    /// <summary>The month a school year begins.</summary>
    public const int FirstMonthOfYear = 8;

    /// <summary>The earliest and latest start years a school year may have (the months must stay representable).</summary>
    public const int MinStartYear = 1900;
    public const int MaxStartYear = 9000;

    /// <summary>The first month of the year.</summary>
    public DateOnly FirstMonth => new(StartYear, FirstMonthOfYear, 1);

    /// <summary>The last month of the year.</summary>
    public DateOnly LastMonth => FirstMonth.AddMonths(11);

    /// <summary>The first instant of the year.</summary>
    public DateTimeOffset Start => Months.Start(FirstMonth);

    /// <summary>The last instant of the year.</summary>
    public DateTimeOffset End => Months.End(LastMonth);

    /// <summary>The year's name as schools write it: 2025–26.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{StartYear}–{(StartYear + 1) % 100:00}");

    /// <summary>Whether <paramref name="at"/> falls within the year.</summary>
    public bool Contains(DateTimeOffset at) => at >= Start && at <= End;

    /// <summary>The school year <paramref name="at"/> falls in.</summary>
    public static SchoolYear Of(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new(utc.Month >= FirstMonthOfYear ? utc.Year : utc.Year - 1);
    }

    /// <summary>Whether a start year names a school year this product can show.</summary>
    public static bool IsValidStart(int startYear) => startYear is >= MinStartYear and <= MaxStartYear;
}
