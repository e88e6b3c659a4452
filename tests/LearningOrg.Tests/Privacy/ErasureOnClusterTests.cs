using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.Privacy;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.Privacy;

public sealed class TwoSiloClusterFixture : ClusterFixture
{
    protected override short Silos => 2;
}

/// <summary>An erasure reaches the live activations of the masked streams, on whichever silo of the cluster they are.</summary>
public sealed class ErasureOnClusterTests(TwoSiloClusterFixture cluster) : IClassFixture<TwoSiloClusterFixture>
{
    private const int MaxTeachers = 40;

    [Fact]
    public async Task Activations_on_every_silo_forget_the_erased_names()
    {
        var school = $"s-{Guid.NewGuid():N}"[..14];
        await cluster.Grains.RegisteredSchool(school);
        // Teachers until their activations stand on both silos; placement decides where each goes.
        var teachers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (teachers.Count < MaxTeachers && (teachers.Count < 2 || await SilosHosting(teachers.Keys) < 2))
        {
            var id = $"t-{Guid.NewGuid():N}"[..14];
            var name = $"Wilhelmina Erasable{string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5))}";
            await Given.Accepted(cluster.Grains.RecordAsync(id, Given.Command(), Given.Teacher(name, school)));
            teachers[id] = name;
        }
        Assert.Equal(2, await SilosHosting(teachers.Keys));

        var erasure = new TeacherErasure(cluster.Store, cluster.Grains, TimeProvider.System, NullLogger<TeacherErasure>.Instance);
        foreach (var id in teachers.Keys)
        {
            Assert.NotNull(await erasure.EraseAsync(id, "privacy-tests", CancellationToken.None));
        }

        Assert.Equal(2, await SilosHosting(teachers.Keys));
        foreach (var id in teachers.Keys)
        {
            var view = await cluster.Grains.GetGrain<ITeacherGrain>(id).GetState();
            Assert.Equal(PersonalDataRedactor.Erased, view!.State.Name);
        }
    }

    /// <summary>How many silos hold an activation of one of these teachers.</summary>
    private async Task<int> SilosHosting(IEnumerable<string> teacherIds)
    {
        var ids = teacherIds.ToHashSet(StringComparer.Ordinal);
        var statistics = await cluster.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Where(s => ids.Contains(s.GrainId.Key.ToString())).Select(s => s.SiloAddress).Distinct().Count();
    }
}
