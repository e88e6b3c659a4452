using System.Text.Json;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.ReadModels;

namespace LearningOrg.Api.Contracts;

/// <summary>A page of a school's timeline.</summary>
/// <param name="Total">How many entries match the filters, on all pages.</param>
/// <param name="Pages">How many pages of <paramref name="PageSize"/> entries that makes.</param>
/// <param name="HasNextPage">Whether a page follows this one.</param>
public sealed record TimelineResponse(
    string SchoolId,
    int Page,
    int PageSize,
    long Total,
    long Pages,
    bool HasNextPage,
    IReadOnlyList<TimelineItem> Entries);

/// <summary>One event on a school's timeline.</summary>
/// <param name="StreamId">The stream it was recorded in: the school's, a teacher's, an initiative's or a network's.</param>
/// <param name="Kind">The event type without its version, as the kind filter takes it.</param>
/// <param name="Persons">The teachers it involves.</param>
/// <param name="Summary">What happened, in one sentence.</param>
/// <param name="Data">The event's fields as stored (see /api/event-types).</param>
public sealed record TimelineItem(
    Guid EventId,
    [property: Pseudonymized(PseudonymizedAs.StreamKey)] string StreamId,
    string Aggregate,
    long Version,
    string Type,
    string Kind,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    [property: Pseudonymized(PseudonymizedAs.User)] string? RecordedBy,
    [property: TeacherReference] IReadOnlyList<string> Persons,
    [property: Pseudonymized(PseudonymizedAs.EventSummary)] string Summary,
    JsonElement Data)
{
    public static TimelineItem From(TimelineEntry e) =>
        new(e.EventId, e.StreamId, e.Aggregate, e.Version, e.Type, e.Kind, e.OccurredAt, e.RecordedAt, e.RecordedBy, e.Persons, e.Summary, e.Data);
}

/// <summary>A school's breaking-ranks episodes.</summary>
public sealed record EpisodesResponse(string SchoolId, IReadOnlyList<EpisodeItem> Episodes);

/// <summary>A breaking-ranks episode as a span, from its opening to its resolution.</summary>
/// <param name="Status"><c>open</c> or <c>resolved</c>.</param>
/// <param name="Escalations">Every change of its course, up or down, in order.</param>
/// <param name="HighestLevel">The highest level of irritation it reached.</param>
/// <param name="Act">What the teacher leader did.</param>
/// <param name="Level">Where its course is now.</param>
/// <param name="DaysOpen">Whole days from opening to resolution, or to now while open.</param>
public sealed record EpisodeItem(
    string EpisodeId,
    [property: TeacherReference] string TeacherId,
    string Description,
    string Status,
    DateTimeOffset OpenedAt,
    BreakingRanksLevel OpeningLevel,
    IReadOnlyList<EpisodeEscalation> Escalations,
    BreakingRanksLevel HighestLevel,
    DateTimeOffset? ResolvedAt,
    EpisodeOutcome? Outcome,
    string? ResolutionNote,
    int DaysOpen,
    BreakingRanksAct Act,
    BreakingRanksLevel Level,
    IReadOnlyList<EpisodeReaction> Reactions,
    IReadOnlyList<EpisodeSupport> Supports)
{
    public static EpisodeItem From(EpisodeSpan span, DateTimeOffset now) =>
        new(span.EpisodeId, span.TeacherId, span.Description, span.ResolvedAt is null ? "open" : "resolved", span.OpenedAt,
            span.OpeningLevel, span.Escalations, span.HighestLevel, span.ResolvedAt, span.Outcome, span.ResolutionNote, span.DaysOpen(now),
            span.Act, span.Level, span.Reactions ?? [], span.Supports ?? []);
}
