using System.Globalization;
using LearningOrg.Demo;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Schools;
using LearningOrg.ReadModels;
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
            $"/schools/{DemoIds.MapleGrove}/trajectory",
            $"/schools/{DemoIds.HarborView}/trajectory?from=2022-01&to=2023-12",
            $"/networks/{DemoIds.Network}",
            $"/networks/{DemoIds.Network}?align=first-role&at=2024-06-30",
            $"/initiatives/{DemoIds.Initiative}",
            $"/schools/{DemoIds.CedarHill}/record",
            $"/schools/{DemoIds.MapleGrove}",
            $"/schools/{DemoIds.MapleGrove}/replay",
            $"/schools/{DemoIds.MapleGrove}/year-in-review?year=2022",
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
        // The stylesheet arrived (a compressed asset that was not found would give an empty one, and no console error).
        await Assertions.Expect(browser.Page.Locator("header.site-header")).ToHaveCSSAsync("background-color", "rgb(15, 39, 66)");
        Assert.Empty(browser.Errors);
        // Wide content (tables, charts) scrolls inside its own region: the page itself never scrolls sideways.
        Assert.True(await browser.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"{path} scrolls sideways at {width} px.");
        // Labels, descriptions and skip links point at ids: each must be unique.
        var duplicates = await browser.Page.EvaluateAsync<string[]>(
            "() => { const seen = new Map(); for (const e of document.querySelectorAll('[id]')) seen.set(e.id, (seen.get(e.id) ?? 0) + 1); return [...seen].filter(([, n]) => n > 1).map(([id]) => id); }");
        Assert.Empty(duplicates);
        // Every form control has a label.
        var unlabelled = await browser.Page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')].filter(c => c.labels.length === 0).map(c => c.id || c.name)");
        Assert.Empty(unlabelled);
    }
}

/// <summary>What the pages show, read from the demo story.</summary>
[Collection(WebCollection.Name)]
public sealed class PageContentTests(WebFixture web)
{
    [Fact]
    public async Task The_home_page_links_the_network_every_school_and_the_initiative()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync("/");

        var main = browser.Page.Locator("main");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Riverbend Learning Network", Exact = true })).ToHaveAttributeAsync("href", $"/networks/{DemoIds.Network}");
        await Assertions.Expect(main.GetByRole(AriaRole.Link, new() { Name = "Teacher Leadership Pathways", Exact = true })).ToHaveAttributeAsync("href", $"/initiatives/{DemoIds.Initiative}");
        foreach (var school in DemoIds.Schools)
        {
            await Assertions.Expect(main.Locator($"a[href='/schools/{school}/trajectory']")).ToHaveCountAsync(1);
            await Assertions.Expect(main.Locator($"a[href='/schools/{school}/record']")).ToHaveCountAsync(1);
        }
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_trajectory_draws_each_indicator_as_an_accessible_chart_with_the_assessed_stages_marked()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{DemoIds.MapleGrove}/trajectory?from=2021-08&to=2024-06");

        var page = browser.Page;
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Maple Grove Elementary");
        var density = page.Locator("svg[aria-labelledby='density-title density-desc']");
        await Assertions.Expect(density.Locator("title")).ToHaveTextAsync("Leadership density");
        await Assertions.Expect(density.Locator("desc")).ToContainTextAsync("Aug 2021 to Jun 2024");
        await Assertions.Expect(density.Locator("path.series")).ToHaveCountAsync(1);
        // The demo's first stage assessment (Flat, September 2021) is marked on every chart.
        await Assertions.Expect(density.Locator(".marker text").First).ToHaveTextAsync("Flat");

        // The data table behind the chart holds the API's value for December 2021: 3 of 31 staff.
        var table = page.Locator("details.data-table", new() { HasText = "Data table: Leadership density" });
        await table.Locator("summary").ClickAsync();
        await Assertions.Expect(table.Locator("tr", new() { HasText = "Dec 2021" }).Locator("td").First).ToHaveTextAsync("9.7%");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_year_in_review_counts_the_years_decisions_by_mode_and_prints_without_the_sites_chrome()
    {
        var year = new SchoolYear(2022);
        var expected = DemoStory.Steps
            .Where(s => s.AggregateId == DemoIds.MapleGrove && year.Contains(s.OccurredAt))
            .Select(s => s.Event).OfType<DecisionRecorded>()
            .GroupBy(d => d.Mode).ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(expected);

        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{DemoIds.MapleGrove}");
        await browser.Page.GetByRole(AriaRole.Link, new() { Name = "Year in review", Exact = true }).ClickAsync();
        await browser.Page.GetByLabel("School year", new() { Exact = true }).SelectOptionAsync("2022");
        await browser.Page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();

        var page = browser.Page;
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Maple Grove Elementary: year in review 2022–23");
        var decisions = page.Locator("section[aria-labelledby='decisions-heading'] tbody tr");
        await Assertions.Expect(decisions).ToHaveCountAsync(Enum.GetValues<DecisionMode>().Length);
        foreach (var mode in Enum.GetValues<DecisionMode>())
        {
            await Assertions.Expect(decisions.Filter(new() { HasText = Labels.Of(mode) }).Locator("td").First)
                .ToHaveTextAsync(expected.GetValueOrDefault(mode).ToString(CultureInfo.InvariantCulture));
        }

        // Printed (or saved as PDF), the report stands alone: no header, menus or year picker.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("header.site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("form.controls")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#decisions-heading")).ToBeVisibleAsync();
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task An_unknown_school_is_a_404_page()
    {
        await using var browser = await web.OpenAsync();

        var response = await browser.Page.GotoAsync("/schools/no-such-school/trajectory");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(browser.Page.Locator("main h1")).ToHaveTextAsync("Not found");
    }

    [Fact]
    public async Task The_network_page_compares_the_schools_at_a_date_and_its_CSV_link_downloads_CSV()
    {
        // Signed in with the cookie: a download is fetched by the browser itself, without the context's extra headers.
        await using var browser = await web.SignInAsync("admin", $"/networks/{DemoIds.Network}?at=2024-06-30");

        var page = browser.Page;
        var rows = page.Locator("section[aria-labelledby='comparison-title'] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        await Assertions.Expect(rows.Filter(new() { HasText = "Maple Grove Elementary" }).Locator("td").Nth(3)).ToHaveTextAsync("13.3%");

        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download this comparison (CSV)" });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", $"/api/networks/{DemoIds.Network}/comparison?at=2024-06-30&format=csv");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path);

        Assert.Equal($"{DemoIds.Network}-comparison-2024-06-30.csv", download.SuggestedFilename);
        Assert.StartsWith("schoolId,name,memberSince,at,", lines[0], StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{DemoIds.MapleGrove},Maple Grove Elementary,", StringComparison.Ordinal));
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_network_page_shows_the_network_median_and_IQR_beside_the_schools_and_the_stage_agreement()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/networks/{DemoIds.Network}?at=2024-06-30&align=first-shared-decision");

        var page = browser.Page;
        var comparison = page.Locator("section[aria-labelledby='comparison-title']");
        var densities = new List<double>();
        foreach (var row in await comparison.Locator("tbody tr").AllAsync())
        {
            densities.Add(double.Parse((await row.Locator("td").Nth(3).TextContentAsync())!.TrimEnd('%'), CultureInfo.InvariantCulture));
        }
        densities.Sort();
        // Three schools: the median is the middle one, the quartiles halfway to the others (type 7).
        await Assertions.Expect(comparison.Locator("tfoot tr[data-network='median'] td").First).ToHaveTextAsync($"{densities[1].ToString(CultureInfo.InvariantCulture)}%");
        await Assertions.Expect(comparison.Locator("tfoot tr[data-network='iqr'] td").First).ToContainTextAsync(" to ");
        await Assertions.Expect(page.Locator("#stage-agreement")).ToContainTextAsync("weighted kappa");
        await Assertions.Expect(page.Locator("#align")).ToHaveValueAsync("first-shared-decision");
        var table = page.Locator("details.data-table", new() { HasText = "Data table: Leadership density" });
        await Assertions.Expect(table.Locator("thead")).ToContainTextAsync("Network median");
        await Assertions.Expect(table.Locator("tbody tr").First.Locator("th")).ToHaveTextAsync("Month 0");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Aligned_by_first_role_the_small_multiples_start_at_month_0()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/networks/{DemoIds.Network}?align=first-role");

        var page = browser.Page;
        await Assertions.Expect(page.Locator("#align")).ToHaveValueAsync("first-role");
        // One row of small charts per indicator, one chart (or a note that there is none) per school.
        var rows = page.Locator("section[aria-labelledby='series-title'] .small-multiples");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        for (var i = 0; i < 4; i++)
        {
            await Assertions.Expect(rows.Nth(i).Locator(":scope > .chart-block")).ToHaveCountAsync(3);
        }
        await Assertions.Expect(rows.First.Locator("figure.chart")).ToHaveCountAsync(3);
        var table = page.Locator("details.data-table", new() { HasText = "Data table: Leadership density" });
        await Assertions.Expect(table.Locator("tbody tr").First.Locator("th")).ToHaveTextAsync("Month 0");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download the series (CSV)" }))
            .ToHaveAttributeAsync("href", $"/api/networks/{DemoIds.Network}/series?align=first-role&format=csv");
    }

    [Fact]
    public async Task The_initiative_page_checks_off_the_key_questions_per_phase_and_cycle_and_shows_measures_per_school()
    {
        var answers = DemoStory.Steps.Where(s => s.AggregateId == DemoIds.Initiative).Select(s => s.Event).OfType<KeyQuestionAnswered>().ToList();
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/initiatives/{DemoIds.Initiative}");
        var page = browser.Page;

        // Cycle 2 has one answer so far: priorities, in Planning.
        var questions = page.Locator("section[aria-labelledby='questions-title']");
        var secondCycle = answers.Last(a => a.Question == KeyQuestion.PrioritiesAdvanced);
        await Assertions.Expect(questions.Locator("tr[data-question='PrioritiesAdvanced'] td[data-phase='Planning']")).ToContainTextAsync(secondCycle.Answer);
        await Assertions.Expect(questions.Locator("tr[data-question='TightAndLoose'] td[data-phase='Design']")).ToContainTextAsync("not answered");
        Assert.Equal(Enum.GetValues<KeyQuestion>().Length, await questions.Locator("tbody tr").CountAsync());

        // Cycle 1, chosen by its link: design's answer to tight and loose, with its evidence.
        await questions.GetByRole(AriaRole.Link, new() { Name = "1", Exact = true }).ClickAsync();
        var tightLoose = answers.Single(a => a.Question == KeyQuestion.TightAndLoose);
        var cell = page.Locator("tr[data-question='TightAndLoose'] td[data-phase='Design']");
        await Assertions.Expect(cell).ToContainTextAsync(tightLoose.Answer);
        await Assertions.Expect(cell).ToContainTextAsync(tightLoose.Evidence);

        // A measure observed at each school lists each school's latest value beside the initiative-wide chart.
        var perSchool = DemoStory.Steps.Where(s => s.AggregateId == DemoIds.Initiative).Select(s => s.Event).OfType<MeasureObserved>()
            .Where(o => o.SchoolId == DemoIds.HarborView).MaxBy(o => o.OccurredAt)!;
        var schools = page.Locator($"table:has(caption#measure-{perSchool.MeasureId}-schools) tbody tr");
        await Assertions.Expect(schools).ToHaveCountAsync(DemoIds.Schools.Count);
        await Assertions.Expect(schools.Filter(new() { HasText = "Harbor View High School" }).Locator("td").First)
            .ToContainTextAsync(perSchool.Value.ToString(CultureInfo.InvariantCulture));
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task The_initiative_page_shows_its_phase_measures_against_targets_the_tight_loose_framework_and_interventions()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/initiatives/{DemoIds.Initiative}");

        var page = browser.Page;
        // The demo's assessment led into a second cycle's planning; the first cycle's phases stay listed.
        await Assertions.Expect(page.Locator(".phases li[aria-current='step']")).ToContainTextAsync("Planning");
        await Assertions.Expect(page.Locator(".phases li.done")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("section[aria-labelledby='phase-title']")).ToContainTextAsync("Cycle 2");
        await Assertions.Expect(page.Locator(".earlier-cycles li")).ToContainTextAsync("Assessment 13 May 2025");
        var measures = page.Locator("section[aria-labelledby='measures-title'] article");
        Assert.True(await measures.CountAsync() >= 1);
        await Assertions.Expect(measures.First.Locator("svg[role='img'] line.target")).ToHaveCountAsync(1);
        await Assertions.Expect(measures.First.Locator("circle").First).ToBeVisibleAsync();
        var framework = page.Locator("section[aria-labelledby='framework-title']");
        await Assertions.Expect(framework.GetByRole(AriaRole.Heading, new() { Name = "Tight (the system decides)" }).First).ToBeVisibleAsync();
        await Assertions.Expect(framework.GetByRole(AriaRole.Heading, new() { Name = "Loose (each school decides)" }).First).ToBeVisibleAsync();
        var interventions = page.Locator("section[aria-labelledby='interventions-title'] tbody tr");
        await Assertions.Expect(interventions.Filter(new() { HasText = "Coaching cycles" }).First).ToBeVisibleAsync();
        Assert.Empty(browser.Errors);
    }
}
