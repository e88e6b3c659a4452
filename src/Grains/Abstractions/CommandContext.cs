namespace LearningOrg.Grains.Abstractions;

/// <summary>What a command carries besides its event.</summary>
/// <param name="CommandId">The caller's idempotency key: the same id twice records the events once and gives the same answer.</param>
/// <param name="RecordedBy">Who entered it.</param>
/// <param name="ExpectedVersion">When set (HTTP If-Match), the command applies only to this version of the stream.</param>
[GenerateSerializer, Immutable, Alias("CommandContext")]
public sealed record CommandContext(
    [property: Id(0)] string CommandId,
    [property: Id(1)] string RecordedBy,
    [property: Id(2)] long? ExpectedVersion = null)
{
    public const int MaxCommandIdLength = 128;
}
