using LearningOrg.GrainStorage.Azure;

namespace LearningOrg.Tests.GrainStorage;

/// <summary>Blob names derived from any grain type, key and state name are valid Azure blob names and never shared.</summary>
public sealed class BlobNameTests
{
    private static readonly string[] Keys =
    [
        "plain", "Plain", "with space", "a/b", "a_2Fb", "a.b", "..", ".", "", "école", "✓", "tab\there", "%2F", "~", new string('k', 5_000),
    ];

    [Fact]
    public void Every_part_holds_only_letters_digits_hyphens_underscores_and_the_hash_marker()
    {
        foreach (var key in Keys)
        {
            var part = BlobNames.Part(key);
            Assert.NotEmpty(part);
            Assert.All(part, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '~', $"'{c}' in the part for '{key}'"));
        }
    }

    [Fact]
    public void Different_values_give_different_parts_and_the_same_value_the_same_part()
    {
        var parts = Keys.Select(BlobNames.Part).ToList();

        Assert.Equal(Keys.Length, parts.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(parts, Keys.Select(BlobNames.Part));
    }

    [Fact]
    public void A_long_key_is_shortened_with_its_hash_so_the_blob_name_stays_within_azures_limit()
    {
        var longKey = new string('k', 5_000);
        var longerKey = longKey + "k";

        var name = BlobNames.For("Default", GrainId.Create("notebook", longKey), "notebook");

        Assert.True(name.Length <= 1024, $"{name.Length} characters");
        Assert.Contains('~', name);
        Assert.NotEqual(name, BlobNames.For("Default", GrainId.Create("notebook", longerKey), "notebook"));
    }

    [Fact]
    public void A_blob_name_has_one_level_each_for_provider_grain_type_key_and_state()
    {
        var name = BlobNames.For("PubSubStore", GrainId.Create("pubsubrendezvous", "provider/namespace/key"), "pubsub");

        Assert.Equal(["PubSubStore", "pubsubrendezvous", "provider_2Fnamespace_2Fkey", "pubsub"], name.Split('/'));
    }

    [Theory]
    [InlineData("grainstate", true)]
    [InlineData("test-0123abc", true)]
    [InlineData("ab", false)]
    [InlineData("Grainstate", false)]
    [InlineData("grain--state", false)]
    [InlineData("-grainstate", false)]
    [InlineData("grainstate-", false)]
    [InlineData("grain_state", false)]
    public void Container_names_follow_azures_rules(string name, bool valid) =>
        Assert.Equal(valid, BlobNames.IsValidContainerName(name));
}
