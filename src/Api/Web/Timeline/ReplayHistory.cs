using System.Globalization;
using System.Text.Json;
using LearningOrg.Domain.Culture;
using LearningOrg.ReadModels;

namespace LearningOrg.Api.Web.Timeline;

/// <summary>One event of the school's own stream, as the replay lists it.</summary>
public sealed record ReplayEvent(string Kind, string Summary);

/// <summary>
/// A step of the replay: an instant at which the school's own stream recorded one or more events. The state shown at a
/// step is the fold of every event that had happened by then (valid time), so events of the same instant share a step.
/// </summary>
public sealed record ReplayStep(int Index, DateTimeOffset At, IReadOnlyList<ReplayEvent> Events)
{
    public DateOnly Month => Months.Of(At);
}

/// <summary>The steps a school's replay moves through, and which one an address (?at= or ?step=) asks for.</summary>
public sealed class ReplayHistory
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ReplayHistory(IReadOnlyList<ReplayStep> steps) => Steps = steps;

    public IReadOnlyList<ReplayStep> Steps { get; }

    /// <summary>
    /// The school's own events from the timeline read model, in the order they happened, grouped by instant; the
    /// teachers they name are written by <paramref name="names"/>.
    /// </summary>
    public static async Task<ReplayHistory> ReadAsync(TimelineReader timelines, string schoolId, IReadOnlyDictionary<string, string> names, CancellationToken cancellation)
    {
        var entries = await timelines.SchoolOwnEntriesAsync(schoolId, cancellation);
        var steps = entries
            .GroupBy(e => e.OccurredAt.UtcTicks)
            .Select((group, index) => new ReplayStep(index, group.First().OccurredAt.ToUniversalTime(),
                [.. group.Select(e => new ReplayEvent(TimelineDisplay.Words(e.Kind), TimelineDisplay.Named(e.Summary, e.Persons, names)))]))
            .ToList();
        return new ReplayHistory(steps);
    }

    /// <summary>
    /// The step to show: with <paramref name="at"/> (a date, meaning its end, or a date-time) the last step on or
    /// before it; else with <paramref name="step"/> that step; else the latest. A value that cannot be used gives a
    /// notice for the page to show. Null when the school has no events.
    /// </summary>
    public (ReplayStep? Step, string? Notice) Resolve(string? at, string? step)
    {
        if (Steps.Count == 0)
        {
            return (null, null);
        }
        var latest = Steps[^1];
        if (!string.IsNullOrWhiteSpace(at))
        {
            if (ParseInstant(at.Trim()) is not { } instant)
            {
                return (latest, "The date must be written yyyy-mm-dd, so the latest event is shown.");
            }
            var found = Steps.LastOrDefault(s => s.At <= instant);
            return found is null
                ? (Steps[0], $"Nothing had been recorded by {TimelineDisplay.Date(instant)}, so the first event is shown.")
                : (found, null);
        }
        if (!string.IsNullOrWhiteSpace(step))
        {
            return int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < Steps.Count
                ? (Steps[index], null)
                : (latest, $"There is no event number {TimelineDisplay.Cut(step, 12)}, so the latest event is shown.");
        }
        return (latest, null);
    }

    /// <summary>The steps as wwwroot/js/replay.js reads them from the page: where each is, its labels and its events.</summary>
    public string ToJson() => JsonSerializer.Serialize(Steps.Select(s => new
    {
        at = TimelineDisplay.Instant(s.At),
        date = TimelineDisplay.Date(s.At),
        day = TimelineDisplay.DateParameter(s.At),
        month = TimelineDisplay.MonthParameter(s.Month),
        monthLabel = TimelineDisplay.Month(s.Month),
        events = s.Events,
    }), Json);

    private static DateTimeOffset? ParseInstant(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.Year >= 1900 ? Months.EndOfDay(day) : null;
        }
        return value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;
    }
}
