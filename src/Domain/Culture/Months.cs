namespace LearningOrg.Domain.Culture;

/// <summary>
/// Calendar months in UTC, named by their first day. A month's indicators are evaluated at its last instant (the
/// tick before the next month begins), so they see every event that happened during it.
/// </summary>
public static class Months
{
    /// <summary>The first day of the month <paramref name="at"/> lies in, in UTC.</summary>
    public static DateOnly Of(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateOnly(utc.Year, utc.Month, 1);
    }

    /// <summary>The first instant of a month.</summary>
    public static DateTimeOffset Start(DateOnly month) =>
        new(month.Year, month.Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The last instant of a month: one tick before the next month begins.</summary>
    public static DateTimeOffset End(DateOnly month) =>
        // December 9999 has no next month: its last instant is the last one there is.
        month.Year == DateOnly.MaxValue.Year && month.Month == 12 ? DateTimeOffset.MaxValue : Start(month).AddMonths(1).AddTicks(-1);

    /// <summary>The last instant of a day, in UTC.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) =>
        day == DateOnly.MaxValue ? DateTimeOffset.MaxValue : new DateTimeOffset(day.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1).AddTicks(-1);

    /// <summary>How many months <paramref name="to"/> lies after <paramref name="from"/> (negative when before).</summary>
    public static int Between(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;

    /// <summary>Every month from <paramref name="from"/> to <paramref name="to"/>, both included; empty when to is before from.</summary>
    public static IEnumerable<DateOnly> Range(DateOnly from, DateOnly to)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        for (var month = first; Between(month, to) >= 0; month = month.AddMonths(1))
        {
            yield return month;
            if (month.Year == DateOnly.MaxValue.Year && month.Month == 12)
            {
                yield break;
            }
        }
    }
}
