using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;

namespace LearningOrg.Tests.Grains;

/// <summary>Each state type carries its own snapshot format, so raising one invalidates only that state's snapshots.</summary>
public sealed class SnapshotFormatTests
{
    [SnapshotFormat(7)]
    private sealed record RaisedState(int Value);

    [SnapshotFormat(2)]
    private sealed record UnchangedState(int Value);

    private sealed record UnmarkedState(int Value);

    [Fact]
    public void A_snapshot_is_current_only_at_its_own_state_types_format()
    {
        Assert.Equal(7, Snapshot<RaisedState>.CurrentFormat);
        Assert.Equal(2, Snapshot<UnchangedState>.CurrentFormat);

        Assert.True(new Snapshot<UnchangedState>("unchanged/1", 100, 2, new UnchangedState(1)).IsCurrent);
        Assert.False(new Snapshot<RaisedState>("raised/1", 100, 2, new RaisedState(1)).IsCurrent);
        Assert.True(new Snapshot<RaisedState>("raised/1", 100, 7, new RaisedState(1)).IsCurrent);
    }

    [Fact]
    public void Every_snapshotted_state_declares_a_format()
    {
        Assert.All(
            [Snapshot<SchoolState>.CurrentFormat, Snapshot<TeacherState>.CurrentFormat, Snapshot<InitiativeState>.CurrentFormat, Snapshot<NetworkState>.CurrentFormat],
            format => Assert.True(format > 0));
    }

    [Fact]
    public void A_state_without_a_declared_format_cannot_be_snapshotted()
    {
        var thrown = Assert.Throws<TypeInitializationException>(() => Snapshot<UnmarkedState>.CurrentFormat);
        Assert.Contains(nameof(UnmarkedState), thrown.InnerException!.Message, StringComparison.Ordinal);
    }
}
