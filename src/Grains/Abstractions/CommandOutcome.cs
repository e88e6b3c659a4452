using System.Collections.Immutable;
using LearningOrg.Domain.Common;

namespace LearningOrg.Grains.Abstractions;

/// <summary>The answer to a command: the stream's version after it, or the rule it broke.</summary>
/// <param name="OccurredAt">When the recorded event happened (the command's, or "now" when it gave none).</param>
/// <param name="Replayed">True when the command id had been seen before and this is the original answer again.</param>
[GenerateSerializer, Immutable, Alias("CommandOutcome")]
public sealed record CommandOutcome(
    [property: Id(0)] string StreamId,
    [property: Id(1)] long Version,
    [property: Id(2)] int EventsAppended,
    [property: Id(3)] DateTimeOffset? OccurredAt,
    [property: Id(4)] bool Replayed,
    [property: Id(5)] RuleViolation? Violation)
{
    /// <summary>
    /// The streams the command sent follow-ups to (<see cref="IFollowUpRecipient"/>), which may still be waiting there:
    /// <see cref="CommandDispatch.RecordAsync"/> has them recorded before it answers.
    /// </summary>
    [Id(6)]
    public ImmutableArray<string> FollowUpTargets { get; init; } = [];

    public bool IsAccepted => Violation is null;

    public static CommandOutcome Accepted(string streamId, long version, int events, DateTimeOffset occurredAt, bool replayed = false) =>
        new(streamId, version, events, occurredAt, replayed, null);

    public static CommandOutcome Rejected(string streamId, long version, RuleViolation violation) => new(streamId, version, 0, null, false, violation);
}
