namespace LearningOrg.Grains.Abstractions;

/// <summary>An aggregate's state with the stream version it reflects (the HTTP ETag).</summary>
[GenerateSerializer, Immutable, Alias("AggregateView`1")]
public sealed record AggregateView<TState>(
    [property: Id(0)] string Id,
    [property: Id(1)] long Version,
    [property: Id(2)] TState State)
    where TState : class;
