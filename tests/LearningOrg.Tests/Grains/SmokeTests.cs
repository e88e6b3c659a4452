using LearningOrg.Domain.Schools;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Grains;

public sealed class SmokeTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Registering_a_school_then_recording_a_change_versions_the_stream()
    {
        var school = fixture.Grains.GetGrain<ISchoolGrain>("lincoln");
        var first = await school.Record(new CommandContext("c1", "test"), new SchoolRegistered("Lincoln", "North", 40) { OccurredAt = DateTimeOffset.UtcNow.AddYears(-1) });
        Assert.True(first.IsAccepted, first.Violation?.Message);
        var second = await school.Record(new CommandContext("c2", "test"), new StaffCountChanged(42));
        Assert.True(second.IsAccepted, second.Violation?.Message);
        Assert.Equal(2, second.Version);
        var view = await school.GetState();
        Assert.Equal(42, view!.State.StaffCount);
    }
}
