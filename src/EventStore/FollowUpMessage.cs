using System.Text.Json;
using System.Text.Json.Serialization;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;

namespace LearningOrg.EventStore;

/// <summary>
/// A follow-up waiting for its aggregate (the outbox): written in the transaction of the event that causes it, and
/// deleted in the transaction that records it on its target, so it is recorded there once, or is still waiting.
/// </summary>
/// <param name="Id">The follow-up's command id (see <see cref="IdFor"/>), its idempotency key on the target.</param>
/// <param name="Target">The stream that is to record it.</param>
/// <param name="Source">The stream whose event caused it.</param>
/// <param name="SourceVersion">
/// The source stream's version after the append that caused it. A target records the follow-ups of one source in this
/// order, so that a departure never overtakes the arrival before it.
/// </param>
/// <param name="Position">Its place among the follow-ups of that append.</param>
/// <param name="EventType">The event's contract name, e.g. <c>RoleTaken.v1</c>.</param>
/// <param name="Data">The event, as JSON.</param>
/// <param name="RecordedBy">Who entered the command that caused it; recorded as the follow-up's user name too.</param>
/// <param name="CorrelationId">The trace of the request that sent the cause.</param>
public sealed record FollowUpMessage(
    string Id,
    string Target,
    string Source,
    long SourceVersion,
    int Position,
    string EventType,
    JsonElement Data,
    string RecordedBy,
    string? CorrelationId,
    DateTimeOffset CreatedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// A follow-up's command id: its cause's, then "/" and its step (<c>{id}/join</c>). A cause that recorded several
    /// events numbers its follow-ups by event (<c>{id}/0/teacher</c>); a command of one event keeps the short form.
    /// </summary>
    public static string IdFor(string commandId, string step, int eventIndex, int eventCount) =>
        eventCount == 1 ? $"{commandId}/{step}" : $"{commandId}/{eventIndex}/{step}";

    /// <summary>The stream that records <paramref name="followUp"/>: its target, of the event's own aggregate kind.</summary>
    public static string TargetOf(FollowUp followUp) => StreamKeys.For(EventCatalog.For(followUp.Event.GetType()).Aggregate, followUp.TargetId);

    public static FollowUpMessage For(string id, string source, long sourceVersion, int position, FollowUp followUp,
        string recordedBy, string? correlationId, DateTimeOffset createdAt)
    {
        var type = EventCatalog.For(followUp.Event.GetType());
        return new FollowUpMessage(id, TargetOf(followUp), source, sourceVersion, position, type.Name,
            JsonSerializer.SerializeToElement(followUp.Event, type.ClrType, Json), recordedBy, correlationId, createdAt);
    }

    public DomainEvent ToEvent() =>
        (DomainEvent)(Data.Deserialize((EventCatalog.Find(EventType) ?? throw new InvalidOperationException($"{EventType} is not an event type.")).ClrType, Json)
            ?? throw new InvalidOperationException($"Follow-up {Id} holds no event."));
}
