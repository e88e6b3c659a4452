using System.Text.Json;
using System.Text.RegularExpressions;
using LearningOrg.Demo;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>The school replay page (/schools/{id}/replay) in a real browser, with and without JavaScript.</summary>
[Collection(WebCollection.Name)]
public sealed partial class ReplayPageTests(WebFixture web)
{
    private const string Replay = "/schools/" + DemoIds.MapleGrove + "/replay";

    private sealed record Step(string At, string Date, string Day, string Month, string MonthLabel, IReadOnlyList<StepEvent> Events);

    private sealed record StepEvent(string Kind, string Summary);

    [Theory]
    [InlineData(WebFixture.Desktop)]
    [InlineData(WebFixture.Phone)]
    public async Task The_replay_opens_without_console_errors_on_the_latest_event(int width)
    {
        await using var browser = await web.OpenAsync(width);

        await browser.GotoAsync(Replay);

        var page = browser.Page;
        var steps = await StepsAsync(page);
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Replay Maple Grove Elementary");
        await Assertions.Expect(page.GetByLabel("Event", new() { Exact = true })).ToHaveValueAsync((steps.Count - 1).ToString(Inv));
        await Assertions.Expect(page.Locator("#replay-panel")).ToHaveAttributeAsync("aria-live", "polite");
        await Assertions.Expect(Field(page, "stage")).ToHaveTextAsync(new Regex("^Shared"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Next event" })).ToHaveAttributeAsync("aria-disabled", "true");
        // timeline.css arrived: the controls sit on their band.
        await Assertions.Expect(page.Locator("section.replay")).ToHaveCSSAsync("background-color", "rgb(243, 245, 248)");
        Assert.Empty(browser.Errors);
        await PageChecks.AssertSoundAsync(page, Replay, width);
    }

    [Fact]
    public async Task Moving_the_slider_early_then_late_changes_the_state_and_the_indicators_shown()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync(Replay);
        var page = browser.Page;
        var steps = await StepsAsync(page);
        var slider = page.GetByLabel("Event", new() { Exact = true });
        var lateSeats = FilledSeats(await Field(page, "seats").TextContentAsync());
        var lateDensity = await Indicator(page, "leadershipDensity").TextContentAsync();

        // Maple Grove was assessed Flat on 14 September 2021 and Emerging only in January 2022.
        var early = steps.FindIndex(s => string.CompareOrdinal(s.Day, "2021-10-01") >= 0);
        await slider.FillAsync(early.ToString(Inv));

        await Assertions.Expect(page.Locator("#replay-panel")).ToHaveAttributeAsync("data-step", early.ToString(Inv));
        await Assertions.Expect(Field(page, "stage")).ToHaveTextAsync(new Regex("^Flat"));
        await Assertions.Expect(page.Locator("output[for='replay-step']")).ToHaveTextAsync(steps[early].Date);
        await Assertions.Expect(Field(page, "month")).ToHaveTextAsync(steps[early].MonthLabel);
        Assert.True(FilledSeats(await Field(page, "seats").TextContentAsync()) < lateSeats);
        Assert.NotEqual(lateDensity, await Indicator(page, "leadershipDensity").TextContentAsync());
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(Regex.Escape("at=" + Uri.EscapeDataString(steps[early].At))));

        await slider.FillAsync((steps.Count - 1).ToString(Inv));

        await Assertions.Expect(page.Locator("#replay-panel")).ToHaveAttributeAsync("data-step", (steps.Count - 1).ToString(Inv));
        await Assertions.Expect(Field(page, "stage")).ToHaveTextAsync(new Regex("^Shared"));
        await Assertions.Expect(Indicator(page, "leadershipDensity")).ToHaveTextAsync(lateDensity!);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_step_buttons_and_the_arrow_keys_move_one_event_at_a_time()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync(Replay);
        var page = browser.Page;
        var steps = await StepsAsync(page);
        var panel = page.Locator("#replay-panel");
        var start = steps.FindIndex(s => string.CompareOrdinal(s.Day, "2022-10-01") >= 0);
        await page.GetByLabel("Event", new() { Exact = true }).FillAsync(start.ToString(Inv));
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-step", start.ToString(Inv));

        await page.GetByRole(AriaRole.Button, new() { Name = "Next event" }).ClickAsync();

        await Assertions.Expect(panel).ToHaveAttributeAsync("data-step", (start + 1).ToString(Inv));
        await Assertions.Expect(page.Locator("output[for='replay-step']")).ToHaveTextAsync(steps[start + 1].Date);
        await Assertions.Expect(Field(page, "date")).ToHaveTextAsync(steps[start + 1].Date);
        await Assertions.Expect(Field(page, "events").Locator("li")).ToHaveTextAsync([.. steps[start + 1].Events.Select(e => $"{e.Kind}: {e.Summary}")]);

        await page.GetByRole(AriaRole.Button, new() { Name = "Previous event" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Previous event" }).ClickAsync();

        await Assertions.Expect(panel).ToHaveAttributeAsync("data-step", (start - 1).ToString(Inv));
        await Assertions.Expect(page.Locator("output[for='replay-step']")).ToHaveTextAsync(steps[start - 1].Date);

        await page.GetByLabel("Event", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");

        await Assertions.Expect(panel).ToHaveAttributeAsync("data-step", start.ToString(Inv));
        await Assertions.Expect(page.Locator("output[for='replay-step']")).ToHaveTextAsync(steps[start].Date);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_date_form_moves_to_the_last_event_on_or_before_that_day()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync(Replay);
        var page = browser.Page;
        var steps = await StepsAsync(page);

        await page.GetByLabel("Go to a date").FillAsync("2021-12-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync();

        var expected = steps.FindLastIndex(s => string.CompareOrdinal(s.Day, "2021-12-01") <= 0);
        await Assertions.Expect(page.Locator("#replay-panel")).ToHaveAttributeAsync("data-step", expected.ToString(Inv));
        await Assertions.Expect(Field(page, "stage")).ToHaveTextAsync(new Regex("^Flat"));
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_panel_the_script_draws_reads_exactly_as_the_one_the_server_renders()
    {
        await using var browser = await web.OpenAsync();
        await using var server = await web.OpenAsync();
        await browser.GotoAsync(Replay);
        var page = browser.Page;
        var steps = await StepsAsync(page);
        int[] picks =
        [
            steps.FindIndex(s => string.CompareOrdinal(s.Day, "2021-10-01") >= 0),
            // mg-data-wall escalated to DesignedIntervention: an open episode, roles held, decisions of several modes.
            steps.FindIndex(s => s.Day == "2022-11-15"),
            steps.Count - 2,
        ];
        Assert.DoesNotContain(-1, picks);

        foreach (var pick in picks)
        {
            await page.GetByLabel("Event", new() { Exact = true }).FillAsync(pick.ToString(Inv));
            await Assertions.Expect(page.Locator("#replay-panel")).ToHaveAttributeAsync("data-step", pick.ToString(Inv));
            await server.GotoAsync($"{Replay}?step={pick}");

            Assert.Equal(await PanelTextAsync(server.Page), await PanelTextAsync(page));
        }
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Without_javascript_the_date_form_the_step_buttons_and_the_slider_still_work()
    {
        await using var context = await web.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.BaseUrl,
            JavaScriptEnabled = false,
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + web.Api.TokenFor(Infrastructure.ApiFixture.Admin) },
            ViewportSize = new ViewportSize { Width = WebFixture.Phone, Height = 900 },
        });
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{Replay}?at=2021-12-01");
        await Assertions.Expect(Field(page, "stage")).ToHaveTextAsync(new Regex("^Flat"));

        await page.GetByLabel("Go to a date").FillAsync("2024-09-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Go", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("at=2024-09-01$"));
        await Assertions.Expect(Field(page, "stage")).ToHaveTextAsync(new Regex("^Shared"));
        var steps = await StepsAsync(page);
        var shown = steps.FindLastIndex(s => string.CompareOrdinal(s.Day, "2024-09-01") <= 0);
        await Assertions.Expect(page.Locator("output[for='replay-step']")).ToHaveTextAsync(steps[shown].Date);

        await page.GetByRole(AriaRole.Button, new() { Name = "Next event" }).ClickAsync();
        await Assertions.Expect(page.Locator("output[for='replay-step']")).ToHaveTextAsync(steps[shown + 1].Date);
        await Assertions.Expect(page.Locator("#replay-panel")).ToHaveAttributeAsync("data-step", (shown + 1).ToString(Inv));

        await page.GetByLabel("Event", new() { Exact = true }).FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show this event" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("step=0$"));
        await Assertions.Expect(Field(page, "stage")).ToHaveTextAsync("Not assessed yet");
        await Assertions.Expect(Field(page, "roles")).ToHaveTextAsync("No role defined yet.");
    }

    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task The_replay_is_captured_for_the_readme()
    {
        await using var browser = await web.OpenAsync(WebFixture.Desktop);
        await browser.GotoAsync($"{Replay}?at=2022-11-15");
        await Assertions.Expect(Field(browser.Page, "stage")).ToBeVisibleAsync();

        await DocScreenshots.CaptureAsync(browser.Page, "replay");

        Assert.Empty(browser.Errors);
    }

    private static readonly System.Globalization.CultureInfo Inv = System.Globalization.CultureInfo.InvariantCulture;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static async Task<List<Step>> StepsAsync(IPage page) =>
        JsonSerializer.Deserialize<List<Step>>((await page.Locator("[data-replay]").GetAttributeAsync("data-steps"))!, Json)!;

    private static ILocator Field(IPage page, string name) => page.Locator($"#replay-panel [data-field='{name}']");

    private static ILocator Indicator(IPage page, string name) => page.Locator($"#replay-panel [data-indicator='{name}']");

    private static int FilledSeats(string? text) => int.Parse(SeatsPattern().Match(text ?? "").Groups[1].Value, Inv);

    private static Task<string> PanelTextAsync(IPage page) =>
        page.Locator("#replay-panel").EvaluateAsync<string>("panel => panel.textContent.replace(/\\s+/g, ' ').trim()");

    [GeneratedRegex(@"^(\d+) of \d+$")]
    private static partial Regex SeatsPattern();
}
