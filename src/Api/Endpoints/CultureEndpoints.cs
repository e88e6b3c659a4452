using System.Globalization;
using LearningOrg.Api.Contracts;
using LearningOrg.Api.Http;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Networks;
using LearningOrg.Grains.ReadModels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// The culture trajectory of a school and the comparison of a network's schools, computed from the events alone
/// (docs/indicators.md): JSON, or CSV with <c>?format=csv</c> or <c>Accept: text/csv</c>.
/// </summary>
public static class CultureEndpoints
{
    /// <summary>The longest series one request may ask for: fifty years of months.</summary>
    public const int MaxMonths = 600;

    public const string AlignCalendar = "calendar";
    public const string AlignFirstRole = "first-role";

    public static IEndpointRouteBuilder MapCulture(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/schools/{id}/trajectory", Trajectory)
            .WithTags("Culture")
            .WithName("school-trajectory")
            .WithSummary("The school's culture indicators at the end of each month")
            .WithDescription("from and to are months (yyyy-MM). Default: from the month the school was registered to the month of its latest event.");
        app.MapGet("/api/networks/{id}/comparison", Comparison)
            .WithTags("Culture")
            .WithName("network-comparison")
            .WithSummary("The network's member schools at a date, side by side, as JSON or CSV")
            .WithDescription("at is a date (yyyy-MM-dd: its last instant, UTC) or a date-time; default now. Breaking-ranks counts cover its month up to at. " +
                "format=csv (or Accept: text/csv) downloads CSV.");
        app.MapGet("/api/networks/{id}/series", Series)
            .WithTags("Culture")
            .WithName("network-series")
            .WithSummary("The monthly indicators of every school that has belonged to the network, aligned by calendar month or by first teacher-leader role")
            .WithDescription("align=calendar (default) or first-role (month 0: the month of the school's first RoleAssigned). " +
                "from (calendar only) and to are months (yyyy-MM). format=csv (or Accept: text/csv) downloads CSV in long format.");
        return app;
    }

    private static async Task<Results<Ok<TrajectoryResponse>, ProblemHttpResult>> Trajectory(
        string id, string? from, string? to, SchoolHistoryReader reader, CancellationToken cancellationToken)
    {
        if (Check.Id(id, "id") is { } badId)
        {
            return Problems.For(badId);
        }
        if (ParseMonth(from, "from", out var fromMonth) is { } badFrom)
        {
            return badFrom;
        }
        if (ParseMonth(to, "to", out var toMonth) is { } badTo)
        {
            return badTo;
        }
        var history = await reader.ReadSchoolAsync(id, cancellationToken);
        if (history is null)
        {
            return Problems.NotFound($"No school {id} has been recorded.");
        }
        var trajectory = new CultureTrajectory(history.Events);
        var first = fromMonth ?? Months.Of(trajectory.RegisteredAt ?? trajectory.LastEventAt!.Value);
        var last = toMonth ?? Months.Of(trajectory.LastEventAt!.Value);
        if (CheckRange(first, last) is { } badRange)
        {
            return badRange;
        }
        return TypedResults.Ok(new TrajectoryResponse(id, history.Name, first, last, MonthOf(trajectory.FirstRoleAssignedAt),
            trajectory.Monthly(first, last)));
    }

    private static async Task<Results<Ok<ComparisonResponse>, FileContentHttpResult, ProblemHttpResult>> Comparison(
        string id, string? at, string? format, HttpRequest request, SchoolHistoryReader reader, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Check.Id(id, "id") is { } badId)
        {
            return Problems.For(badId);
        }
        if (ParseFormat(format, request, out var csv) is { } badFormat)
        {
            return badFormat;
        }
        DateTimeOffset instant;
        if (at is null)
        {
            instant = clock.GetUtcNow();
        }
        else if (ParseInstant(at) is { } parsed)
        {
            instant = parsed;
        }
        else
        {
            return Problems.Invalid("at", "at must be a date (yyyy-MM-dd) or a date-time with an offset (2024-06-30T12:00:00Z).");
        }

        var network = await reader.ReadNetworkAsync(id, cancellationToken);
        if (network is null)
        {
            return Problems.NotFound($"No network {id} has been recorded.");
        }
        var members = NetworkMembership.Spells(network).Where(s => s.Covers(instant)).ToList();
        var histories = await reader.ReadSchoolsAsync([.. members.Select(m => m.SchoolId)], cancellationToken);
        var periodStart = Months.Start(Months.Of(instant));
        var schools = members
            .Where(m => histories.ContainsKey(m.SchoolId))
            .Select(m => new SchoolComparison(m.SchoolId, histories[m.SchoolId].Name, m.From,
                new CultureTrajectory(histories[m.SchoolId].Events).At(periodStart, instant)))
            .ToList();

        if (csv)
        {
            var bytes = CultureCsv.Comparison(schools.Select(s => (s.SchoolId, s.Name, s.MemberSince, s.Indicators)));
            return TypedResults.File(bytes, "text/csv; charset=utf-8",
                $"{id}-comparison-{instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
        }
        return TypedResults.Ok(new ComparisonResponse(id, NameOf(network, id), instant, schools));
    }

    private static async Task<Results<Ok<SeriesResponse>, FileContentHttpResult, ProblemHttpResult>> Series(
        string id, string? align, string? from, string? to, string? format, HttpRequest request, SchoolHistoryReader reader, CancellationToken cancellationToken)
    {
        if (Check.Id(id, "id") is { } badId)
        {
            return Problems.For(badId);
        }
        var alignment = align ?? AlignCalendar;
        if (alignment is not (AlignCalendar or AlignFirstRole))
        {
            return Problems.Invalid("align", $"align must be {AlignCalendar} or {AlignFirstRole}.");
        }
        if (ParseFormat(format, request, out var csv) is { } badFormat)
        {
            return badFormat;
        }
        if (ParseMonth(from, "from", out var fromMonth) is { } badFrom)
        {
            return badFrom;
        }
        if (fromMonth is not null && alignment == AlignFirstRole)
        {
            return Problems.Invalid("from", "from applies to align=calendar only: aligned by first role, each school starts at its month 0.");
        }
        if (ParseMonth(to, "to", out var toMonth) is { } badTo)
        {
            return badTo;
        }

        var network = await reader.ReadNetworkAsync(id, cancellationToken);
        if (network is null)
        {
            return Problems.NotFound($"No network {id} has been recorded.");
        }
        var schoolIds = NetworkMembership.EverMembers(network);
        var histories = await reader.ReadSchoolsAsync(schoolIds, cancellationToken);
        var schools = schoolIds.Where(histories.ContainsKey)
            .Select(s => (History: histories[s], Trajectory: new CultureTrajectory(histories[s].Events)))
            .ToList();

        var last = toMonth ?? (schools.Count == 0
            ? Months.Of(network.Max(e => e.OccurredAt))
            : schools.Max(s => Months.Of(s.Trajectory.LastEventAt!.Value)));
        DateOnly? axisStart = null;
        if (alignment == AlignCalendar)
        {
            axisStart = fromMonth ?? (schools.Count == 0 ? last : schools.Min(s => Months.Of(s.Trajectory.RegisteredAt ?? s.Trajectory.LastEventAt!.Value)));
            if (CheckRange(axisStart.Value, last) is { } badRange)
            {
                return badRange;
            }
        }
        else if (schools.Select(s => MonthOf(s.Trajectory.FirstRoleAssignedAt)).Where(m => m is not null).Min() is { } earliest
            && Months.Between(earliest, last) + 1 > MaxMonths)
        {
            return Problems.Invalid("to", $"A series holds at most {MaxMonths} months.");
        }

        var series = schools.Select(s =>
        {
            var firstRole = MonthOf(s.Trajectory.FirstRoleAssignedAt);
            DateOnly? origin = alignment == AlignCalendar ? axisStart : firstRole;
            var start = alignment == AlignCalendar
                ? Later(axisStart!.Value, Months.Of(s.Trajectory.RegisteredAt ?? s.Trajectory.LastEventAt!.Value))
                : firstRole;
            IReadOnlyList<AlignedPoint> points = start is { } begin && origin is { } zero
                ? [.. s.Trajectory.Monthly(begin, last).Select(p => new AlignedPoint(Months.Between(zero, p.Month), p))]
                : [];
            return new SchoolSeries(s.History.SchoolId, s.History.Name, firstRole, points);
        }).ToList();

        if (csv)
        {
            var rows = series.SelectMany(s => s.Points.Select(p => (s.SchoolId, s.Name, p.MonthIndex, p.Indicators)));
            return TypedResults.File(CultureCsv.Series(rows, withMonthIndex: alignment == AlignFirstRole), "text/csv; charset=utf-8",
                $"{id}-series-{alignment}.csv");
        }
        return TypedResults.Ok(new SeriesResponse(id, NameOf(network, id), alignment, axisStart, last, series));
    }

    private static ProblemHttpResult? ParseMonth(string? value, string field, out DateOnly? month)
    {
        month = null;
        if (value is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Year >= 1900)
        {
            month = parsed;
            return null;
        }
        return Problems.Invalid(field, $"{field} must be a month written yyyy-MM (e.g. 2024-06), from 1900 on.");
    }

    private static DateTimeOffset? ParseInstant(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.Year >= 1900 ? Months.EndOfDay(day) : null;
        }
        return value.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && instant.Year >= 1900
            ? instant
            : null;
    }

    /// <summary>CSV with format=csv, or without format when the Accept header asks for text/csv; JSON otherwise.</summary>
    private static ProblemHttpResult? ParseFormat(string? format, HttpRequest request, out bool csv)
    {
        csv = false;
        switch (format?.ToLowerInvariant())
        {
            case null:
                csv = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase));
                return null;
            case "csv":
                csv = true;
                return null;
            case "json":
                return null;
            default:
                return Problems.Invalid("format", "format must be json or csv.");
        }
    }

    private static ProblemHttpResult? CheckRange(DateOnly from, DateOnly to) =>
        Months.Between(from, to) < 0
            ? Problems.Invalid("from", $"from ({from:yyyy-MM}) lies after to ({to:yyyy-MM}).")
            : Months.Between(from, to) + 1 > MaxMonths
                ? Problems.Invalid("to", $"A series holds at most {MaxMonths} months.")
                : null;

    private static DateOnly? MonthOf(DateTimeOffset? at) => at is { } instant ? Months.Of(instant) : null;

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static string NameOf(IReadOnlyList<DomainEvent> network, string id) => network.OfType<NetworkFormed>().FirstOrDefault()?.Name ?? id;
}
