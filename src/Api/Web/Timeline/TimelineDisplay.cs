using System.Globalization;
using System.Text.RegularExpressions;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Api.Web.Timeline;

/// <summary>
/// How the timeline and replay pages write dates, numbers and the contract's enum names. wwwroot/js/replay.js
/// formats the same values the same way when it redraws the replay panel, so both renderings read alike.
/// </summary>
public static class TimelineDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The breaking-ranks levels from the mildest to the strongest reaction.</summary>
    public static IReadOnlyList<BreakingRanksLevel> Levels { get; } = Enum.GetValues<BreakingRanksLevel>();

    /// <summary>The decision modes from the principal alone to the whole staff.</summary>
    public static IReadOnlyList<DecisionMode> Modes { get; } = Enum.GetValues<DecisionMode>();

    /// <summary>"DecisionRecorded" as "Decision recorded".</summary>
    public static string Words(string pascalCase) => Labels.Words(pascalCase);

    /// <summary>
    /// <paramref name="summary"/> with each teacher id of <paramref name="persons"/> written as the teacher's name,
    /// where it is known: "t-mg-12 joined the staff" as "Olivia Grant joined the staff".
    /// </summary>
    public static string Named(string summary, IEnumerable<string> persons, IReadOnlyDictionary<string, string> names)
    {
        foreach (var person in persons)
        {
            if (names.TryGetValue(person, out var name) && name != person)
            {
                // Whole ids only: t-mg-1 must not match inside t-mg-12.
                summary = Regex.Replace(summary, $@"(?<![\w-]){Regex.Escape(person)}(?![\w-])", name.Replace("$", "$$", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }
        return summary;
    }

    public static string Level(BreakingRanksLevel level) => Labels.Of(level);

    /// <summary>1 for speaking up to 4 for resistance: the rank the legend and the patterns use.</summary>
    public static int LevelRank(BreakingRanksLevel level) => (int)level + 1;

    public static string Mode(DecisionMode mode) => Labels.Of(mode);

    /// <summary>A CSS class name part: "TeacherLed" as "teacher-led".</summary>
    public static string Slug(string pascalCase) => Words(pascalCase).Replace(' ', '-').ToLowerInvariant();

    public static string Stage(LeadershipStage? stage) => stage is { } value ? Labels.Of(value) : "Not assessed yet";

    public static string Outcome(EpisodeOutcome outcome) => Labels.Of(outcome);

    /// <summary>"14 Sep 2021", in UTC, as the API's dates are.</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", Invariant);

    /// <summary>"Sep 2021".</summary>
    public static string Month(DateOnly month) => month.ToString("MMM yyyy", Invariant);

    /// <summary>"2021-09": the trajectory route's month parameter.</summary>
    public static string MonthParameter(DateOnly month) => month.ToString("yyyy-MM", Invariant);

    /// <summary>"2021-09-14": a date input's value.</summary>
    public static string DateParameter(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    public static string DateParameter(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>The instant in full (UTC, seven fractional digits), so that an asOf built from it takes in the event itself.</summary>
    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("O", Invariant);

    /// <summary>A ratio as a percentage with one decimal: 0.1333 as "13.3%"; "–" when undefined.</summary>
    public static string Percent(double? ratio) => ratio is { } value ? (value * 100).ToString("0.#", Invariant) + "%" : "–";

    /// <summary>A ratio with two decimals: 0.4 as "0.40"; "–" when undefined.</summary>
    public static string Ratio(double? value) => value is { } v ? v.ToString("0.00", Invariant) : "–";

    public static string Count(int value) => value.ToString(Invariant);

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(Invariant)} {noun}s";

    /// <summary>At most <paramref name="length"/> characters, cut at a word with an ellipsis.</summary>
    public static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }
        var cut = text[..length];
        var space = cut.LastIndexOf(' ');
        return (space > length / 2 ? cut[..space] : cut).TrimEnd(',', ';', ':', '.') + "…";
    }
}
