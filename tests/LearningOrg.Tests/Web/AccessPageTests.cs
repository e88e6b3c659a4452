using System.Text.Json;
using LearningOrg.Api.Security;
using LearningOrg.Demo;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>The pages honour the API's access rules: a visitor signs in as a demo persona and sees only their part.</summary>
[Collection(WebCollection.Name)]
public sealed class AccessPageTests(WebFixture web)
{
    [Fact]
    public async Task A_visitor_without_a_sign_in_is_sent_to_the_sign_in_page()
    {
        await using var browser = await web.OpenAsync(signedOut: true);

        await browser.GotoAsync($"/schools/{DemoIds.MapleGrove}/trajectory");

        await Assertions.Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin\\?ReturnUrl="));
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_principal_sees_their_school_only_and_records_in_it_through_the_form()
    {
        await using var browser = await web.SignInAsync("principal", $"/schools/{DemoIds.MapleGrove}/record");
        var page = browser.Page;
        var form = page.Locator("form#DecisionRecorded");
        var decisionId = await form.Locator("input[name='decisionId']").InputValueAsync();
        await form.GetByLabel("Title").FillAsync("Signed-in principal decides");
        await form.GetByLabel("Area").FillAsync("scheduling");
        await form.GetByLabel("Mode").SelectOptionAsync("Shared");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/schools/{DemoIds.MapleGrove}/entries/\\d+$"));
        await Assertions.Expect(page.Locator("dd[data-field='recordedBy']")).ToHaveTextAsync(Personas.Find("principal")!.Identity.Subject);

        await browser.GotoAsync("/");
        var schools = page.Locator("section[aria-labelledby=schools-title]");
        await Assertions.Expect(schools.GetByRole(AriaRole.Link, new() { Name = "Maple Grove Elementary", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(schools.GetByText("Cedar Hill", new() { Exact = false })).ToHaveCountAsync(0);

        var events = await web.Api.GetJson($"/api/schools/{DemoIds.MapleGrove}/events?fromVersion=1&limit=1000");
        var recorded = events.GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("data").TryGetProperty("decisionId", out var id) && id.GetString() == decisionId);
        Assert.Equal(Personas.Find("principal")!.Identity.Subject, recorded.GetProperty("recordedBy").GetString());
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Fact]
    public async Task A_principal_opening_another_school_gets_the_403_page()
    {
        await using var browser = await web.SignInAsync("principal", "/");

        var response = await browser.Page.GotoAsync($"/schools/{DemoIds.CedarHill}");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_researcher_sees_the_trajectories_but_no_page_with_teacher_names()
    {
        await using var browser = await web.SignInAsync("researcher", "/");
        var page = browser.Page;

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Trajectory of Cedar Hill Middle School" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Timeline of") })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Record an event") })).ToHaveCountAsync(0);
        var timeline = await page.GotoAsync($"/schools/{DemoIds.MapleGrove}");
        var trajectory = await page.GotoAsync($"/schools/{DemoIds.MapleGrove}/trajectory");

        Assert.Equal(403, timeline!.Status);
        Assert.Equal(200, trajectory!.Status);
    }
}
