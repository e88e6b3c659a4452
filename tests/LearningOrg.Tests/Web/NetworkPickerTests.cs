using LearningOrg.Demo;
using LearningOrg.Domain.Networks;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>
/// The demo story with two more networks, in a browser fixture of their own (the shared one holds the demo's single
/// network): Lakeside, which Maple Grove joined in 2022, and a network formed today with no school yet.
/// </summary>
public sealed class NetworkPickerFixture : IAsyncLifetime
{
    public const string Lakeside = "lakeside-network";
    public const string Fresh = "fresh-network";

    public WebFixture Web { get; } = new();

    public async Task InitializeAsync()
    {
        await Web.InitializeAsync();
        var api = Web.Api;
        (await api.Post($"/api/networks/{Lakeside}", new NetworkFormed("Lakeside Network", "Schools by the lake") { OccurredAt = new DateTimeOffset(2022, 1, 3, 9, 0, 0, TimeSpan.Zero) })).EnsureSuccessStatusCode();
        (await api.Post($"/api/networks/{Lakeside}/members", new SchoolJoinedNetwork(DemoIds.MapleGrove) { OccurredAt = new DateTimeOffset(2022, 1, 10, 9, 0, 0, TimeSpan.Zero) })).EnsureSuccessStatusCode();
        (await api.Post($"/api/networks/{Fresh}", new NetworkFormed("Fresh Network", "Formed today") { OccurredAt = DateTimeOffset.UtcNow.AddMinutes(-1) })).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Web.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class NetworkPickerCollection : ICollectionFixture<NetworkPickerFixture>
{
    public const string Name = "Web networks";
}

/// <summary>The network page's picker of other networks, its four alignments, and its default date, at laptop width.</summary>
[Collection(NetworkPickerCollection.Name)]
public sealed class NetworkPickerTests(NetworkPickerFixture fixture)
{
    private WebFixture Web => fixture.Web;

    [Fact]
    public async Task Ticking_another_network_sets_its_median_and_IQR_beside_this_networks()
    {
        await using var browser = await Web.OpenAsync(WebFixture.Desktop);
        await browser.GotoAsync($"/networks/{DemoIds.Network}?at=2024-06-30");
        var page = browser.Page;
        await Assertions.Expect(page.Locator("section[aria-labelledby='networks-title']")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Lakeside Network" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"with={NetworkPickerFixture.Lakeside}"));
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Lakeside Network" })).ToBeCheckedAsync();
        var rows = page.Locator("section[aria-labelledby='networks-title'] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Nth(0).Locator("th")).ToHaveTextAsync("Riverbend Learning Network");
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(0)).ToHaveTextAsync("3");
        var lakeside = rows.Filter(new() { HasText = "Lakeside Network" });
        await Assertions.Expect(lakeside.Locator("td").Nth(0)).ToHaveTextAsync("1");
        // One school: the median is Maple Grove's own density, as the school table shows it.
        var mapleDensity = await page.Locator("section[aria-labelledby='comparison-title'] tbody tr", new() { HasText = "Maple Grove Elementary" })
            .Locator("td").Nth(3).TextContentAsync();
        await Assertions.Expect(lakeside.Locator("td").Nth(1)).ToHaveTextAsync(mapleDensity!);
        // The network median of the riverbend row is the one under its school table.
        var riverbendMedian = await page.Locator("section[aria-labelledby='comparison-title'] tfoot tr[data-network='median'] td").First.TextContentAsync();
        await Assertions.Expect(rows.Nth(0).Locator("td").Nth(1)).ToHaveTextAsync(riverbendMedian!);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the networks side by side (CSV)" })).ToHaveAttributeAsync("href",
            $"/api/comparisons?network={DemoIds.Network}&network={NetworkPickerFixture.Lakeside}&from=2024-06&to=2024-06&format=csv");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_picker_offers_only_the_networks_the_user_may_read()
    {
        await using var admin = await Web.OpenAsync(WebFixture.Desktop);
        await admin.GotoAsync($"/networks/{DemoIds.Network}");
        await using var lead = await Web.SignInAsync("network-lead", $"/networks/{DemoIds.Network}?with={NetworkPickerFixture.Lakeside}");

        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(2);
        await Assertions.Expect(admin.Page.GetByRole(AriaRole.Checkbox, new() { Name = "Fresh Network" })).ToHaveCountAsync(1);
        // The lead of the Riverbend network reads no other: no picker, and a network named in the address is left out.
        await Assertions.Expect(lead.Page.GetByRole(AriaRole.Heading, new() { Name = "Riverbend Learning Network", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(lead.Page.GetByRole(AriaRole.Checkbox)).ToHaveCountAsync(0);
        await Assertions.Expect(lead.Page.Locator("section[aria-labelledby='networks-title']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Aligned_by_enrolment_in_the_initiative_chosen_each_school_starts_at_month_0()
    {
        await using var browser = await Web.OpenAsync(WebFixture.Desktop);
        await browser.GotoAsync($"/networks/{DemoIds.Network}");
        var page = browser.Page;

        await page.Locator("#align").SelectOptionAsync("initiative");
        await page.Locator("#initiative").SelectOptionAsync(new SelectOptionValue { Label = "Teacher Leadership Pathways" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"align=initiative&initiative={DemoIds.Initiative}"));
        await Assertions.Expect(page.Locator("#align")).ToHaveValueAsync("initiative");
        await Assertions.Expect(page.Locator("#initiative")).ToHaveValueAsync(DemoIds.Initiative);
        await Assertions.Expect(page.Locator("#series-title")).ToHaveTextAsync("Over time, by months since enrolment in Teacher Leadership Pathways");
        var table = page.Locator("details.data-table", new() { HasText = "Data table: Leadership density" });
        await Assertions.Expect(table.Locator("tbody tr").First.Locator("th")).ToHaveTextAsync("Month 0");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the series (CSV)" }))
            .ToHaveAttributeAsync("href", $"/api/networks/{DemoIds.Network}/series?align=initiative&initiative={DemoIds.Initiative}&format=csv");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_default_date_is_never_after_today_and_a_future_date_is_refused()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await using var browser = await Web.OpenAsync(WebFixture.Desktop);

        // Formed this month: the end of its last month lies ahead; the comparison is taken today.
        await browser.GotoAsync($"/networks/{NetworkPickerFixture.Fresh}");
        await Assertions.Expect(browser.Page.Locator("#at")).ToHaveValueAsync(today);
        await Assertions.Expect(browser.Page.Locator("#at")).ToHaveAttributeAsync("max", today);

        var response = await browser.Page.GotoAsync($"/networks/{DemoIds.Network}?at=2999-01-01");
        Assert.Equal(400, response!.Status);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("lies in the future");
    }
}
