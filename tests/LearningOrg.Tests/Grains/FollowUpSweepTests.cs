using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;

namespace LearningOrg.Tests.Grains;

/// <summary>The silo's sweep, running on its own, records the follow-ups nobody asked for.</summary>
public sealed class FollowUpSweepTests(SweepingClusterFixture fixture) : IClassFixture<SweepingClusterFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_follow_up_left_in_the_outbox_is_recorded_by_the_sweep_without_any_call()
    {
        await fixture.Grains.StaffedSchool("unattended-school", "unattended", "coach", "Coach");
        var id = Given.NewCommandId();

        // The grain alone: its caller never asks the teacher to record the follow-up.
        await Given.Accepted(fixture.Grains.GetGrain<ISchoolGrain>("unattended-school")
            .Record(Given.Command(id), new RoleAssigned("coach", "unattended") { OccurredAt = Given.Past.AddDays(9) }));

        using var deadline = new CancellationTokenSource(Deadline);
        while (await fixture.Store.WaitingFollowUpAsync($"{id}/teacher") is not null)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
        }
        Assert.Single((await fixture.Store.EventsAsync<TeacherEvent>("teacher/unattended")).OfType<RoleTaken>());
        Assert.Equal("coach", Assert.Single((await fixture.Grains.GetGrain<ITeacherGrain>("unattended").GetState())!.State.Roles.Values).RoleId);
    }
}

/// <summary>A cluster whose follow-up sweep runs several times a second and takes every waiting follow-up.</summary>
public sealed class SweepingClusterFixture : ClusterFixture
{
    protected override void ConfigureCluster(TestClusterBuilder builder) =>
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUps:SweepInterval"] = TimeSpan.FromMilliseconds(200).ToString(),
            ["FollowUps:SweepAfter"] = TimeSpan.Zero.ToString(),
        }));
}
