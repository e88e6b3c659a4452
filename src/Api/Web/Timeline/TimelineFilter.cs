using System.Globalization;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.ReadModels;

namespace LearningOrg.Api.Web.Timeline;

/// <summary>
/// The timeline page's filters as its GET form sends them (kind, person, from, to, page). A value the page cannot use
/// is left out and named in <see cref="Problems"/>, so a hand-edited address still shows a timeline.
/// </summary>
/// <param name="From">The first day shown.</param>
/// <param name="To">The last day shown, included (a person picks the last day they want to see).</param>
public sealed record TimelineFilter(string? Kind, string? Person, DateOnly? From, DateOnly? To, int Page, IReadOnlyList<string> Problems)
{
    public const int PageSize = 50;

    private static readonly HashSet<string> Kinds = [.. EventCatalog.All.Select(t => t.Kind)];

    public bool IsFiltered => Kind is not null || Person is not null || From is not null || To is not null;

    public static TimelineFilter Parse(string? kind, string? person, string? from, string? to, string? page)
    {
        var problems = new List<string>();
        kind = Blank(kind);
        if (kind is not null && !Kinds.Contains(kind))
        {
            problems.Add($"“{TimelineDisplay.Cut(kind, 64)}” is not a kind of event, so every kind is shown.");
            kind = null;
        }
        person = Blank(person);
        if (person is not null && Check.Id(person, "person") is not null)
        {
            problems.Add($"“{TimelineDisplay.Cut(person, 64)}” is not a teacher id, so everyone is shown.");
            person = null;
        }
        var fromDate = Day(from, "From", problems);
        var toDate = Day(to, "To", problems);
        if (fromDate > toDate)
        {
            problems.Add($"The first day ({TimelineDisplay.DateParameter(fromDate.Value)}) lies after the last ({TimelineDisplay.DateParameter(toDate.Value)}), so neither is applied.");
            (fromDate, toDate) = (null, null);
        }
        var pageNumber = 1;
        if (Blank(page) is { } pageText && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber)
            || pageNumber < 1 || pageNumber > TimelineQuery.MaxPage))
        {
            problems.Add($"The page must be a whole number from 1 to {TimelineQuery.MaxPage}, so the first page is shown.");
            pageNumber = 1;
        }
        return new TimelineFilter(kind, person, fromDate, toDate, pageNumber, problems);
    }

    /// <summary>The read model query: from the first instant of From to the first instant after To.</summary>
    public TimelineQuery ToQuery(string schoolId) => new(
        schoolId,
        Kind is null ? [] : [Kind],
        Person,
        From is { } from ? Start(from) : null,
        To is { } to && to != DateOnly.MaxValue ? Start(to.AddDays(1)) : null,
        Page,
        PageSize);

    /// <summary>This page's address with the same filters on another page.</summary>
    public string Link(string schoolId, int page)
    {
        var query = new List<string>();
        Add(query, "kind", Kind);
        Add(query, "person", Person);
        Add(query, "from", From is { } from ? TimelineDisplay.DateParameter(from) : null);
        Add(query, "to", To is { } to ? TimelineDisplay.DateParameter(to) : null);
        if (page > 1)
        {
            query.Add($"page={page.ToString(CultureInfo.InvariantCulture)}");
        }
        var path = $"/schools/{Uri.EscapeDataString(schoolId)}";
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    private static void Add(List<string> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add($"{name}={Uri.EscapeDataString(value)}");
        }
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.Year, day.Month, day.Day, 0, 0, 0, TimeSpan.Zero);

    private static DateOnly? Day(string? value, string label, List<string> problems)
    {
        if (Blank(value) is not { } text)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 1900)
        {
            return day;
        }
        problems.Add($"{label} must be a date written yyyy-mm-dd, so it is not applied.");
        return null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
