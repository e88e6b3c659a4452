using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace LearningOrg.Tests.Faults;

/// <summary>
/// Three silos on the real PostgreSQL, so that one can die while the others carry on; the test chooses where grains
/// are activated (<see cref="ChosenSilos"/>).
/// </summary>
public sealed class ThreeSiloClusterFixture : ClusterFixture
{
    protected override short Silos => 3;

    protected override void ConfigureCluster(TestClusterBuilder builder) => ChosenSilos.UseIn(builder);
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
        await fixture.InitializeAsync();
        try
        {
            await fixture.WaitUntilSilosKnowEachOtherAsync();
            Assert.Equal(3, fixture.Cluster.GetActiveSilos().Count());
            // A secondary silo: the primary keeps the test cluster's membership. Every grain goes to it while it lives.
            var victim = fixture.Cluster.SecondarySilos[0];
            ChosenSilos.Choose(fixture.Schema, _ => victim.SiloAddress);

            var workload = new Workload("silo", schools: 9, callers: 6, commandsPerCaller: 30);
            Send send = command => SendToGrain(fixture.Grains, command);
            await workload.SetUpAsync(send);

            var lossStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var stream = workload.RunAsync(send, secondHalfWaitsFor: lossStarted.Task);
            await workload.WaitForAnswersAsync(workload.StreamCommands / 3, StreamTimeout);
            var setUp = workload.Schools.Concat(workload.Teachers).ToHashSet(StringComparer.Ordinal);
            var held = await fixture.KeysActiveOn(victim.SiloAddress, setUp);
            // The silo holds the workload's grains, so their state has to come back from the store elsewhere.
            Assert.True(setUp.SetEquals(held), $"The silo to lose holds {held.Count} of the {setUp.Count} set-up grains; the test would prove nothing.");
            Assert.False(stream.IsCompleted, "The stream must still be running when the silo goes.");

            var answeredBeforeLoss = workload.Answered;
            var loss = loseSilo(fixture.Cluster, victim);
            lossStarted.SetResult();
            // Commands keep flowing while the silo goes: every caller's second half is sent from now on.
            await workload.WaitForAnswersAsync(answeredBeforeLoss + workload.Callers.Count + 1, StreamTimeout);
            await loss;
            await stream.WaitAsync(StreamTimeout);

            var firstFailures = workload.FirstAnswers.Values.OfType<Answer.Failed>().ToList();
            var sentDuringLoss = workload.SecondHalf.Select(c => workload.FirstAnswers[c.CommandId]).ToList();
            output.WriteLine($"{victim.SiloAddress} went away holding {held.Count} set-up grains; " +
                $"{firstFailures.Count} of {workload.StreamCommands} commands failed on their first attempt; " +
                $"of the {sentDuringLoss.Count} sent after the loss began, {sentDuringLoss.OfType<Answer.Accepted>().Count()} were accepted at once.");
            foreach (var reason in firstFailures.Select(f => f.Reason).Distinct().Take(5))
            {
                output.WriteLine("  " + reason);
            }
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

    private static async Task<Answer> SendToGrain(IGrainFactory grains, PlannedCommand command)
    {
        var context = new CommandContext(command.CommandId, "fault-tests");
        var outcome = await grains.RecordAsync(command.AggregateId, context, command.Event);
        return outcome.IsAccepted
            ? new Answer.Accepted(outcome.Version, outcome.Replayed)
            : new Answer.Refused(outcome.Violation!.Code, outcome.Violation.Message);
    }
}
