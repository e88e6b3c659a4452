using System.Text.RegularExpressions;
using LearningOrg.Demo;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>
/// Creation from the web app by the roles the organisation gives it to, and pages that offer no link the person may
/// not follow (docs/security.md), at desktop width.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class CreationPageTests(WebFixture web)
{
    [Fact]
    public async Task A_district_team_registers_a_school_then_launches_an_initiative_and_lands_on_each()
    {
        await using var browser = await web.SignInAsync("district-team", "/");
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Register a school", Exact = true }).ClickAsync();
        var school = page.Locator("form#SchoolRegistered");
        // Refused first: the API's message is shown at its field.
        await school.GetByLabel("Staff count").FillAsync("27");
        await school.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(school.Locator(".form-summary")).ToContainTextAsync("This was not recorded");
        await Assertions.Expect(school.Locator("[data-field='name'] .field-error")).ToHaveTextAsync("name is required.");
        await school.GetByLabel("Name").FillAsync("Willow Creek Elementary");
        await school.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(SchoolPage());
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Willow Creek Elementary");
        var schoolId = new Uri(page.Url).AbsolutePath.Split('/')[2];
        var state = await web.Api.GetJson($"/api/schools/{schoolId}/state");
        Assert.Equal(DemoStory.District, state.GetProperty("state").GetProperty("district").GetString());
        // A district team reads the schools of its district; it records nothing at them.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Record an event" })).ToHaveCountAsync(0);

        await browser.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Launch an initiative", Exact = true }).ClickAsync();
        var initiative = page.Locator("form#InitiativeLaunched");
        await initiative.GetByLabel("Name").FillAsync("Coaching Corps");
        await initiative.GetByLabel("Sponsor").SelectOptionAsync(new SelectOptionValue { Label = "The district" });
        await initiative.GetByLabel("Purpose").FillAsync("A coach for every new teacher");
        await initiative.GetByLabel("Priorities").FillAsync("Retention\nInduction");
        await initiative.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(InitiativePage());
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Coaching Corps");
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Fact]
    public async Task A_network_lead_forms_a_network_then_admits_a_school_to_it_with_the_same_sign_in()
    {
        await using var browser = await web.SignInAsync("network-lead", "/");
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Form a network", Exact = true }).ClickAsync();
        var formed = page.Locator("form#NetworkFormed");
        await formed.GetByLabel("Name").FillAsync("Lakeside Circle");
        await formed.GetByLabel("Purpose").FillAsync("Compare how the first roles take hold");
        await formed.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(NetworkPage());
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("Lakeside Circle");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an entry: admit a school, or record one leaving" }).ClickAsync();
        var admitted = page.Locator("form#SchoolJoinedNetwork");
        await admitted.GetByLabel("School").SelectOptionAsync(new SelectOptionValue { Label = "Cedar Hill Middle School" });
        await admitted.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/networks/lakeside-circle-[0-9a-f]{6}/entries/2$"));
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Fact]
    public async Task A_principal_registers_a_teacher_at_their_school_without_choosing_it()
    {
        await using var browser = await web.SignInAsync("principal", "/");
        var page = browser.Page;

        await page.GetByRole(AriaRole.Link, new() { Name = "Register a teacher", Exact = true }).ClickAsync();
        var form = page.Locator("form#TeacherRegistered");
        await Assertions.Expect(form.GetByLabel("School")).ToHaveCountAsync(0);
        await form.GetByLabel("Name").FillAsync("Priya Natarajan");
        await form.GetByLabel("Subjects").FillAsync("Science");
        await form.GetByLabel("Grades").FillAsync("5");
        await form.GetByLabel("Years experience").FillAsync("4");
        await form.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/teachers/teacher-[0-9a-f]{10}/entries/1$"));
        var teacherId = new Uri(page.Url).AbsolutePath.Split('/')[2];
        var state = await web.Api.GetJson($"/api/teachers/{teacherId}/state");
        Assert.Equal(DemoIds.MapleGrove, state.GetProperty("state").GetProperty("schoolId").GetString());
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Theory]
    [InlineData("district-team", "Register a school|Launch an initiative")]
    [InlineData("network-lead", "Form a network")]
    [InlineData("principal", "Register a teacher")]
    [InlineData("researcher", "")]
    public async Task The_home_page_offers_each_role_the_creations_it_may_make(string persona, string offered)
    {
        await using var browser = await web.SignInAsync(persona, "/");
        var creations = browser.Page.Locator("section[aria-labelledby='create-title'] a");

        var names = await creations.AllInnerTextsAsync();

        Assert.Equal(offered.Split('|', StringSplitOptions.RemoveEmptyEntries), names);
    }

    [Fact]
    public async Task A_principals_network_page_names_the_other_schools_without_linking_them()
    {
        await using var browser = await web.SignInAsync("principal", $"/networks/{DemoIds.Network}?at=2024-06-30");
        var table = browser.Page.Locator("section[aria-labelledby='comparison-title'] tbody");

        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "Maple Grove Elementary" })).ToHaveCountAsync(1);
        await Assertions.Expect(table.GetByText("Cedar Hill Middle School")).ToBeVisibleAsync();
        await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = "Cedar Hill Middle School" })).ToHaveCountAsync(0);
        await Assertions.Expect(table.Locator($"a[href^='/schools/{DemoIds.HarborView}']")).ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("principal", 1)]
    [InlineData("network-lead", 0)]
    public async Task Record_an_event_shows_on_a_school_page_only_for_who_may_record_there(string persona, int links)
    {
        await using var browser = await web.SignInAsync(persona, $"/schools/{DemoIds.MapleGrove}");

        await Assertions.Expect(browser.Page.Locator("main h1")).ToContainTextAsync("Maple Grove Elementary");
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Record an event" })).ToHaveCountAsync(links);
        await browser.GotoAsync($"/schools/{DemoIds.MapleGrove}/trajectory");
        await Assertions.Expect(browser.Page.GetByRole(AriaRole.Link, new() { Name = "Record an event" })).ToHaveCountAsync(links);
    }

    [GeneratedRegex(@"/schools/willow-creek-elementary-[0-9a-f]{6}$")]
    private static partial Regex SchoolPage();

    [GeneratedRegex(@"/networks/lakeside-circle-[0-9a-f]{6}$")]
    private static partial Regex NetworkPage();

    [GeneratedRegex(@"/initiatives/coaching-corps-[0-9a-f]{6}$")]
    private static partial Regex InitiativePage();
}
