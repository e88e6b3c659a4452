using System.Globalization;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Demo;

/// <summary>
/// One command of the demo story: an event proposed to one aggregate, under a fixed command id so that sending it
/// again is answered from the record of the first time.
/// </summary>
/// <param name="CommandId">The fixed idempotency key, <c>demo-0001</c> and on, in story order.</param>
/// <param name="AggregateId">The school's, teacher's, initiative's or network's id.</param>
/// <param name="Event">The proposed event, with its <see cref="DomainEvent.OccurredAt"/> set.</param>
public sealed record DemoStep(string CommandId, string AggregateId, DomainEvent Event)
{
    /// <summary>The kind of stream the event belongs to: school, teacher, initiative or network (see <see cref="StreamKeys"/>).</summary>
    public string Aggregate => EventCatalog.For(Event).Aggregate;

    public DateTimeOffset OccurredAt => Event.OccurredAt;

    public string StreamKey => StreamKeys.For(Aggregate, AggregateId);

    /// <summary>The event's kind as the public contract names it, e.g. <c>DecisionRecorded</c>.</summary>
    public string Kind => EventCatalog.For(Event.GetType()).Kind;

    /// <summary>What the step does, for logs and failures: <c>demo-0042 2021-10-05 school/maple-grove-elementary DecisionRecorded</c>.</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture, $"{CommandId} {OccurredAt:yyyy-MM-dd} {StreamKey} {Kind}");

    /// <summary>Sends the event to its grain, and has its follow-ups recorded before the next step.</summary>
    public Task<CommandOutcome> Send(IGrainFactory grains, CommandContext context) => grains.RecordAsync(AggregateId, context, Event);

    public override string ToString() => Description;
}
