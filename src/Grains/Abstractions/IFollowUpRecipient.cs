using System.Collections.Immutable;

namespace LearningOrg.Grains.Abstractions;

/// <summary>
/// An aggregate that records follow-ups: the second halves of two-aggregate operations, which other aggregates' grains
/// write to the outbox with the events that cause them. A follow-up reaches its aggregate only this way, never as a
/// command.
/// </summary>
[Alias("IFollowUpRecipient")]
public interface IFollowUpRecipient : IGrainWithStringKey
{
    /// <summary>
    /// Records the follow-ups waiting for this aggregate in the outbox, each source's in the order it wrote them, each
    /// once however often this is called. Safe to call at any time by anyone: it takes nothing but what the outbox holds.
    /// </summary>
    [Alias("RecordWaitingFollowUps")]
    Task<FollowUpReceipt> RecordWaitingFollowUps();
}

/// <summary>What <see cref="IFollowUpRecipient.RecordWaitingFollowUps"/> did.</summary>
/// <param name="Recorded">Follow-ups taken off the outbox (recorded, or found already shown by the state).</param>
/// <param name="FollowUpTargets">Streams that now have follow-ups waiting because of what was recorded.</param>
/// <param name="More">Follow-ups were left waiting for a later call, to keep this one short.</param>
/// <param name="Refused">Why the rules refused a follow-up, which then stays waiting with the ones of its source after it; else null.</param>
[GenerateSerializer, Immutable, Alias("FollowUpReceipt")]
public sealed record FollowUpReceipt(
    [property: Id(0)] int Recorded,
    [property: Id(1)] ImmutableArray<string> FollowUpTargets,
    [property: Id(2)] bool More,
    [property: Id(3)] string? Refused);
