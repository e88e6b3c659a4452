using System.Globalization;
using System.Net;
using LearningOrg.Demo;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>The school timeline page (/schools/{id}) in a real browser, on the seeded demo story.</summary>
[Collection(WebCollection.Name)]
public sealed class TimelinePageTests(WebFixture web)
{
    private const string MapleGrove = "/schools/" + DemoIds.MapleGrove;

    [Theory]
    [InlineData(WebFixture.Desktop)]
    [InlineData(WebFixture.Phone)]
    public async Task The_timeline_opens_without_console_errors_and_links_to_the_schools_other_pages(int width)
    {
        await using var browser = await web.OpenAsync(width);

        await browser.GotoAsync(MapleGrove);

        var page = browser.Page;
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Maple Grove Elementary");
        await Assertions.Expect(page.Locator(".tl-entry").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".episode-band").First).ToBeVisibleAsync();
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "This school" });
        await Assertions.Expect(links.GetByRole(AriaRole.Link, new() { Name = "Replay the school's history" })).ToHaveAttributeAsync("href", MapleGrove + "/replay");
        await Assertions.Expect(links.GetByRole(AriaRole.Link, new() { Name = "Culture trajectory" })).ToHaveAttributeAsync("href", MapleGrove + "/trajectory");
        await Assertions.Expect(links.GetByRole(AriaRole.Link, new() { Name = "Record an event" })).ToHaveAttributeAsync("href", MapleGrove + "/record");
        // timeline.css arrived: the chart has its frame.
        await Assertions.Expect(page.Locator(".episode-chart")).ToHaveCSSAsync("border-top-style", "solid");
        Assert.Empty(browser.Errors);
        await PageChecks.AssertSoundAsync(page, MapleGrove, width);
    }

    [Fact]
    public async Task The_first_page_lists_the_first_entries_in_the_order_they_happened_with_the_total_of_the_api()
    {
        var api = await web.Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/timeline?pageSize=50");
        await using var browser = await web.OpenAsync();

        await browser.GotoAsync(MapleGrove);

        var entries = browser.Page.Locator(".tl-entry");
        await Assertions.Expect(entries).ToHaveCountAsync(50);
        var total = api.GetProperty("total").GetInt64();
        await Assertions.Expect(browser.Page.Locator("#timeline-count")).ToHaveTextAsync($"Entries 1 to 50 of {total}, oldest first.");
        var dates = await browser.Page.Locator(".tl-entry time").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");
        var expected = api.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(expected, dates.Select(d => DateTimeOffset.Parse(d, CultureInfo.InvariantCulture)).ToList());
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("page=2$"));
        await Assertions.Expect(browser.Page.Locator("#timeline-count")).ToHaveTextAsync($"Entries 51 to 100 of {total}, oldest first.");
    }

    [Fact]
    public async Task Filtering_by_kind_with_the_form_shows_only_that_kind_each_decision_with_its_mode()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync(MapleGrove);
        var page = browser.Page;

        await page.GetByLabel("Kind of event", new() { Exact = true }).SelectOptionAsync("DecisionRecorded");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=DecisionRecorded"));
        var entries = page.Locator(".tl-entry");
        var decisions = (await web.Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/timeline?kind=DecisionRecorded&pageSize=50")).GetProperty("total").GetInt32();
        Assert.True(decisions > 1);
        await Assertions.Expect(entries).ToHaveCountAsync(Math.Min(decisions, 50));
        Assert.All(await entries.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kind)"), kind => Assert.Equal("DecisionRecorded", kind));
        await Assertions.Expect(page.Locator(".tl-entry:not(:has(.badge--mode))")).ToHaveCountAsync(0);
        var modes = await page.Locator(".tl-entry .badge--mode").AllTextContentsAsync();
        Assert.Contains(modes, m => m.Contains("Principal consulted", StringComparison.Ordinal));
        Assert.Contains(modes, m => m.Contains("Teacher-led", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByLabel("Kind of event", new() { Exact = true })).ToHaveValueAsync("DecisionRecorded");
        Assert.Empty(browser.Errors);
    }

    [Theory]
    [InlineData("RoleAssigned", "Role filled")]
    [InlineData("RoleVacated", "Role vacated")]
    public async Task Roles_filled_and_vacated_carry_their_badge(string kind, string badge)
    {
        await using var browser = await web.OpenAsync();

        await browser.GotoAsync($"{MapleGrove}?kind={kind}");

        var entries = browser.Page.Locator(".tl-entry");
        Assert.True(await entries.CountAsync() > 0, $"Maple Grove has no {kind} entry.");
        await Assertions.Expect(browser.Page.Locator($".tl-entry:not(:has(.badge--role:text-is('{badge}')))")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Filtering_by_person_and_dates_shows_what_the_api_shows_for_the_same_filters()
    {
        // The page's "to" is the last day shown; the API's is exclusive.
        var api = await web.Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/timeline?person=t-mg-01&from=2021-10-01&to=2022-01-01");
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync(MapleGrove);
        var page = browser.Page;

        await page.GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Maya Chen" });
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2021-10-01");
        await page.GetByLabel("To (included)", new() { Exact = true }).FillAsync("2021-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("person=t-mg-01"));
        var expected = api.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("summary").GetString()).ToList();
        Assert.NotEmpty(expected);
        // The page writes each teacher the API names by id by their name instead.
        await Assertions.Expect(page.Locator(".tl-entry__text")).ToHaveTextAsync([.. expected.Select(s =>
            new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Escape(s!), @"t-[a-z]+-\d+", "[A-Z][^,()]+") + "$"))]);
        await Assertions.Expect(page.Locator(".tl-entry__text", new() { HasTextRegex = new System.Text.RegularExpressions.Regex(@"\bt-mg-\d+\b") })).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".tl-entry:not(:has(.tl-entry__meta a:text-is('Maya Chen')))")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Each_breaking_ranks_episode_is_a_band_labelled_with_its_highest_level_and_outcome()
    {
        var api = await web.Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/episodes");
        var episodes = api.GetProperty("episodes").EnumerateArray().ToList();
        await using var browser = await web.OpenAsync();

        await browser.GotoAsync(MapleGrove);

        var page = browser.Page;
        await Assertions.Expect(page.Locator(".episode-rows .episode-band")).ToHaveCountAsync(episodes.Count);
        var levelNames = new Dictionary<string, (string Words, int Rank)>
        {
            ["SpeakingUp"] = ("Speaking up", 1),
            ["AttractingAttention"] = ("Attracting attention", 2),
            ["DesignedIntervention"] = ("Designed intervention", 3),
            ["Resistance"] = ("Resistance", 4),
        };
        foreach (var episode in episodes)
        {
            var highest = episode.GetProperty("highestLevel").GetString()!;
            var row = page.Locator($"li.episode[data-episode='{episode.GetProperty("episodeId").GetString()}']");
            // In words (with the level's name as text), not by colour alone; the fill is the level's pattern.
            await Assertions.Expect(row.Locator(".episode__label .badge--level")).ToHaveTextAsync($"Highest level: {levelNames[highest].Words}");
            await Assertions.Expect(row.Locator(".episode-band")).ToHaveAttributeAsync("fill", $"url(#level-fill-{levelNames[highest].Rank})");
            await Assertions.Expect(row.Locator(".episode-track > title")).ToContainTextAsync(
                episode.GetProperty("status").GetString() == "open" ? "still open" : episode.GetProperty("outcome").GetString()!);
            await Assertions.Expect(row.Locator(".episode-escalation")).ToHaveCountAsync(episode.GetProperty("escalations").GetArrayLength());
        }
        var dataWall = page.Locator("li.episode[data-episode='mg-data-wall']");
        await Assertions.Expect(dataWall.Locator(".badge--level")).ToHaveTextAsync("Highest level: Designed intervention");
        await Assertions.Expect(dataWall.Locator(".badge--outcome")).ToHaveTextAsync("Outcome: Negotiated");
        await Assertions.Expect(page.Locator(".level-legend .badge--level")).ToHaveTextAsync(["Speaking up", "Attracting attention", "Designed intervention", "Resistance"]);
    }

    [Fact]
    public async Task A_decision_recorded_through_the_json_api_appears_on_the_timeline_with_its_mode()
    {
        var title = $"Timeline check {Guid.NewGuid():N}"[..30];
        using var response = await web.Api.Post($"/api/schools/{DemoIds.HarborView}/decisions", new
        {
            decisionId = $"web2-{Guid.NewGuid():N}",
            title,
            area = "Scheduling",
            mode = "PrincipalConsulted",
            participants = Array.Empty<string>(),
            equityFocus = false,
            rationale = "Recorded by the timeline page test.",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var browser = await web.OpenAsync();

        // Recorded without occurredAt, it happened now: the last entries of the timeline.
        var since = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await browser.GotoAsync($"/schools/{DemoIds.HarborView}?kind=DecisionRecorded&from={since}");

        var entry = browser.Page.Locator(".tl-entry", new() { HasText = title });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry.Locator(".badge--mode")).ToHaveTextAsync("Decision mode: Principal consulted");
        await Assertions.Expect(entry.Locator(".tl-entry__kind")).ToHaveTextAsync("Decision recorded");
    }

    [Fact]
    public async Task Filters_it_cannot_use_are_named_and_left_out_and_an_unknown_school_is_not_found()
    {
        await using var browser = await web.OpenAsync();

        await browser.GotoAsync($"{MapleGrove}?kind=Nonsense&from=yesterday");

        await Assertions.Expect(browser.Page.Locator(".notice")).ToHaveTextAsync([
            "“Nonsense” is not a kind of event, so every kind is shown.",
            "From must be a date written yyyy-mm-dd, so it is not applied.",
        ]);
        await Assertions.Expect(browser.Page.Locator(".tl-entry")).ToHaveCountAsync(50);
        var missing = await browser.Page.GotoAsync("/schools/no-such-school");
        Assert.Equal(404, missing!.Status);
    }

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task The_timeline_is_captured_for_the_readme()
    {
        await using var browser = await web.OpenAsync(WebFixture.Desktop);
        await browser.GotoAsync($"{MapleGrove}?person=t-mg-01");
        await Assertions.Expect(browser.Page.Locator(".tl-entry").First).ToBeVisibleAsync();

        await DocScreenshots.CaptureAsync(browser.Page, "timeline");

        Assert.Empty(browser.Errors);
    }
}
