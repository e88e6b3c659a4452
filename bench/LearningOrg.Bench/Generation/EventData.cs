using System.Text;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using Marten;

namespace LearningOrg.Bench.Generation;

/// <summary>Turns a generated event's JSON back into its event record, with the store's own serializer.</summary>
public static class EventData
{
    public static DomainEvent ToEvent(this TemplateEvent e, ISerializer serializer)
    {
        var type = EventCatalog.Find(e.Type)?.ClrType
            ?? throw new InvalidOperationException($"{e.Type} is not an event type of the public contract.");
        using var json = new MemoryStream(Encoding.UTF8.GetBytes(e.Data.ToJsonString()));
        return (DomainEvent)serializer.FromJson(type, json);
    }
}
