using LearningOrg.Demo;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>The screenshots get an API of their own, so they show the demo story as seeded, whatever other tests record.</summary>
[CollectionDefinition(Name)]
public sealed class ScreenshotCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Screenshots";
}

/// <summary>
/// Pictures of the main pages at 1280 px, for the docs. With LEARNINGORG_SCREENSHOTS set to a folder (the docs'
/// docs/screenshots), the PNGs are written there; otherwise to a temporary folder, so the test still checks that
/// every page can be captured without an error.
/// </summary>
[Collection(ScreenshotCollection.Name)]
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(WebFixture web)
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "home", "/" },
        { "trajectory", $"/schools/{DemoIds.MapleGrove}/trajectory" },
        { "network", $"/networks/{DemoIds.Network}?at=2024-06-30" },
        { "initiative", $"/initiatives/{DemoIds.Initiative}" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_is_captured(string name, string path)
    {
        await using var browser = await web.OpenAsync(WebFixture.Desktop);
        await browser.GotoAsync(path);

        await DocScreenshots.CaptureAsync(browser.Page, name);

        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_record_form_is_captured_showing_a_refused_entry()
    {
        await using var browser = await web.OpenAsync(WebFixture.Desktop);
        await browser.GotoAsync($"/schools/{DemoIds.MapleGrove}/record");
        // The first form of the page, so that the picture's top shows the refusal at its field.
        var form = browser.Page.Locator("form#StaffCountChanged");
        await form.GetByLabel("Staff count").FillAsync("-3");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-field='staffCount'] .field-error")).ToBeVisibleAsync();
        await browser.Page.EvaluateAsync("() => window.scrollTo(0, 0)");

        await DocScreenshots.CaptureAsync(browser.Page, "record");

        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }
}
