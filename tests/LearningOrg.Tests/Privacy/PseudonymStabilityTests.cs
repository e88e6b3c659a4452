using System.Text.RegularExpressions;
using LearningOrg.Tests.Infrastructure;
using LearningOrg.Tests.Research;

namespace LearningOrg.Tests.Privacy;

/// <summary>Pseudonyms are stable within a deployment (its key), differ under another key, and carry neither id nor name.</summary>
public sealed partial class PseudonymStabilityTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Two_api_instances_with_the_same_key_give_the_same_pseudonyms_and_another_key_gives_others()
    {
        var world = await new World(api).Build();
        var first = await api.ExportAsync($"?scope=school:{world.SchoolA}");

        await using var sameKey = await SecondApi.StartAsync(api.Schema);
        var again = await sameKey.ExportAsync($"?scope=school:{world.SchoolA}&upToSequence={first.Sequence}");
        await using var otherKey = await SecondApi.StartAsync(api.Schema, "another-deployment-key-0c4f");
        var other = await otherKey.ExportAsync($"?scope=school:{world.SchoolA}&upToSequence={first.Sequence}");

        Assert.Equal(first.Bytes, again.Bytes);
        var ours = Pseudonyms(first.Text);
        var theirs = Pseudonyms(other.Text);
        Assert.Equal(2, ours.Count); // teacher A and the mover were on school A's staff
        Assert.Equal(ours.Count, theirs.Count);
        Assert.Empty(ours.Intersect(theirs));
        Assert.Equal(first.Lines.Count, other.Lines.Count);
    }

    [Fact]
    public async Task A_pseudonym_contains_neither_the_teachers_id_nor_their_name()
    {
        var world = await new World(api).Build();
        var export = await api.ExportAsync($"?scope=school:{world.SchoolA}");

        foreach (var teacher in new[] { world.TeacherA, world.TeacherB, world.Mover })
        {
            Assert.DoesNotContain(teacher, export.Text, StringComparison.OrdinalIgnoreCase);
            foreach (var word in world.NameOf(teacher).Split(' '))
            {
                Assert.DoesNotContain(word, export.Text, StringComparison.OrdinalIgnoreCase);
            }
        }
        Assert.All(Pseudonyms(export.Text), p => Assert.Matches("^t-[0-9a-f]{20}$", p));
    }

    private static HashSet<string> Pseudonyms(string text) => [.. TeacherPseudonym().Matches(text).Select(m => m.Value)];

    [GeneratedRegex("t-[0-9a-f]{20}(?![0-9a-f])")]
    private static partial Regex TeacherPseudonym();
}
