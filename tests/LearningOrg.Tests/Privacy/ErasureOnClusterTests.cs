using LearningOrg.EventStore.Privacy;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Research.Privacy;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

namespace LearningOrg.Tests.Privacy;

/// <summary>Two silos; the test chooses where grains are activated (<see cref="ChosenSilos"/>).</summary>
public sealed class TwoSiloClusterFixture : ClusterFixture
{
    protected override short Silos => 2;

    protected override void ConfigureCluster(TestClusterBuilder builder) => ChosenSilos.UseIn(builder);
}

/// <summary>An erasure reaches the live activations of the masked streams, on whichever silo of the cluster they are.</summary>
public sealed class ErasureOnClusterTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    private const int TeachersPerSilo = 2;

    [Fact]
    public async Task Activations_on_every_silo_forget_the_erased_names()
    {
        await cluster.WaitUntilSilosKnowEachOtherAsync();
        var silos = cluster.Cluster.GetActiveSilos().Select(s => s.SiloAddress).ToList();
        Assert.Equal(2, silos.Count);
        // Each teacher's activation on a silo chosen in turn, so that every silo holds some.
        var teachers = Enumerable.Range(0, TeachersPerSilo * silos.Count).ToDictionary(
            i => $"t-{Guid.NewGuid():N}"[..14],
            i => (Name: $"Wilhelmina Erasable{string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5))}", Silo: silos[i % silos.Count]));
        ChosenSilos.Choose(cluster.Schema, grain => teachers.TryGetValue(grain.Key.ToString()!, out var teacher) ? teacher.Silo : null);

        var school = $"s-{Guid.NewGuid():N}"[..14];
        await cluster.Grains.RegisteredSchool(school);
        foreach (var (id, teacher) in teachers)
        {
            await Given.Accepted(cluster.Grains.RecordAsync(id, Given.Command(), Given.Teacher(teacher.Name, school)));
        }
        await AssertEachTeacherIsActiveOnItsSilo();

        var erasure = new TeacherErasure(cluster.Store, cluster.Grains, TimeProvider.System, NullLogger<TeacherErasure>.Instance);
        foreach (var id in teachers.Keys)
        {
            Assert.NotNull(await erasure.EraseAsync(id, "privacy-tests", CancellationToken.None));
        }

        // The activations that knew the names are the ones that answer now.
        await AssertEachTeacherIsActiveOnItsSilo();
        foreach (var id in teachers.Keys)
        {
            var view = await cluster.Grains.GetGrain<ITeacherGrain>(id).GetState();
            Assert.Equal(PersonalDataRedactor.Erased, view!.State.Name);
        }

        async Task AssertEachTeacherIsActiveOnItsSilo()
        {
            foreach (var silo in silos)
            {
                var placedThere = teachers.Where(t => t.Value.Silo.Equals(silo)).Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
                var active = await cluster.KeysActiveOn(silo, teachers.Keys);
                Assert.True(placedThere.SetEquals(active), $"{silo} holds {string.Join(", ", active)}; expected {string.Join(", ", placedThere)}.");
            }
        }
    }
}
