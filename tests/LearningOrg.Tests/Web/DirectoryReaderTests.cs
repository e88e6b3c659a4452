using LearningOrg.Demo;
using LearningOrg.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Tests.Web;

/// <summary>The home page's list of what has been recorded, read from the creation events of the demo story.</summary>
[Collection(WebCollection.Name)]
public sealed class DirectoryReaderTests(WebFixture web)
{
    [Fact]
    public async Task It_lists_the_demos_network_schools_initiative_and_teachers_in_the_order_they_were_created()
    {
        var directory = await web.Api.Services.GetRequiredService<DirectoryReader>().ReadAsync(CancellationToken.None);

        var network = Assert.Single(directory.Networks);
        Assert.Equal((DemoIds.Network, "Riverbend Learning Network"), (network.Id, network.Name));
        Assert.Equal(DemoIds.Schools, directory.Schools.Select(s => s.Id));
        Assert.Equal("Maple Grove Elementary", directory.Schools[0].Name);
        Assert.Equal(new DateOnly(2021, 8, 2), DateOnly.FromDateTime(directory.Schools[0].CreatedAt.UtcDateTime));
        Assert.Equal(DemoIds.Initiative, Assert.Single(directory.Initiatives).Id);
        var maya = Assert.Single(directory.Teachers, t => t.Id == "t-mg-01");
        Assert.Equal(("Maya Chen", DemoIds.MapleGrove), (maya.Name, maya.RegisteredAtSchool));
        Assert.Equal(directory.Teachers.Count, directory.Teachers.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
    }
}
