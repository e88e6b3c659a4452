using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.Persistence;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace LearningOrg.Tests.Faults;

/// <summary>Three silos on the real PostgreSQL, so that one can die while the others carry on.</summary>
public sealed class ThreeSiloClusterFixture : ClusterFixture
{
    /// <summary>
    /// Deploys the primary, then the two others one at a time: silos starting together on a fresh schema wait on
    /// Marten's migration lock, and on a busy machine one of them gives up.
    /// </summary>
    public async Task StartAsync()
    {
        await InitializeAsync();
        await Cluster.StartAdditionalSiloAsync();
        await Cluster.StartAdditionalSiloAsync();
    }
}

/// <summary>
/// A silo dies (or leaves) while concurrent callers send a stream of commands over many schools and teachers. Every
/// command answered with success is in the store exactly once, at the version it was told; every other one, retried
/// with its own command id, lands exactly once; the grains that lived on the lost silo serve their whole history.
/// </summary>
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StreamTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RetryTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public Task A_silo_killed_during_a_stream_of_commands_loses_nothing_and_duplicates_nothing() =>
        RunWithLostSilo((cluster, silo) => cluster.KillSiloAsync(silo));

    [Fact]
    public Task A_silo_stopped_gracefully_during_a_stream_of_commands_loses_nothing_and_duplicates_nothing() =>
        RunWithLostSilo((cluster, silo) => cluster.StopSiloAsync(silo));

    private async Task RunWithLostSilo(Func<TestCluster, SiloHandle, Task> loseSilo)
    {
        var fixture = new ThreeSiloClusterFixture();
        await fixture.StartAsync();
        try
        {
            var workload = new Workload("silo", schools: 9, callers: 6, commandsPerCaller: 30);
            Send send = command => SendToGrain(fixture.Grains, command);
            await workload.SetUpAsync(send);

            var stream = workload.RunAsync(send);
            await workload.WaitForAnswersAsync(workload.StreamCommands / 3, StreamTimeout);
            Assert.Equal(3, fixture.Cluster.GetActiveSilos().Count());
            var (victim, activations) = await BusiestSecondarySilo(fixture);
            await loseSilo(fixture.Cluster, victim);
            await stream.WaitAsync(StreamTimeout);

            var firstFailures = workload.FirstAnswers.Values.OfType<Answer.Failed>().ToList();
            output.WriteLine($"{victim.SiloAddress} went away holding {activations} LearningOrg activations; " +
                $"{firstFailures.Count} of {workload.StreamCommands} commands failed on their first attempt.");
            foreach (var reason in firstFailures.Select(f => f.Reason).Distinct().Take(5))
            {
                output.WriteLine("  " + reason);
            }
            // The silo held grains of this workload, so their state had to come back from the store elsewhere.
            Assert.True(activations > 0, "The silo that went away held none of the workload's grains; the test proved nothing.");
            Assert.Empty(workload.FirstAnswers.Values.OfType<Answer.Refused>());

            var unacknowledged = await workload.RetryUnacknowledgedAsync(send, RetryTimeout);

            Assert.True(unacknowledged.Count == 0, "Still failing after retries: " +
                string.Join("; ", unacknowledged.Take(5).Select(p => $"{p.Command.CommandId}: {p.Last}")));
            await StoreAudit.AssertExactlyOnceAsync(fixture.Store, [.. workload.All], workload.Acknowledged);
            await AssertGrainsServeTheirStoredHistory(fixture, workload);
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }

    /// <summary>Every school and teacher answers with the fold of its stored events, at the stored version.</summary>
    private static async Task AssertGrainsServeTheirStoredHistory(ClusterFixture fixture, Workload workload)
    {
        foreach (var key in workload.All.Select(c => c.StreamKey).Distinct())
        {
            var (kind, id) = StreamKeys.Parse(key);
            var stored = await fixture.Store.StreamAsync(key);
            if (kind == StreamKeys.School)
            {
                var view = await fixture.Grains.GetGrain<ISchoolGrain>(id).GetState();
                Assert.Equal(stored.Count, view!.Version);
                var folded = Aggregate.Fold<School, SchoolState, SchoolEvent>(null, stored.Select(e => (SchoolEvent)e.Data));
                Assert.Equal(Given.CanonicalJson(folded), Given.CanonicalJson(view.State));
            }
            else
            {
                var view = await fixture.Grains.GetGrain<ITeacherGrain>(id).GetState();
                Assert.Equal(stored.Count, view!.Version);
                var folded = Aggregate.Fold<Teacher, TeacherState, TeacherEvent>(null, stored.Select(e => (TeacherEvent)e.Data));
                Assert.Equal(Given.CanonicalJson(folded), Given.CanonicalJson(view.State));
            }
        }
    }

    /// <summary>
    /// The secondary silo holding the most of the workload's grains (the primary keeps the test cluster's membership).
    /// </summary>
    private static async Task<(SiloHandle Silo, int Activations)> BusiestSecondarySilo(ClusterFixture fixture)
    {
        var statistics = await fixture.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return fixture.Cluster.SecondarySilos
            .Select(silo => (Silo: silo, Activations: statistics
                .Where(s => s.SiloAddress.Equals(silo.SiloAddress) && s.GrainType.Contains("LearningOrg", StringComparison.Ordinal))
                .Sum(s => s.ActivationCount)))
            .MaxBy(s => s.Activations);
    }

    private static async Task<Answer> SendToGrain(IGrainFactory grains, PlannedCommand command)
    {
        var context = new CommandContext(command.CommandId, "fault-tests");
        var outcome = await grains.RecordAsync(command.AggregateId, context, command.Event);
        return outcome.IsAccepted
            ? new Answer.Accepted(outcome.Version, outcome.Replayed)
            : new Answer.Refused(outcome.Violation!.Code, outcome.Violation.Message);
    }
}
