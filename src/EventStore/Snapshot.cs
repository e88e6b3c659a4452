using System.Reflection;
using System.Text.Json.Serialization;
using LearningOrg.Domain.Common;

namespace LearningOrg.EventStore;

/// <summary>
/// An aggregate's folded state at a stream version, so that activation replays only the tail after it.
/// A snapshot whose <see cref="Format"/> differs from <see cref="CurrentFormat"/>, the <see cref="SnapshotFormatAttribute"/>
/// of its own state type, is ignored and the stream replayed in full.
/// </summary>
public sealed record Snapshot<TState>(string Id, long Version, int Format, TState State)
    where TState : class
{
    public static int CurrentFormat { get; } = typeof(TState).GetCustomAttribute<SnapshotFormatAttribute>()?.Format
        ?? throw new InvalidOperationException($"{typeof(TState).Name} is snapshotted but declares no [SnapshotFormat].");

    /// <summary>Whether this snapshot was written in its state's current format, so it can be trusted.</summary>
    [JsonIgnore]
    public bool IsCurrent => Format == CurrentFormat;
}
