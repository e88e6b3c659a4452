namespace LearningOrg.Domain.Common;

/// <summary>
/// The shape of an aggregate state as stored in snapshots. Raise it whenever the state record (or a record inside it)
/// changes shape: the stored snapshots of this state are then ignored and their streams replayed, while the other
/// states' snapshots stay valid.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SnapshotFormatAttribute(int format) : Attribute
{
    public int Format { get; } = format;
}
