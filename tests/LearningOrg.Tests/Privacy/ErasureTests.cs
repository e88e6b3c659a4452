using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore.Privacy;
using LearningOrg.Tests.Infrastructure;
using LearningOrg.Tests.Research;
using Npgsql;

namespace LearningOrg.Tests.Privacy;

/// <summary>
/// A teacher's erasure through the real API: their name is gone from every response and every table, and the history
/// keeps its shape. Each test records a school of its own.
/// </summary>
public sealed class ErasureTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string OtherName = "Ottoline Brackwater";

    [Fact]
    public async Task After_erasure_no_read_export_replay_or_page_shows_the_name_and_the_history_keeps_its_shape()
    {
        var story = await Story.RecordAsync(api);
        // A live activation with the name in memory, and a snapshot of it: the teacher has more than 100 events.
        Assert.Contains(story.Name, await Body($"/api/teachers/{story.Teacher}/state"), StringComparison.Ordinal);
        var showingTheName = new List<string>();
        foreach (var path in story.ReadPaths())
        {
            if ((await Body(path)).Contains(story.Trace, StringComparison.OrdinalIgnoreCase))
            {
                showingTheName.Add(path);
            }
        }
        Assert.Contains($"/api/schools/{story.School}/timeline?pageSize=500", showingTheName);
        Assert.Contains($"/api/schools/{story.School}/episodes", showingTheName);
        Assert.Contains($"/api/exports/events?scope=school:{story.School}&identifiable=true", showingTheName);
        Assert.Contains($"/schools/{story.School}", showingTheName);
        var before = await story.ShapeAsync();

        var record = await Erase(story.Teacher);

        Assert.Equal(story.Teacher, record.Str("teacherId"));
        Assert.Equal(ApiFixture.Admin.Subject, record.Str("requestedBy"));
        var masked = record.GetProperty("fields").EnumerateArray().Select(f => (f.Str("streamId"), f.Str("type"), f.Str("field"))).ToHashSet();
        Assert.Contains(($"teacher/{story.Teacher}", "TeacherRegistered.v1", "name"), masked);
        Assert.Contains(($"teacher/{story.Colleague}", "InformalLeadershipObserved.v1", "observedBy"), masked);
        Assert.Contains(($"school/{story.School}", "LeadershipStageAssessed.v1", "assessedBy"), masked);
        Assert.Contains(($"school/{story.School}", "DecisionRecorded.v1", "rationale"), masked);
        Assert.Contains(($"school/{story.School}", "BreakingRanksEpisodeOpened.v2", "description"), masked);
        Assert.Contains(($"school/{story.School}", "BreakingRanksEpisodeEscalated.v1", "note"), masked);
        Assert.DoesNotContain(story.Trace, record.GetRawText(), StringComparison.OrdinalIgnoreCase);

        foreach (var path in story.ReadPaths())
        {
            var body = await Body(path);
            Assert.False(body.Contains(story.Trace, StringComparison.OrdinalIgnoreCase), $"GET {path} still shows the name.");
        }
        Assert.Equal(PersonalDataRedactor.Erased, (await api.GetJson($"/api/teachers/{story.Teacher}/state")).GetProperty("state").Str("name"));
        Assert.Empty(await TablesHolding(api.Schema, story.Trace));
        Assert.Equal(before, await story.ShapeAsync());
        // Only this teacher's name went: the colleague who observed them keeps theirs.
        Assert.Contains(OtherName, await Body($"/api/teachers/{story.Teacher}/events?limit=1000"), StringComparison.Ordinal);
        Assert.Contains(OtherName, await Body($"/api/teachers/{story.Colleague}/state"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasing_twice_answers_the_same_and_changes_nothing_more()
    {
        var story = await Story.RecordAsync(api);
        var first = await Erase(story.Teacher);
        var shape = await story.ShapeAsync();
        var events = await Body($"/api/schools/{story.School}/events?limit=1000");

        var second = await Erase(story.Teacher);

        Assert.Equal(first.GetRawText(), second.GetRawText());
        Assert.Equal(shape, await story.ShapeAsync());
        Assert.Equal(events, await Body($"/api/schools/{story.School}/events?limit=1000"));
        Assert.Equal(first.GetRawText(), (await api.GetJson($"/api/teachers/{story.Teacher}/erasure")).GetRawText());
    }

    [Fact]
    public async Task A_new_activation_over_the_same_store_shows_no_name()
    {
        var story = await Story.RecordAsync(api);
        await Erase(story.Teacher);

        await using var second = await SecondApi.StartAsync(api.Schema);
        foreach (var path in story.ReadPaths())
        {
            using var response = await second.Http.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
            Assert.False(body.Contains(story.Trace, StringComparison.OrdinalIgnoreCase), $"GET {path} on a second API still shows the name.");
        }
    }

    [Fact]
    public async Task Erasing_an_unknown_teacher_is_not_found_and_logs_nothing()
    {
        var id = ResearchApi.NewId("nobody");
        using var response = await api.Http.PostAsync($"/api/teachers/{id}/erasure", null);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var record = await api.Http.GetAsync($"/api/teachers/{id}/erasure");
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
    }

    private async Task<JsonElement> Erase(string teacherId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/teachers/{teacherId}/erasure");
        using var response = await api.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<string> Body(string path)
    {
        using var response = await api.Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>The schema's tables that hold <paramref name="text"/> in any row, ignoring case.</summary>
    private static async Task<List<string>> TablesHolding(string schema, string text)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue(schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var holding = new List<string>();
        foreach (var table in tables)
        {
            await using var search = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{table}\" t where t::text ilike $1", connection);
            search.Parameters.AddWithValue($"%{text}%");
            if ((long)(await search.ExecuteScalarAsync())! > 0)
            {
                holding.Add(table);
            }
        }
        return holding;
    }

    /// <summary>
    /// A school with the teacher to erase and a colleague: the teacher's name in their registration, in the colleague's
    /// stream as observer, in the school's stream as assessor and in free text; the colleague's name in the teacher's
    /// stream as observer. The teacher has more than 100 events, so their stream has a snapshot.
    /// </summary>
    private sealed class Story(ApiFixture api)
    {
        public string School { get; } = ResearchApi.NewId("se");
        public string Teacher { get; } = ResearchApi.NewId("te");
        public string Colleague { get; } = ResearchApi.NewId("tc");

        /// <summary>The teacher's surname, made up for this story: a response or row holding it holds the name.</summary>
        public string Trace { get; } = "zanzi" + string.Concat(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6));

        public string Name => $"Philippa {char.ToUpperInvariant(Trace[0])}{Trace[1..]}";

        /// <summary>A committed sequence past every event of the story, for the reads as of a sequence.</summary>
        public long Sequence { get; private set; }

        public static async Task<Story> RecordAsync(ApiFixture api)
        {
            var story = new Story(api);
            await story.Record();
            return story;
        }

        /// <summary>Every read of the API and every page that showed the name before the erasure.</summary>
        public IEnumerable<string> ReadPaths()
        {
            foreach (var stream in new[] { $"teachers/{Teacher}", $"teachers/{Colleague}", $"schools/{School}" })
            {
                yield return $"/api/{stream}/state";
                yield return $"/api/{stream}/state?asOf=2022-06-30T00:00:00Z";
                yield return $"/api/{stream}/state?asOfSequence={Sequence}";
                yield return $"/api/{stream}/events?limit=1000";
                yield return $"/api/{stream}/replay?limit=200";
            }
            yield return $"/api/teachers/{Teacher}/replay?fromVersion=100&limit=200";
            yield return $"/api/schools/{School}/timeline?pageSize=500";
            yield return $"/api/schools/{School}/timeline?person={Teacher}&pageSize=500";
            yield return $"/api/schools/{School}/episodes";
            yield return $"/api/exports/events?scope=school:{School}&identifiable=true";
            yield return $"/api/exports/events?scope=school:{School}&identifiable=true&format=csv";
            yield return $"/api/exports/events?scope=school:{School}";
            yield return $"/api/exports/events?identifiable=true";
            yield return $"/schools/{School}";
            yield return $"/schools/{School}?person={Teacher}";
            yield return $"/schools/{School}/replay?at=2022-06-30";
            yield return $"/schools/{School}/record";
            yield return "/";
        }

        /// <summary>
        /// What must not change: every stream's event count and version, the timeline's entries and their persons, the
        /// episodes' spans, the export's size and the culture trajectory.
        /// </summary>
        public async Task<string> ShapeAsync()
        {
            var counts = new List<object>();
            foreach (var stream in new[] { $"teachers/{Teacher}", $"teachers/{Colleague}", $"schools/{School}" })
            {
                var events = await api.GetJson($"/api/{stream}/events?limit=1000");
                counts.Add(new { stream, events = events.GetProperty("events").GetArrayLength(), version = (await api.GetJson($"/api/{stream}/state")).Num("version") });
            }
            var timeline = await api.GetJson($"/api/schools/{School}/timeline?pageSize=500");
            var episodes = await api.GetJson($"/api/schools/{School}/episodes");
            var export = await api.ExportAsync($"?scope=school:{School}&identifiable=true");
            var trajectory = await api.GetJson($"/api/schools/{School}/trajectory?from=2021-08&to=2022-12");
            return JsonSerializer.Serialize(new
            {
                counts,
                timeline = timeline.Num("total"),
                persons = timeline.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("persons").GetRawText()).ToList(),
                // Episodes without their free text, which the erasure may change.
                episodes = episodes.GetProperty("episodes").EnumerateArray().Select(e => string.Join(' ',
                    e.Str("episodeId"), e.Str("teacherId"), e.Str("status"), e.Str("openedAt"), e.Str("highestLevel"),
                    e.GetProperty("escalations").GetArrayLength(), e.GetProperty("daysOpen").GetInt32())).ToList(),
                export = export.Lines.Count,
                trajectory = trajectory.GetRawText(),
            });
        }

        private async Task Record()
        {
            await api.Recorded($"/api/schools/{School}", new SchoolRegistered("Erasure Elementary", "North", 20) { OccurredAt = ResearchApi.Day(0) });
            await api.Recorded($"/api/teachers/{Teacher}", new TeacherRegistered(Name, School, ["Art"], ["4"], 9) { OccurredAt = ResearchApi.Day(1) });
            await api.Recorded($"/api/teachers/{Colleague}", new TeacherRegistered(OtherName, School, ["History"], ["5"], 4) { OccurredAt = ResearchApi.Day(1) });
            await api.Recorded($"/api/teachers/{Teacher}/informal-leadership",
                new InformalLeadershipObserved(LeadershipAct.ModeledPractice, LeadershipDomain.Instruction, "Opened the studio to visitors.", OtherName) { OccurredAt = ResearchApi.Day(5) });
            await api.Recorded($"/api/teachers/{Colleague}/informal-leadership",
                new InformalLeadershipObserved(LeadershipAct.AskedCriticalQuestion, LeadershipDomain.Research, "Asked why.", $"  philippa   {Trace.ToUpperInvariant()} ") { OccurredAt = ResearchApi.Day(6) });
            await api.Recorded($"/api/schools/{School}/stage-assessments",
                new LeadershipStageAssessed(LeadershipStage.Emerging, "Two teachers lead.", Name) { OccurredAt = ResearchApi.Day(7) });
            await api.Recorded($"/api/schools/{School}/roles",
                new TeacherLeaderRoleDefined("mentor", "Mentor", "Instruction", ["Mentor new staff"], ["Meet weekly"], 2, 1, DecidedAt.School) { OccurredAt = ResearchApi.Day(8) });
            await api.Recorded($"/api/schools/{School}/role-assignments", new RoleAssigned("mentor", Teacher) { OccurredAt = ResearchApi.Day(9) });
            await api.Recorded($"/api/schools/{School}/decisions",
                new DecisionRecorded("d1", "Shared planning time", "schedule", DecisionMode.Shared, [Teacher, Colleague], false,
                    $"{Name} proposed it; {OtherName} seconded.")
                { OccurredAt = ResearchApi.Day(10) });
            await api.Recorded($"/api/schools/{School}/breaking-ranks",
                new BreakingRanksEpisodeOpened("e1", Teacher, BreakingRanksAct.SpokeUp, $"{Name.ToUpperInvariant()} questioned the grading policy.", BreakingRanksLevel.SpeakingUp) { OccurredAt = ResearchApi.Day(11) });
            await api.Recorded($"/api/schools/{School}/breaking-ranks-escalations",
                new BreakingRanksEpisodeEscalated("e1", BreakingRanksLevel.AttractingAttention, $"Parents asked for {Name}.") { OccurredAt = ResearchApi.Day(12) });
            for (var i = 0; i < 100; i++)
            {
                await api.Recorded($"/api/teachers/{Teacher}/collaborations", new CollaborationJoined($"Team {i}") { OccurredAt = ResearchApi.Day(13 + i) });
            }
            Sequence = (await api.ExportAsync($"?scope=school:{School}")).Sequence;
        }
    }
}
