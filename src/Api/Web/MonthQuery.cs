using System.Globalization;
using LearningOrg.Domain.Culture;

namespace LearningOrg.Api.Web;

/// <summary>Reads the pages' month and date query parameters, written as the API's are.</summary>
public static class MonthQuery
{
    /// <summary>A month written yyyy-MM (a month input's value), or null when absent; a message when unreadable.</summary>
    public static DateOnly? Parse(string? value, string field, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 1900)
        {
            return month;
        }
        problem = $"{field} must be a month written yyyy-MM (e.g. 2024-06), from 1900 on.";
        return null;
    }

    /// <summary>A day written yyyy-MM-dd (a date input's value) as its last instant in UTC, or null when absent.</summary>
    public static DateTimeOffset? ParseDay(string? value, string field, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900)
        {
            return Months.EndOfDay(day);
        }
        problem = $"{field} must be a date written yyyy-MM-dd (e.g. 2024-06-30), from 1900 on.";
        return null;
    }
}
