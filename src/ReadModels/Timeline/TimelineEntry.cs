using System.Text.Json;

namespace LearningOrg.ReadModels;

/// <summary>
/// One event as it appears on one school's timeline. An event that concerns several schools (a teacher's move)
/// has one entry per school, each with the id "{schoolId}/{eventId}".
/// </summary>
/// <param name="StreamId">The stream the event belongs to, e.g. <c>teacher/t-mg-01</c>.</param>
/// <param name="Aggregate">The kind of that stream: school, teacher, initiative or network.</param>
/// <param name="Type">The contract name, e.g. <c>DecisionRecorded.v1</c>.</param>
/// <param name="Kind">The contract name without its version, e.g. <c>DecisionRecorded</c>.</param>
/// <param name="Persons">The teachers the event involves: a teacher stream's teacher, teacherId fields, participants.</param>
/// <param name="Summary">A short sentence for a person to read.</param>
/// <param name="Data">The event as stored: camelCase, enums by name.</param>
public sealed record TimelineEntry(
    string Id,
    string SchoolId,
    Guid EventId,
    string StreamId,
    string Aggregate,
    long Version,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    string? RecordedBy,
    string Type,
    string Kind,
    string[] Persons,
    string Summary,
    JsonElement Data)
{
    public static string IdFor(string schoolId, Guid eventId) => $"{schoolId}/{eventId:N}";
}
