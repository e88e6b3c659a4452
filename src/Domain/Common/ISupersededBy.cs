namespace LearningOrg.Domain.Common;

/// <summary>
/// An older version of an event, kept so that stored events and old exports still read: it is read as its newer
/// version <typeparamref name="TNext"/> everywhere (the store upcasts it on read, the importer on import), and no
/// command records it any more.
/// </summary>
public interface ISupersededBy<out TNext>
    where TNext : DomainEvent
{
    /// <summary>The same event in the newer version's shape, with the same <see cref="DomainEvent.OccurredAt"/>.</summary>
    TNext Upcast();
}
