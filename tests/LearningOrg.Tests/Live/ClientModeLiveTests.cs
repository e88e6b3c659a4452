using System.Globalization;
using LearningOrg.Hosting;
using LearningOrg.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace LearningOrg.Tests.Live;

/// <summary>
/// The API as a cluster client (Orleans:Mode=Client) of a separate silo host configured as src/Silo is: the grain
/// publishes in the silo and the API's subscription, made through its cluster client, receives.
/// </summary>
public sealed class ClientModeApiFixture : ApiFixture, IAsyncLifetime
{
    private readonly int siloPort = FreePort.Next();
    private readonly int gatewayPort = FreePort.Next();
    private IHost? silo;

    public new async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{LearningOrgHosting.ConnectionStringName}"] = TestDatabase.ConnectionString,
            ["LearningOrg:Schema"] = Schema,
            ["Orleans:SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans:ClusterId"] = Schema,
        });
        builder.UseOrleans(s => s.UseLearningOrgClustering(builder.Configuration).AddLearningOrgGrains(builder.Configuration));
        silo = builder.Build();
        await silo.StartAsync();
        await base.InitializeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Orleans:Mode", "Client");
        builder.UseSetting("Orleans:GatewayPort", gatewayPort.ToString(CultureInfo.InvariantCulture));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }
}

public sealed class ClientModeLiveTests(ClientModeApiFixture api) : IClassFixture<ClientModeApiFixture>
{
    private readonly LiveScenario given = new(api);

    [Fact]
    public async Task In_client_mode_an_open_live_timeline_receives_an_event_recorded_in_the_silo()
    {
        var school = await given.School();
        var (live, cursor) = await given.OpenFresh(school);
        await using var _ = live;

        await given.Decision(school, "Decided in the cluster", day: 5);

        var received = await live.NextAsync(LiveScenario.IsEntry);
        Assert.Equal("Decided in the cluster", LiveScenario.Data(received).GetProperty("data").GetProperty("title").GetString());
        Assert.True(LiveScenario.Cursor(received) > cursor);
        await given.AssertSameAsTimeline(school, received);
    }
}
