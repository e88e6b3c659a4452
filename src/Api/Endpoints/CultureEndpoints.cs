using System.Globalization;
using LearningOrg.Api.Contracts;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Json;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// The culture trajectory of a school and the comparison of a network's schools, computed from the events alone
/// (docs/indicators.md): JSON, or CSV with <c>?format=csv</c> or <c>Accept: text/csv</c>. The answers come from
/// <see cref="CultureQueries"/>, which the web pages use too; this class reads and checks the HTTP parameters.
/// </summary>
public static class CultureEndpoints
{
    public const string AlignCalendar = CultureQueries.AlignCalendar;
    public const string AlignFirstRole = CultureQueries.AlignFirstRole;

    public static IEndpointRouteBuilder MapCulture(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/schools/{id}/trajectory", Trajectory)
            .RequireAuthorization(Policies.ReadSchool)
            .WithTags("Culture")
            .WithName("school-trajectory")
            .WithSummary("The school's culture indicators at the end of each month")
            .WithDescription("from and to are months (yyyy-MM). Default: from the month the school was registered to the month of its latest event.");
        app.MapGet("/api/networks/{id}/comparison", Comparison)
            .RequireAuthorization(Policies.ReadNetwork)
            .WithTags("Culture")
            .WithName("network-comparison")
            .WithSummary("The network's member schools at a date, side by side, as JSON or CSV")
            .WithDescription("at is a date (yyyy-MM-dd: its last instant, UTC) or a date-time; default now. Breaking-ranks counts cover its month up to at. " +
                "format=csv (or Accept: text/csv) downloads CSV.");
        app.MapGet("/api/networks/{id}/series", Series)
            .RequireAuthorization(Policies.ReadNetwork)
            .WithTags("Culture")
            .WithName("network-series")
            .WithSummary("The monthly indicators of every school that has belonged to the network, with the network's median and IQR, aligned by calendar month or by each school's own month 0")
            .WithDescription("align=calendar (default), first-role (month 0: the school's first teacher-leadership role filled), first-shared-decision, " +
                "or initiative with initiative={id} (month 0: the school's enrolment). from (calendar only) and to are months (yyyy-MM). " +
                "format=csv (or Accept: text/csv) downloads the schools' rows as CSV in long format.");
        app.MapGet("/api/comparisons", Groups)
            .WithTags("Culture")
            .WithName("group-comparison")
            .WithSummary("Several networks, or the schools of a district, side by side: each school's indicators beside its group's median and IQR, per month, as JSON or CSV")
            .WithDescription($"network (repeat it) names networks, district (repeat it) districts by the name their schools were registered with; at most {CultureQueries.MaxGroups} in all. " +
                "A caller names only groups they may read: networks as on /api/networks/{id}/comparison, districts administrators and researchers. " +
                $"from and to are months (yyyy-MM), at most {CultureQueries.MaxGroupMonths}, default the current month; each month is read at its end (the current one up to now). " +
                "One row per group, month, school and indicator; format=csv (or Accept: text/csv) downloads the rows with the same columns.");
        return app;
    }

    private static async Task<Results<Ok<GroupComparisonResponse>, FileContentHttpResult, ProblemHttpResult>> Groups(
        string[]? network, string[]? district, string? from, string? to, string? format, HttpContext http, ScopeResolver scope,
        CultureQueries queries, TimeProvider clock, CancellationToken cancellationToken)
    {
        var networks = (network ?? []).Distinct(StringComparer.Ordinal).ToList();
        var districts = (district ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (networks.Select(id => Check.Id(id, CultureQueries.GroupNetwork)).FirstOrDefault(p => p is not null) is { } badNetwork)
        {
            return Problems.For(badNetwork);
        }
        if (districts.Select(name => Check.Text(name, CultureQueries.GroupDistrict, Limits.Name)).FirstOrDefault(p => p is not null) is { } badDistrict)
        {
            return Problems.For(badDistrict);
        }
        if (ParseFormat(format, http.Request, out var csv) is { } badFormat)
        {
            return badFormat;
        }
        if (ParseMonth(from, "from", out var fromMonth) is { } badFrom)
        {
            return badFrom;
        }
        if (ParseMonth(to, "to", out var toMonth) is { } badTo)
        {
            return badTo;
        }
        List<(string Kind, string Id)> groups =
            [.. networks.Select(id => (CultureQueries.GroupNetwork, id)), .. districts.Select(name => (CultureQueries.GroupDistrict, name))];
        // Refused before the scope is looked up group by group.
        if (CultureQueries.CheckGroups(groups) is { } badGroups)
        {
            return Problems.For(badGroups);
        }

        var caller = Caller.From(http.User);
        foreach (var id in networks)
        {
            if (!await scope.MayAsync(caller, Access.Read, StreamKeys.Network, id))
            {
                return AuthProblems.ForbiddenResult($"You may not read network {id}.");
            }
        }
        if (districts.Count > 0 && !(caller.IsAdmin || caller.IsResearcher))
        {
            return AuthProblems.ForbiddenResult("district is for administrators and researchers; name the networks you may read.");
        }

        var now = clock.GetUtcNow();
        var last = toMonth ?? Months.Of(now);
        var (comparison, problem) = await queries.GroupComparisonAsync(groups, fromMonth ?? last, last, now, cancellationToken);
        if (problem is not null)
        {
            return Problems.For(problem);
        }
        if (csv)
        {
            return TypedResults.File(CultureCsv.Groups(comparison!.Rows), "text/csv; charset=utf-8",
                $"comparison-{comparison.From.ToString("yyyy-MM", CultureInfo.InvariantCulture)}-{comparison.To.ToString("yyyy-MM", CultureInfo.InvariantCulture)}.csv");
        }
        return TypedResults.Ok(comparison);
    }

    private static async Task<Results<Ok<TrajectoryResponse>, ProblemHttpResult>> Trajectory(
        string id, string? from, string? to, CultureQueries queries, CancellationToken cancellationToken)
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
        var (trajectory, problem) = await queries.TrajectoryAsync(id, fromMonth, toMonth, cancellationToken);
        return problem is not null ? Problems.For(problem) : TypedResults.Ok(trajectory);
    }

    private static async Task<Results<Ok<ComparisonResponse>, FileContentHttpResult, ProblemHttpResult>> Comparison(
        string id, string? at, string? format, HttpRequest request, CultureQueries queries, TimeProvider clock, CancellationToken cancellationToken)
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
        else if (ParseInstant(at) is not { } parsed)
        {
            return Problems.Invalid("at", "at must be a date (2024-06-30) or a date-time with an offset (2024-06-30T12:00:00+02:00), from 1900 on.");
        }
        else if (parsed.IsFuture(clock.GetUtcNow()))
        {
            return Problems.Invalid("at", $"at {at} lies in the future: the indicators exist up to now.");
        }
        else
        {
            instant = parsed.Instant;
        }

        var (comparison, problem) = await queries.ComparisonAsync(id, instant, cancellationToken);
        if (problem is not null)
        {
            return Problems.For(problem);
        }
        if (csv)
        {
            var bytes = CultureCsv.Comparison(comparison!.Schools.Select(s => (s.SchoolId, s.Name, s.MemberSince, s.Indicators)));
            return TypedResults.File(bytes, "text/csv; charset=utf-8",
                $"{id}-comparison-{instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv");
        }
        return TypedResults.Ok(comparison);
    }

    private static async Task<Results<Ok<SeriesResponse>, FileContentHttpResult, ProblemHttpResult>> Series(
        string id, string? align, string? initiative, string? from, string? to, string? format, HttpRequest request, CultureQueries queries, CancellationToken cancellationToken)
    {
        if (Check.Id(id, "id") is { } badId)
        {
            return Problems.For(badId);
        }
        var alignment = align ?? AlignCalendar;
        if (!CultureQueries.Alignments.Contains(alignment))
        {
            return Problems.Invalid("align", $"align must be one of {string.Join(", ", CultureQueries.Alignments)}.");
        }
        if (initiative is not null && Check.Id(initiative, "initiative") is { } badInitiative)
        {
            return Problems.For(badInitiative);
        }
        if (ParseFormat(format, request, out var csv) is { } badFormat)
        {
            return badFormat;
        }
        if (ParseMonth(from, "from", out var fromMonth) is { } badFrom)
        {
            return badFrom;
        }
        if (ParseMonth(to, "to", out var toMonth) is { } badTo)
        {
            return badTo;
        }

        var (series, problem) = await queries.SeriesAsync(id, alignment, fromMonth, toMonth, cancellationToken, initiative);
        if (problem is not null)
        {
            return Problems.For(problem);
        }
        if (csv)
        {
            var rows = series!.Schools.SelectMany(s => s.Points.Select(p => (s.SchoolId, s.Name, p.MonthIndex, p.Indicators)));
            return TypedResults.File(CultureCsv.Series(rows, withMonthIndex: alignment != AlignCalendar), "text/csv; charset=utf-8",
                $"{id}-series-{alignment}.csv");
        }
        return TypedResults.Ok(series);
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

    /// <summary>A day (its last instant, UTC) or a date-time with an offset, from 1900 on.</summary>
    private static PointInTime? ParseInstant(string value)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day.Year >= 1900 ? new PointInTime(Months.EndOfDay(day), day) : null;
        }
        return OffsetDateTimeConverter.TryParse(value, out var instant) && instant.Year >= 1900
            ? new PointInTime(instant, null)
            : null;
    }

    /// <summary>The instant asked for, and the day when a whole day was asked for (today's is not in the future).</summary>
    private readonly record struct PointInTime(DateTimeOffset Instant, DateOnly? Day)
    {
        public bool IsFuture(DateTimeOffset now) => Day is { } day
            ? day > DateOnly.FromDateTime(now.UtcDateTime)
            : Instant > now + Limits.ClockSkew;
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
}
