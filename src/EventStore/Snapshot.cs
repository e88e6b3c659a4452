namespace LearningOrg.EventStore;

/// <summary>
/// An aggregate's folded state at a stream version, so that activation replays only the tail after it.
/// A snapshot whose <see cref="Format"/> differs from <see cref="CurrentFormat"/> is ignored and the stream
/// replayed in full: raise it whenever a state record changes shape.
/// </summary>
public sealed record Snapshot<TState>(string Id, long Version, int Format, TState State)
    where TState : class
{
    public const int CurrentFormat = 3;
}
