namespace LearningOrg.Domain.Common;

/// <summary>
/// What the event records, in a sentence: the codebook, <c>docs/events.md</c> and <c>/api/event-types</c> readers see it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class MeaningAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>
/// A caller records the event with its own POST command: <c>/api/{kind}s/{id}/{route}</c>, or <c>/api/{kind}s/{id}</c>
/// for the command that begins the stream (<see cref="Creation"/>). Whoever may write the aggregate may send it; the
/// creation command needs the right to create one. An event without it is recorded only as a follow-up
/// (<see cref="FollowUpOnlyAttribute"/>).
/// </summary>
/// <param name="route">The route's last segment, a lower-case slug, or <see cref="Creation"/>.</param>
/// <param name="summary">The operation's summary in the OpenAPI document, an imperative ("Record ...").</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CommandAttribute(string route, string summary) : Attribute
{
    /// <summary>The route of the command that begins the stream: POST on the aggregate's id itself.</summary>
    public const string Creation = "";

    public string Route { get; } = route;

    public string Summary { get; } = summary;

    public bool Creates => Route == Creation;
}

/// <summary>
/// The field holds the id of another aggregate whose stream recording the event reads or writes: a school it checks,
/// a teacher it sends a follow-up to. Imports wait for that stream's earlier lines, and the event shows on the
/// timeline of a school it names this way.
/// </summary>
/// <param name="aggregate">The other aggregate's kind (<see cref="AggregateKind"/>).</param>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false)]
public sealed class TouchesAttribute(string aggregate) : Attribute
{
    public string Aggregate { get; } = aggregate;
}

/// <summary>An aggregate's fold met an event it has no case for: the event belongs to another aggregate, or its case is missing.</summary>
public sealed class UnhandledEventException(string aggregate, DomainEvent @event)
    : InvalidOperationException($"The {aggregate} has no Apply case for {@event.GetType().Name}.");
