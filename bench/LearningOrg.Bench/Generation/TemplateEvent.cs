using System.Text.Json.Nodes;
using LearningOrg.EventStore;

namespace LearningOrg.Bench.Generation;

/// <summary>One recorded event of the demo story, or of a scaled copy of it, as the store holds it.</summary>
/// <param name="StreamKey">"{aggregate}/{id}", as <see cref="StreamKeys"/> makes it.</param>
/// <param name="Type">The public contract's name, e.g. <c>DecisionRecorded.v1</c>.</param>
/// <param name="Data">The event's JSON as Marten stores it (camelCase, enums by name).</param>
/// <param name="CommandId">The id of the command that appended it: a demo step's, or a follow-up's ("…/join").</param>
public sealed record TemplateEvent(
    Guid EventId,
    string StreamKey,
    long Version,
    string Type,
    DateTimeOffset OccurredAt,
    string? RecordedBy,
    string? CommandId,
    JsonObject Data)
{
    public string Aggregate => StreamKeys.Parse(StreamKey).Aggregate;

    public string AggregateId => StreamKeys.Parse(StreamKey).Id;
}
