using System.Globalization;
using CsvHelper;
using LearningOrg.Domain.Culture;
using LearningOrg.ReadModels;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// The culture indicators as CSV: one row per school and date (comparison) or per school and month (series, long
/// format), with the JSON's field names as headers. Numbers use a dot, dates ISO 8601, empty cells stand for null.
/// </summary>
internal static class CultureCsv
{
    private static readonly (string Header, Func<CulturePoint, object?> Value)[] IndicatorColumns =
    [
        ("at", p => p.At.ToString("O", CultureInfo.InvariantCulture)),
        ("staffCount", p => p.StaffCount),
        ("teachersOnStaff", p => p.TeachersOnStaff),
        ("filledSeats", p => p.FilledSeats),
        ("teacherLeaders", p => p.TeacherLeaders),
        ("administrativeAppointees", p => p.AdministrativeAppointees),
        ("leadershipDensity", p => p.LeadershipDensity),
        ("decisions180Days", p => p.Decisions180Days),
        ("sharedDecisions180Days", p => p.SharedDecisions180Days),
        ("sharedDecisionShare", p => p.SharedDecisionShare),
        ("attributedDecisions180Days", p => p.AttributedDecisions180Days),
        ("decisionCentralization", p => p.DecisionCentralization),
        ("activeTeacherLeaders", p => p.ActiveTeacherLeaders),
        ("activeTeacherLeaderRate", p => p.ActiveTeacherLeaderRate),
        ("breakingRanksOpened", p => p.BreakingRanks.Opened),
        ("breakingRanksOpen", p => p.BreakingRanks.Open),
        ("breakingRanksResolved", p => p.BreakingRanks.Resolved),
        ("breakingRanksClosedUnresolved", p => p.BreakingRanks.ClosedUnresolved),
        ("breakingRanksEpisodesInWindow", p => p.BreakingRanks.EpisodesInWindow),
        ("medianDaysToResolution", p => p.BreakingRanks.MedianDaysToResolution),
        ("highestBreakingRanksLevel", p => p.BreakingRanks.HighestLevel),
        ("assessedStage", p => p.AssessedStage),
        ("stageAssessedAt", p => p.StageAssessedAt?.ToString("O", CultureInfo.InvariantCulture)),
        ("derivedStage", p => p.DerivedStage),
    ];

    /// <summary>One row per school: schoolId, name, memberSince, then the indicators.</summary>
    public static byte[] Comparison(IEnumerable<(string SchoolId, string Name, DateTimeOffset MemberSince, CulturePoint Point)> rows) =>
        Write(
            ["schoolId", "name", "memberSince"],
            rows.Select(r => (new object?[] { r.SchoolId, r.Name, r.MemberSince.ToString("O", CultureInfo.InvariantCulture) }, r.Point)));

    /// <summary>Long format: one row per school and month; monthIndex only when aligned by first role.</summary>
    public static byte[] Series(IEnumerable<(string SchoolId, string Name, int MonthIndex, CulturePoint Point)> rows, bool withMonthIndex) =>
        Write(
            withMonthIndex ? ["schoolId", "name", "monthIndex", "month"] : ["schoolId", "name", "month"],
            rows.Select(r => (withMonthIndex
                ? new object?[] { r.SchoolId, r.Name, r.MonthIndex, Month(r.Point) }
                : new object?[] { r.SchoolId, r.Name, Month(r.Point) }, r.Point)));

    private static readonly (string Header, Func<GroupComparisonRow, object?> Value)[] GroupColumns =
    [
        ("groupKind", r => r.GroupKind),
        ("groupId", r => r.GroupId),
        ("groupName", r => r.GroupName),
        ("month", r => r.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        ("schoolId", r => r.SchoolId),
        ("schoolName", r => r.SchoolName),
        ("memberSince", r => r.MemberSince.ToString("O", CultureInfo.InvariantCulture)),
        ("indicator", r => r.Indicator),
        ("value", r => r.Value),
        ("groupSchools", r => r.GroupSchools),
        ("groupMedian", r => r.GroupMedian),
        ("groupLowerQuartile", r => r.GroupLowerQuartile),
        ("groupUpperQuartile", r => r.GroupUpperQuartile),
    ];

    /// <summary>The rows of a side-by-side comparison, one column per property of <see cref="GroupComparisonRow"/>.</summary>
    public static byte[] Groups(IEnumerable<GroupComparisonRow> rows) =>
        Write(GroupColumns.Select(c => c.Header), rows.Select(r => GroupColumns.Select(c => c.Value(r))));

    private static string Month(CulturePoint point) => point.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static byte[] Write(string[] keyHeaders, IEnumerable<(object?[] Keys, CulturePoint Point)> rows) =>
        Write(keyHeaders.Concat(IndicatorColumns.Select(c => c.Header)), rows.Select(r => r.Keys.Concat(IndicatorColumns.Select(c => c.Value(r.Point)))));

    private static byte[] Write(IEnumerable<string> headers, IEnumerable<IEnumerable<object?>> rows)
    {
        using var buffer = new MemoryStream();
        // A school's name is free text: one starting with = + - @ would run as a spreadsheet formula, so it is escaped.
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            foreach (var header in headers)
            {
                csv.WriteField(header);
            }
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    csv.WriteField(Cell(value));
                }
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
