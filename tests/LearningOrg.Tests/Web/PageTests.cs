using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>Every page opens without a console or page error, at laptop width and at phone width.</summary>
[Collection(WebCollection.Name)]
public sealed class PageTests(WebFixture web)
{
    public static TheoryData<string, int> Pages()
    {
        var data = new TheoryData<string, int>();
        string[] paths =
        [
            "/",
        ];
        foreach (var path in paths)
        {
            data.Add(path, WebFixture.Desktop);
            data.Add(path, WebFixture.Phone);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_opens_without_console_errors(string path, int width)
    {
        await using var browser = await web.OpenAsync(width);

        await browser.GotoAsync(path);

        await Assertions.Expect(browser.Page.Locator("main h1")).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.Locator("header nav")).ToBeVisibleAsync();
        Assert.Empty(browser.Errors);
        // Wide content (tables, charts) scrolls inside its own region: the page itself never scrolls sideways.
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{path} scrolls sideways at {width} px.");
    }
}
