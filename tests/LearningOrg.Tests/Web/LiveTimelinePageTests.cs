using System.Globalization;
using LearningOrg.Demo;
using LearningOrg.Tests.Live;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>The school timeline page receiving entries while it is open (wwwroot/js/live-timeline.js).</summary>
[Collection(WebCollection.Name)]
public sealed class LiveTimelinePageTests(WebFixture web)
{
    [Fact]
    public async Task An_open_timeline_shows_a_decision_posted_through_the_api_without_reloading_marked_and_announced()
    {
        await using var browser = await web.OpenAsync();
        var page = browser.Page;
        // Only recent decisions: the new one, recorded now, belongs on this page.
        var since = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await browser.GotoAsync($"/schools/{DemoIds.HarborView}?kind=DecisionRecorded&from={since}");
        await page.EvaluateAsync("() => { window.loadedOnce = true; }");
        var title = $"Live page check {Guid.NewGuid():N}"[..32];

        await new LiveScenario(web.Api).Decision(DemoIds.HarborView, title, DateTimeOffset.UtcNow);

        var entry = page.Locator(".tl-entry", new() { HasText = title });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("tl-entry--new"));
        await Assertions.Expect(entry.Locator(".tl-entry__kind")).ToHaveTextAsync("Decision recorded");
        await Assertions.Expect(entry.Locator(".badge--new")).ToHaveTextAsync("New");
        await Assertions.Expect(page.Locator("#timeline-live-status")).ToContainTextAsync("New entry: Decision recorded");
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOnce === true"), "the page was reloaded");
        // The last of the recent decisions: put after every earlier one.
        var dates = await page.Locator(".tl-entry time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");
        var instants = dates.Select(d => DateTimeOffset.Parse(d, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(instants.Order().ToList(), instants);
        Assert.Empty(browser.Errors);
    }
}
