using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LearningOrg.Demo;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using Microsoft.Playwright;

namespace LearningOrg.Tests.Web;

/// <summary>
/// The record forms made from the event catalog: one for every event a person records, each filled in and sent as a
/// person would at laptop and phone width, against the real API.
/// </summary>
[Collection(WebCollection.Name)]
public sealed partial class EventFormTests(WebFixture web)
{
    private const string School = DemoIds.MapleGrove;
    private const string Form = "form#SchoolConditionAssessed";

    /// <summary>The record page of each aggregate, on a record of the demo story.</summary>
    private static readonly Dictionary<string, string> RecordPages = new(StringComparer.Ordinal)
    {
        [AggregateKind.School] = $"/schools/{School}/record",
        [AggregateKind.Teacher] = "/teachers/t-mg-01/record",
        [AggregateKind.Initiative] = $"/initiatives/{DemoIds.Initiative}/record",
        [AggregateKind.Network] = $"/networks/{DemoIds.Network}/record",
    };

    public static TheoryData<int> Widths() => [WebFixture.Desktop, WebFixture.Phone];

    [Fact]
    public async Task Every_event_a_person_records_has_a_form_with_a_control_for_each_of_its_fields_on_its_records_page()
    {
        var commands = EventCatalog.All.Where(t => t.Command is not null && !t.IsCreation).ToList();
        Assert.NotEmpty(commands);
        var missing = new List<string>();
        foreach (var (aggregate, events) in commands.GroupBy(t => t.Aggregate).Select(g => (g.Key, g.ToList())))
        {
            var html = await web.Api.Http.GetStringAsync(RecordPages[aggregate]);
            foreach (var type in events)
            {
                var form = Regex.Match(html, $"<form id=\"{type.Kind}\"[^>]*data-api=\"([^\"]*)\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
                if (!form.Success)
                {
                    missing.Add($"{type.Name}: no form on {RecordPages[aggregate]}");
                    continue;
                }
                Assert.EndsWith($"/{type.Command!.Route}", form.Groups[1].Value, StringComparison.Ordinal);
                foreach (var parameter in type.ClrType.GetConstructors().Single().GetParameters())
                {
                    var name = JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
                    if (!form.Groups[2].Value.Contains($"name=\"{name}\"", StringComparison.Ordinal))
                    {
                        missing.Add($"{type.Name}: no control for {name}");
                    }
                }
                Assert.Contains("name=\"occurredAt\"", form.Groups[2].Value, StringComparison.Ordinal);
            }
        }
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_condition_rated_through_its_generic_form_is_recorded_and_the_page_moves_to_the_new_entry(int width)
    {
        await using var browser = await web.OpenAsync(width);
        await browser.GotoAsync($"/schools/{School}/record");
        var form = browser.Page.Locator(Form);
        var strategy = $"Common planning time {Guid.NewGuid():N}"[..32];
        await form.GetByLabel("Condition").FillAsync("Time to collaborate");
        await form.GetByLabel("Rating").FillAsync("3");
        await form.GetByLabel("Strategy").FillAsync(strategy);

        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex($"/schools/{School}/entries/\\d+$"));
        var version = long.Parse(browser.Page.Url[(browser.Page.Url.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
        await Assertions.Expect(browser.Page.Locator("main h1")).ToHaveTextAsync("School condition assessed");
        await Assertions.Expect(browser.Page.Locator("dd[data-field='strategy']")).ToHaveTextAsync(strategy);
        await Assertions.Expect(browser.Page.Locator("dd[data-field='rating']")).ToHaveTextAsync("3");
        var data = Assert.Single(await Conditions(strategy));
        Assert.Equal(version, data.GetProperty("version").GetInt64());
        Assert.Equal(3, data.GetProperty("data").GetProperty("rating").GetInt32());
        await PageChecks.AssertSoundAsync(browser.Page, browser.Page.Url, width);
        Assert.Empty(browser.Errors);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_generic_form_sent_again_after_its_answer_was_lost_records_the_entry_once(int width)
    {
        await using var browser = await web.OpenAsync(width);
        await browser.GotoAsync($"/schools/{School}/record");
        var form = browser.Page.Locator(Form);
        var strategy = $"Peer visits {Guid.NewGuid():N}"[..24];
        await form.GetByLabel("Condition").FillAsync("Shared leadership");
        await form.GetByLabel("Rating").FillAsync("2");
        await form.GetByLabel("Strategy").FillAsync(strategy);
        // The first answer is lost on the way back: the API records the entry, the browser sees a failed request.
        var lost = 0;
        await browser.Page.RouteAsync("**/api/schools/*/condition-assessments", async route =>
        {
            if (Interlocked.Increment(ref lost) == 1)
            {
                await route.FetchAsync();
                await route.AbortAsync();
            }
            else
            {
                await route.ContinueAsync();
            }
        });
        var submit = form.GetByRole(AriaRole.Button, new() { Name = "Record" });
        await submit.ClickAsync();
        await Assertions.Expect(form.Locator(".form-summary")).ToContainTextAsync("Sending it again is safe");
        Assert.Single(await Conditions(strategy));

        await submit.ClickAsync();

        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex($"/schools/{School}/entries/\\d+$"));
        await Assertions.Expect(browser.Page.Locator("dd[data-field='strategy']")).ToHaveTextAsync(strategy);
        Assert.Single(await Conditions(strategy));
        Assert.Equal(2, lost);
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public async Task A_rating_out_of_range_is_refused_with_the_APIs_message_at_its_field_and_nothing_recorded(int width)
    {
        var before = await Version();
        await using var browser = await web.OpenAsync(width);
        await browser.GotoAsync($"/schools/{School}/record");
        var form = browser.Page.Locator(Form);
        await form.GetByLabel("Condition").FillAsync("Time to collaborate");
        await form.GetByLabel("Rating").FillAsync("9");

        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        var error = form.Locator("[data-field='rating'] .field-error");
        await Assertions.Expect(error).ToContainTextAsync("rating must lie between 1 and 4");
        await Assertions.Expect(form.Locator("#SchoolConditionAssessed-rating")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(form.Locator(".form-summary")).ToContainTextAsync("This was not recorded");
        Assert.EndsWith("/record", browser.Page.Url, StringComparison.Ordinal);
        Assert.Equal(before, await Version());
        await PageChecks.AssertSoundAsync(browser.Page, "/record", width);
        Assert.Empty(browser.ErrorsBesidesRefusedCommands());
    }

    [Fact]
    public async Task A_teachers_form_records_on_the_teacher_and_shows_the_entry_with_its_labels()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync("/teachers/t-mg-01/record");
        var form = browser.Page.Locator("form#InformalLeadershipObserved");
        await form.GetByLabel("Act").SelectOptionAsync(new SelectOptionValue { Label = "Modelled a practice" });
        await form.GetByLabel("Domain").SelectOptionAsync(new SelectOptionValue { Label = "Assessment and data" });
        await form.GetByLabel("Note").FillAsync("Walked colleagues through her data wall.");
        await form.GetByLabel("Observed by").FillAsync("principal");

        await form.GetByRole(AriaRole.Button, new() { Name = "Record" }).ClickAsync();

        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex("/teachers/t-mg-01/entries/\\d+$"));
        await Assertions.Expect(browser.Page.Locator("dd[data-field='act']")).ToHaveTextAsync("Modelled a practice");
        await Assertions.Expect(browser.Page.Locator("dd[data-field='domain']")).ToHaveTextAsync("Assessment and data");
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task An_entry_page_shows_every_field_with_its_label_who_recorded_it_when_and_its_sequence()
    {
        var events = await web.Api.GetJson($"/api/schools/{School}/events?limit=1000");
        var decision = events.GetProperty("events").EnumerateArray().First(e => e.GetProperty("type").GetString() == "DecisionRecorded.v1");
        var version = decision.GetProperty("version").GetInt64();
        var data = decision.GetProperty("data");
        await using var browser = await web.OpenAsync();

        await browser.GotoAsync($"/schools/{School}/entries/{version}");

        var page = browser.Page;
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Decision recorded");
        await Assertions.Expect(page.Locator("dd[data-field='title']")).ToHaveTextAsync(data.GetProperty("title").GetString()!);
        await Assertions.Expect(page.Locator("dd[data-field='rationale']")).ToHaveTextAsync(data.GetProperty("rationale").GetString()!);
        var mode = Enum.Parse<LearningOrg.Domain.Schools.DecisionMode>(data.GetProperty("mode").GetString()!);
        await Assertions.Expect(page.Locator("dd[data-field='mode']")).ToHaveTextAsync(Labels.Of(mode));
        await Assertions.Expect(page.Locator("dd[data-field='equityFocus']")).ToHaveTextAsync(data.GetProperty("equityFocus").GetBoolean() ? "Yes" : "No");
        // Participants by name, never by id.
        var participants = page.Locator("dd[data-field='participants'] li");
        await Assertions.Expect(participants).ToHaveCountAsync(data.GetProperty("participants").GetArrayLength());
        foreach (var text in await participants.AllTextContentsAsync())
        {
            Assert.DoesNotMatch("^t-[a-z]+-\\d+$", text);
        }
        await Assertions.Expect(page.Locator("dd[data-field='recordedBy']")).ToHaveTextAsync(decision.GetProperty("recordedBy").GetString()!);
        await Assertions.Expect(page.Locator("dd[data-field='sequence']")).ToHaveTextAsync(decision.GetProperty("sequence").GetInt64().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("dd[data-field='version']")).ToHaveTextAsync(version.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("dd[data-field='occurredAt'] time")).ToHaveAttributeAsync("datetime", new Regex("^" + decision.GetProperty("occurredAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)));
        await PageChecks.AssertSoundAsync(page, "/entries", WebFixture.Desktop);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task Each_timeline_line_links_to_its_entrys_full_record()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{School}?kind=DecisionRecorded");
        var first = browser.Page.Locator(".tl-entry").First;
        var title = await first.Locator(".tl-entry__text").TextContentAsync();

        await first.GetByRole(AriaRole.Link, new() { Name = "Full record" }).ClickAsync();

        await Assertions.Expect(browser.Page).ToHaveURLAsync(new Regex($"/schools/{School}/entries/\\d+$"));
        await Assertions.Expect(browser.Page.Locator("main h1")).ToHaveTextAsync("Decision recorded");
        var recordedTitle = await browser.Page.Locator("dd[data-field='title']").TextContentAsync();
        Assert.Contains(recordedTitle!, title, StringComparison.Ordinal);
        Assert.Empty(browser.Errors);
    }

    [Fact]
    public async Task An_entry_that_does_not_exist_answers_not_found()
    {
        var response = await web.Api.Http.GetAsync($"/schools/{School}/entries/999999");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_timeline_names_teachers_where_it_used_to_show_their_ids()
    {
        await using var browser = await web.OpenAsync();
        await browser.GotoAsync($"/schools/{School}?kind=TeacherJoinedStaff");

        var summaries = await browser.Page.Locator(".tl-entry__text").AllTextContentsAsync();

        Assert.NotEmpty(summaries);
        Assert.Contains(summaries, s => s.StartsWith("Maya Chen joined the staff", StringComparison.Ordinal));
        Assert.DoesNotContain(summaries, s => TeacherId().IsMatch(s));
    }

    [GeneratedRegex(@"\bt-[a-z]+-\d+\b")]
    private static partial Regex TeacherId();

    private async Task<List<JsonElement>> Conditions(string strategy)
    {
        var events = await web.Api.GetJson($"/api/schools/{School}/events?limit=1000");
        return [.. events.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "SchoolConditionAssessed.v1"
                && e.GetProperty("data").GetProperty("strategy").GetString() == strategy)];
    }

    private async Task<long> Version() =>
        (await web.Api.GetJson($"/api/schools/{School}/state")).GetProperty("version").GetInt64();
}
