namespace LearningOrg.ReadModels;

/// <summary>
/// What was recorded on a school's own stream in one calendar month (UTC, by when it happened): how many events,
/// and how many of each kind. Kept by <see cref="SchoolActivityProjection"/> in the background, so it may trail the
/// latest write by a moment.
/// </summary>
/// <param name="Id"><see cref="IdFor"/>: school id and month.</param>
/// <param name="Month">yyyy-MM.</param>
public sealed record SchoolMonthActivity(string Id, string SchoolId, string Month, int Events, Dictionary<string, int> ByKind)
{
    public static string IdFor(string schoolId, string month) => $"{schoolId}/{month}";

    public static string MonthOf(DateTimeOffset occurredAt) =>
        occurredAt.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
}
