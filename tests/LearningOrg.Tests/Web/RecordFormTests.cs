using System.Text.Json;
using LearningOrg.Demo;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>The record forms, filled in and sent as a person would, against the real API.</summary>
[Collection(WebCollection.Name)]
public sealed class RecordFormTests(WebFixture web)
{
    private const string School = DemoIds.MapleGrove;

    [Fact]
    public async Task A_decision_recorded_through_the_form_is_accepted_and_is_in_the_schools_events()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{School}/record");
        var page = browser.Page;
        var form = page.Locator("form#DecisionRecorded");
        var decisionId = await form.Locator("input[name='decisionId']").InputValueAsync();

        await form.GetByLabel("Title").FillAsync("Move the reading block to the morning");
        await form.GetByLabel("Area").FillAsync("scheduling");
        await form.GetByLabel("Mode").SelectOptionAsync("TeacherLed");
        await form.GetByLabel("Maya Chen").CheckAsync();
        await form.GetByLabel("James Okafor").CheckAsync();
        await form.GetByLabel("Equity focus").CheckAsync();
        await form.GetByLabel("Rationale").FillAsync("Students read best before lunch.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/schools/{School}/entries/\\d+$"));
        await Assertions.Expect(page.Locator("dd[data-field='mode']")).ToHaveTextAsync("Teacher-led");

        var decisions = await Decisions(decisionId);
        var data = Assert.Single(decisions);
        Assert.Equal("Move the reading block to the morning", data.GetProperty("title").GetString());
        Assert.Equal("TeacherLed", data.GetProperty("mode").GetString());
        Assert.True(data.GetProperty("equityFocus").GetBoolean());
        Assert.Equal(["t-mg-01", "t-mg-02"], data.GetProperty("participants").EnumerateArray().Select(p => p.GetString()!).Order(StringComparer.Ordinal));
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task A_decision_recorded_through_the_form_appears_on_the_schools_timeline_page()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{School}/record");
        var form = browser.Page.Locator("form#DecisionRecorded");
        var title = $"Form to timeline {Guid.NewGuid():N}"[..28];
        await form.GetByLabel("Title").FillAsync(title);
        await form.GetByLabel("Area").FillAsync("scheduling");
        await form.GetByLabel("Mode").SelectOptionAsync("StaffConsensus");
        await form.GetByLabel("Maya Chen").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();
        await Assertions.Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/schools/{School}/entries/\\d+$"));

        // Left without a date it happened now, so it is among the latest decisions.
        var since = DateTimeOffset.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await browser.GotoAsync($"/schools/{School}?kind=DecisionRecorded&from={since}");

        var entry = browser.Page.Locator(".tl-entry", new() { HasText = title });
        await Assertions.Expect(entry).ToHaveCountAsync(1);
        await Assertions.Expect(entry.Locator(".badge--mode")).ToHaveTextAsync("Decision mode: Staff consensus");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task An_empty_title_shows_the_APIs_message_next_to_the_field_and_records_nothing()
    {
        var before = await Version();
        await using var browser = await web.OpenAsync(WebFixture.Phone);
        await browser.GotoAsync($"/schools/{School}/record");
        var page = browser.Page;
        var form = page.Locator("form#DecisionRecorded");
        await form.GetByLabel("Area").FillAsync("scheduling");

        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        var title = form.Locator("#DecisionRecorded-title");
        var error = form.Locator("[data-field='title'] .field-error");
        await Assertions.Expect(error).ToHaveTextAsync("title is required.");
        await Assertions.Expect(title).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await title.GetAttributeAsync("aria-describedby");
        Assert.Contains(await error.GetAttributeAsync("id"), describedBy!.Split(' '));
        var summary = form.Locator(".form-summary[role='alert']");
        await Assertions.Expect(summary).ToContainTextAsync("This was not recorded");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "title is required." })).ToHaveAttributeAsync("href", "#DecisionRecorded-title");
        await Assertions.Expect(form.Locator(".form-result")).ToBeEmptyAsync();
        Assert.Equal(before, await Version());
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Fact]
    public async Task A_participant_not_on_the_staff_that_day_is_refused_with_the_message_next_to_the_participants()
    {
        var before = await Version();
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{School}/record");
        var page = browser.Page;
        var form = page.Locator("form#DecisionRecorded");
        await form.GetByLabel("Title").FillAsync("Before the teachers arrived");
        await form.GetByLabel("Area").FillAsync("planning");
        await form.GetByLabel("Maya Chen").CheckAsync();
        // Maple Grove was registered on 2 August 2021; Maya Chen joined its staff on 9 August.
        await form.GetByLabel("When it happened").FillAsync("2021-08-05T10:00");

        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        var error = form.Locator("fieldset[data-field='participants'] .field-error");
        await Assertions.Expect(error).ToContainTextAsync("Teacher t-mg-01 was not on the school's staff on 2021-08-05.");
        await Assertions.Expect(form.GetByLabel("Maya Chen")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.Locator(".form-summary")).ToContainTextAsync("This was not recorded");
        Assert.Equal(before, await Version());
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Fact]
    public async Task A_rule_of_the_history_that_names_a_field_shows_its_detail_next_to_that_field()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{School}/record");
        var form = browser.Page.Locator("form#BreakingRanksEpisodeEscalated");
        // An episode that was never opened: the API answers 404 with "field": "episodeId" and no errors object.
        await form.Locator("#BreakingRanksEpisodeEscalated-episodeId").EvaluateAsync("select => select.add(new Option('never-opened', 'never-opened', true, true))");

        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Assertions.Expect(form.Locator("[data-field='episodeId'] .field-error")).ToHaveTextAsync("No breaking-ranks episode never-opened has been opened.");
        await Assertions.Expect(form.Locator("#BreakingRanksEpisodeEscalated-episodeId")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.Locator(".form-summary")).ToContainTextAsync("This was not recorded");
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Fact]
    public async Task A_problem_that_names_no_field_of_the_form_shows_its_detail_in_the_summary()
    {
        // A key already used for another command: the API answers 409 naming Idempotency-Key, no field of the form.
        var key = $"web-test-{Guid.NewGuid():N}";
        var used = await web.Api.Post($"/api/schools/{School}/decisions",
            new { decisionId = $"used-key-{Guid.NewGuid():N}"[..20], title = "Open the library at lunch", area = "facilities", mode = "Shared", participants = Array.Empty<string>(), equityFocus = false, rationale = "" }, key);
        used.EnsureSuccessStatusCode();
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{School}/record");
        var form = browser.Page.Locator("form#DecisionRecorded");
        await form.EvaluateAsync($"form => {{ form.dataset.idempotencyKey = '{key}'; }}");
        await form.GetByLabel("Title").FillAsync("Open the library at lunch and after school");
        await form.GetByLabel("Area").FillAsync("facilities");

        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        var summary = form.Locator(".form-summary");
        await Assertions.Expect(summary).ToContainTextAsync("This was not recorded: This Idempotency-Key was already used for a different command");
        await Assertions.Expect(form.Locator(".field-error")).ToHaveCountAsync(0);
        await Assertions.Expect(form.Locator(".form-result")).ToBeEmptyAsync();
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Fact]
    public async Task An_informal_act_of_leadership_is_recorded_on_the_teacher_chosen_in_the_form()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{School}/record");
        var form = browser.Page.Locator("form#InformalLeadershipObserved");
        await form.GetByLabel("Teacher").SelectOptionAsync(new SelectOptionValue { Label = "Olivia Grant" });
        await form.GetByLabel("Act").SelectOptionAsync("ModeledPractice");
        await form.GetByLabel("Domain").SelectOptionAsync("Instruction");
        await form.GetByLabel("Note").FillAsync("Opened her classroom for a reading conference demonstration.");
        await form.GetByLabel("Observed by").FillAsync("principal.ortiz");

        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Assertions.Expect(browser.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/teachers/t-mg-12/entries/\\d+$"));
        var events = await web.Api.GetJson("/api/teachers/t-mg-12/events?limit=1000");
        Assert.Contains(events.GetProperty("events").EnumerateArray(), e =>
            e.GetProperty("type").GetString() == "InformalLeadershipObserved.v1"
            && e.GetProperty("data").GetProperty("note").GetString() == "Opened her classroom for a reading conference demonstration.");
        Assert.Empty(browser.Errors);
    }

    private async Task<List<JsonElement>> Decisions(string decisionId)
    {
        var events = await web.Api.GetJson($"/api/schools/{School}/events?limit=1000");
        return [.. events.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "DecisionRecorded.v1")
            .Select(e => e.GetProperty("data"))
            .Where(d => d.GetProperty("decisionId").GetString() == decisionId)];
    }

    private async Task<long> Version() =>
        (await web.Api.GetJson($"/api/schools/{School}/state")).GetProperty("version").GetInt64();
}
