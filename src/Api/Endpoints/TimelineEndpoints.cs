using System.Collections.Frozen;
using System.Globalization;
using LearningOrg.Api.Contracts;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// GET /api/schools/{id}/timeline and /episodes: everything that happened in a school, read from the inline
/// projections (<see cref="TimelineProjection"/>, <see cref="EpisodeSpanProjection"/>), so a write is on them at once.
/// </summary>
public static class TimelineEndpoints
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;

    private static readonly FrozenSet<string> Kinds = EventCatalog.All.Select(t => t.Kind).ToFrozenSet(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapTimelines(this IEndpointRouteBuilder app)
    {
        var schools = app.MapGroup("/api/schools").WithTags("Timelines")
            .RequireAuthorization(Policies.ReadSchool)
            .AddEndpointFilterFactory(PseudonymizedReads.For(StreamKeys.School));

        schools.MapGet("/{id}/timeline", async Task<Results<Ok<TimelineResponse>, ProblemHttpResult>> (
                string id,
                [FromQuery] string[]? kind,
                string? person,
                string? from,
                string? to,
                string? page,
                string? pageSize,
                IDocumentStore store,
                CancellationToken cancellationToken) =>
            {
                var kinds = (kind ?? []).SelectMany(k => k.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    .Distinct(StringComparer.Ordinal).ToList();
                var problem = (Check.Id(id, "id") is { } badId ? Problems.For(badId) : null)
                    ?? (kinds.FirstOrDefault(k => !Kinds.Contains(k)) is { } unknown
                        ? Problems.Invalid("kind", $"kind {Cut(unknown)} is not an event kind; use a name from /api/event-types without its version, e.g. DecisionRecorded.")
                        : null)
                    ?? (person is not null && Check.Id(person, "person") is { } badPerson ? Problems.For(badPerson) : null);
                if (problem is not null)
                {
                    return problem;
                }
                if (!TryDate(from, "from", out var fromDate, out problem) || !TryDate(to, "to", out var toDate, out problem)
                    || !TryInt(page, "page", 1, 1, TimelineQuery.MaxPage, out var pageNumber, out problem)
                    || !TryInt(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, out var size, out problem))
                {
                    return problem!;
                }
                if (fromDate > toDate)
                {
                    return Problems.Invalid("from", $"from ({fromDate:O}) lies after to ({toDate:O}).");
                }

                await using var session = store.QuerySession();
                if (!await session.SchoolExistsAsync(id, cancellationToken))
                {
                    return Problems.NotFound($"No school {id} has been recorded.");
                }
                var result = await session.TimelineAsync(new TimelineQuery(id, kinds, person, fromDate, toDate, pageNumber, size), cancellationToken);
                var pages = (result.Total + size - 1) / size;
                return TypedResults.Ok(new TimelineResponse(id, pageNumber, size, result.Total, pages, pageNumber < pages,
                    [.. result.Entries.Select(TimelineItem.From)]));
            })
            .WithName("school-timeline")
            .WithSummary("Everything that happened in the school, in occurredAt order: its own events, its teachers' events while on its staff, initiatives' enrolments and interventions in it, and its network memberships")
            .WithDescription("Filters: kind (repeatable or comma-separated, an event type without its version, e.g. DecisionRecorded), person (a teacher id), " +
                "from (inclusive) and to (exclusive), each a date (2022-01-01, midnight UTC) or a date-time. " +
                $"Paged: page from 1, pageSize 1 to {MaxPageSize} (default {DefaultPageSize}). Equal occurredAt are in recording order.");

        schools.MapGet("/{id}/episodes", async Task<Results<Ok<EpisodesResponse>, ProblemHttpResult>> (
                string id, string? status, IDocumentStore store, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                if (Check.Id(id, "id") is { } badId)
                {
                    return Problems.For(badId);
                }
                if (status is not (null or "open" or "resolved"))
                {
                    return Problems.Invalid("status", "status must be open or resolved (or left out for both).");
                }
                bool? open = status is null ? null : status == "open";
                await using var session = store.QuerySession();
                if (!await session.SchoolExistsAsync(id, cancellationToken))
                {
                    return Problems.NotFound($"No school {id} has been recorded.");
                }
                var spans = await session.EpisodesAsync(id, open, cancellationToken);
                var now = clock.GetUtcNow();
                return TypedResults.Ok(new EpisodesResponse(id, [.. spans.Select(s => EpisodeItem.From(s, now))]));
            })
            .WithName("school-episodes")
            .WithSummary("The school's breaking-ranks episodes as spans: opening, each escalation, resolution, days open, highest level reached and outcome")
            .WithDescription("status=open or status=resolved narrows the list; in the order the episodes opened. daysOpen counts whole days to the resolution, or to now while open.");
        return app;
    }

    private static bool TryDate(string? value, string field, out DateTimeOffset? date, out ProblemHttpResult? problem)
    {
        (date, problem) = (null, null);
        if (value is null)
        {
            return true;
        }
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            date = parsed;
            return true;
        }
        problem = Problems.Invalid(field, $"{field} must be a date (2022-01-01) or a date-time (2022-01-01T08:30:00Z).");
        return false;
    }

    private static bool TryInt(string? value, string field, int fallback, int min, int max, out int number, out ProblemHttpResult? problem)
    {
        (number, problem) = (fallback, null);
        if (value is null)
        {
            return true;
        }
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= min && number <= max)
        {
            return true;
        }
        problem = Problems.Invalid(field, $"{field} must be a whole number from {min} to {max}.");
        return false;
    }

    private static string Cut(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
