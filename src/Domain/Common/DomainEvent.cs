namespace LearningOrg.Domain.Common;

/// <summary>
/// Something that happened in a school, to a teacher, in an initiative or in a network.
/// <see cref="OccurredAt"/> is when it happened in the world (valid time): histories are often entered afterwards,
/// so it may lie in the past. When the store took the event, who recorded it and which command produced it are
/// kept by the store beside the event (see <c>EventEnvelope</c>), not in it.
/// </summary>
[GenerateSerializer]
public abstract record DomainEvent
{
    /// <summary>When it happened in the school. Left unset by a caller, it means "now".</summary>
    [Id(0)]
    public DateTimeOffset OccurredAt { get; init; }
}
