using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;
using static LearningOrg.Tests.Research.ResearchApi;

namespace LearningOrg.Tests.Research;

/// <summary>Lines of an import file, in the export's shape.</summary>
internal static class ImportLines
{
    public static string Line(string streamId, DomainEvent data, Guid? eventId = null, string? commandId = null) =>
        JsonSerializer.Serialize(new
        {
            eventId = eventId ?? Guid.NewGuid(),
            sequence = 0,
            streamId,
            version = 0,
            type = EventCatalog.For(data.GetType()).Name,
            occurredAt = data.OccurredAt,
            recordedAt = DateTimeOffset.UnixEpoch,
            recordedBy = "someone-else",
            commandId = commandId ?? Guid.NewGuid().ToString("N"),
            data = JsonSerializer.SerializeToElement(data, data.GetType(), ApiFixture.Json),
        }, ApiFixture.Json);
}

public sealed class ImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task<int> EventCount(string path) =>
        (await api.GetJson($"{path}/events?limit=1000")).GetProperty("events").GetArrayLength();

    [Fact]
    public async Task A_file_with_bad_lines_reports_their_numbers_and_reasons_and_imports_the_good_ones()
    {
        var school = NewId("s");
        var teacher = NewId("t");
        var lines = new[]
        {
            /* 1 */ ImportLines.Line($"school/{school}", new SchoolRegistered("Imported", "North", 30) { OccurredAt = Day(0) }),
            /* 2 */ "{\"eventId\": \"not closed\"",
            /* 3 */ ImportLines.Line($"school/{school}", new StaffCountChanged(31) { OccurredAt = Day(1) }).Replace("StaffCountChanged.v1", "StaffShrunk.v1", StringComparison.Ordinal),
            /* 4 */ ImportLines.Line($"school/{school}", new StaffCountChanged(0) { OccurredAt = Day(2) }),
            /* 5 */ "   ",
            /* 6 */ ImportLines.Line($"school/{school}", new StaffCountChanged(35) { OccurredAt = Day(3) }),
            /* 7 */ ImportLines.Line($"school/{NewId("s")}", new StaffCountChanged(35) { OccurredAt = Day(3) }),
            /* 8 */ ImportLines.Line($"school/{school}", new StaffCountChanged(36) { OccurredAt = Day(4) }).Replace("\"eventId\"", "\"eventID\"", StringComparison.Ordinal),
            /* 9 */ ImportLines.Line($"school/{school}", new StaffCountChanged(37) { OccurredAt = Day(5) }).Replace("\"staffCount\"", "\"colour\":\"red\",\"staffCount\"", StringComparison.Ordinal),
            /* 10 */ ImportLines.Line($"school/{teacher}", new TeacherRegistered("Ada Byron", school, ["Mathematics"], ["5"], 4) { OccurredAt = Day(6) }),
            /* 11 */ ImportLines.Line($"teacher/{teacher}", new TeacherRegistered("Ada Byron", school, ["Mathematics"], ["5"], 4) { OccurredAt = Day(6) }),
            /* 12 */ ImportLines.Line($"teacher/{teacher}", new RoleTaken(school, "coach", "Coach") { OccurredAt = Day(7) }),
            /* 13 */ ImportLines.Line($"school/{school}", new StaffCountChanged(38)).Replace("\"occurredAt\":\"0001-01-01T00:00:00+00:00\",", string.Empty, StringComparison.Ordinal),
            /* 14 */ ImportLines.Line($"school/{school}", new TeacherLeftStaff(teacher) { OccurredAt = Day(8) }, commandId: "earlier-move/leave"),
        };

        var report = await api.ImportAsync(string.Join('\n', lines) + "\n");

        Assert.Equal(13, report.Num("lines"));
        Assert.Equal(3, report.Num("accepted"));
        Assert.Equal(2, report.Num("skipped"));
        Assert.Equal(0, report.Num("replayed"));
        Assert.Equal(8, report.Num("rejectedCount"));
        var rejected = report.GetProperty("rejected").EnumerateArray().Select(r => (r.Num("line"), r.Str("code"))).ToList();
        Assert.Equal(
            [(2, "malformed-json"), (3, "unknown-type"), (4, "invalid-field"), (7, "not-found"), (8, "invalid-line"), (9, "invalid-data"), (10, "invalid-line"), (13, "invalid-line")],
            rejected);
        var reasons = report.GetProperty("rejected").EnumerateArray().ToDictionary(r => r.Num("line"));
        Assert.Equal("staffCount", reasons[4].Str("field"));
        Assert.Equal("data.colour", reasons[9].Str("field"));
        Assert.Equal("streamId", reasons[10].Str("field"));
        Assert.Equal("occurredAt", reasons[13].Str("field"));
        Assert.Contains("StaffShrunk.v1", reasons[3].Str("reason"), StringComparison.Ordinal);

        var state = (await api.GetJson($"/api/schools/{school}/state")).GetProperty("state");
        Assert.Equal(35, state.GetProperty("staffCount").GetInt32());
        // The registration's follow-up put the teacher on the staff; the skipped line did not take them off.
        Assert.Equal(JsonValueKind.Null, state.GetProperty("staffHistory").GetProperty(teacher)[0].GetProperty("to").ValueKind);
        Assert.Equal(3, await EventCount($"/api/schools/{school}"));
        var joined = (await api.GetJson($"/api/schools/{school}/events")).GetProperty("events")[2];
        Assert.EndsWith("/join", joined.Str("commandId"), StringComparison.Ordinal);
        Assert.StartsWith("import/", joined.Str("commandId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_adds_nothing()
    {
        var school = NewId("s");
        var teacher = NewId("t");
        var file = string.Join('\n',
            ImportLines.Line($"school/{school}", new SchoolRegistered("Twice", "North", 30) { OccurredAt = Day(0) }),
            ImportLines.Line($"teacher/{teacher}", new TeacherRegistered("Bo Twice", school, ["Art"], ["2"], 4) { OccurredAt = Day(1) }),
            ImportLines.Line($"school/{school}", new TeacherLeaderRoleDefined("mentor", "Mentor", "Mentoring", [], [], 2, 1, DecidedAt.School) { OccurredAt = Day(2) }),
            ImportLines.Line($"school/{school}", new RoleAssigned("mentor", teacher) { OccurredAt = Day(3) }),
            ImportLines.Line($"teacher/{teacher}", new ProfessionalLearningCompleted("Mentoring 101", 12.5m, "Feedback") { OccurredAt = Day(4) }));

        var first = await api.ImportAsync(file);
        var schoolEvents = await EventCount($"/api/schools/{school}");
        var teacherEvents = await EventCount($"/api/teachers/{teacher}");
        var second = await api.ImportAsync(file);

        Assert.Equal((5L, 0L, 0L), (first.Num("accepted"), first.Num("replayed"), first.Num("rejectedCount")));
        Assert.Equal((0L, 5L, 0L), (second.Num("accepted"), second.Num("replayed"), second.Num("rejectedCount")));
        Assert.Equal(schoolEvents, await EventCount($"/api/schools/{school}"));
        Assert.Equal(teacherEvents, await EventCount($"/api/teachers/{teacher}"));
        Assert.Equal(4, schoolEvents);
        Assert.Equal(3, teacherEvents);
        var held = (await api.GetJson($"/api/teachers/{teacher}/state")).GetProperty("state");
        Assert.Equal(12.5m, held.GetProperty("professionalLearningHours").GetDecimal());
        Assert.Equal(1, held.GetProperty("rolesEverTaken").GetInt32());
    }

    [Fact]
    public async Task Importing_an_export_into_the_store_it_came_from_adds_nothing()
    {
        var world = await new World(api).Build();
        var export = await api.ExportAsync($"?scope=school:{world.SchoolA}&identifiable=true");
        var versions = await Task.WhenAll(export.Lines.Select(l => l.Str("streamId")).Distinct().Select(async s => (s, await EventCount(PathOf(s)))));

        var report = await api.ImportAsync(new ByteArrayContent(export.Bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/x-ndjson") } });

        Assert.Equal(0, report.Num("accepted"));
        Assert.Equal(0, report.Num("rejectedCount"));
        Assert.Equal(export.Lines.Count, report.Num("replayed") + report.Num("skipped"));
        Assert.True(report.Num("skipped") > 0, "The export holds follow-ups (staff joins, roles taken).");
        foreach (var (stream, count) in versions)
        {
            Assert.Equal(count, await EventCount(PathOf(stream)));
        }
    }

    [Fact]
    public async Task The_list_of_rejected_lines_stops_at_a_thousand_and_the_count_does_not()
    {
        var file = string.Concat(Enumerable.Range(0, 1005).Select(i => $"not json {i}\n"));

        var report = await api.ImportAsync(file);

        Assert.Equal(1005, report.Num("rejectedCount"));
        var listed = report.GetProperty("rejected").EnumerateArray().Select(r => r.Num("line")).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(n => (long)n), listed);
    }

    [Fact]
    public async Task An_import_that_is_not_JSON_Lines_is_415()
    {
        using var response = await api.Http.PostAsync("/api/imports", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_line_longer_than_the_limit_is_rejected_and_the_lines_around_it_are_imported()
    {
        var school = NewId("s");
        var huge = ImportLines.Line($"school/{school}", new StaffCountChanged(31) { OccurredAt = Day(1) })
            .Replace("\"staffCount\"", $"\"padding\":\"{new string('x', LearningOrg.Research.Importer.MaxLineBytes)}\",\"staffCount\"", StringComparison.Ordinal);
        var file = string.Join('\n',
            ImportLines.Line($"school/{school}", new SchoolRegistered("Long", "North", 30) { OccurredAt = Day(0) }),
            huge,
            ImportLines.Line($"school/{school}", new StaffCountChanged(32) { OccurredAt = Day(2) }));

        var report = await api.ImportAsync(file);

        Assert.Equal((3L, 2L), (report.Num("lines"), report.Num("accepted")));
        var rejected = Assert.Single(report.GetProperty("rejected").EnumerateArray());
        Assert.Equal((2L, "line-too-long"), (rejected.Num("line"), rejected.Str("code")));
        Assert.Equal(32, (await api.GetJson($"/api/schools/{school}/state")).GetProperty("state").GetProperty("staffCount").GetInt32());
    }

    [Fact]
    public Task A_generated_file_of_10_000_events_streams_in_one_call() => LargeImport.Run(api, schools: 100, eventsPerSchool: 100);
}

/// <summary>A test too long for the default suite: it runs when LEARNINGORG_LARGE_TESTS=1, and is skipped otherwise.</summary>
public sealed class LargeFactAttribute : FactAttribute
{
    public const string Variable = "LEARNINGORG_LARGE_TESTS";

    public LargeFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"A large test (about two minutes here); run it with {Variable}=1 dotnet test --filter Category=Large.";
        }
    }
}

/// <summary>The 100,000-event import, outside the default suite for its running time (the 10,000-event one is in it).</summary>
public sealed class LargeImportTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [LargeFact]
    [Trait("Category", "Large")]
    public Task A_generated_file_of_100_000_events_streams_in_one_call() => LargeImport.Run(api, schools: 500, eventsPerSchool: 200);
}

internal static class LargeImport
{
    public static async Task Run(ApiFixture api, int schools, int eventsPerSchool)
    {
        var prefix = NewId("g");
        using var client = api.ClientFor(ApiFixture.Admin);
        client.Timeout = TimeSpan.FromMinutes(30);
        using var content = new GeneratedLines(prefix, schools, eventsPerSchool).Init();

        var report = await api.ImportAsync(content, client);

        Assert.Equal((long)schools * eventsPerSchool, report.Num("lines"));
        Assert.Equal(0, report.Num("rejectedCount"));
        Assert.Equal((long)schools * eventsPerSchool, report.Num("accepted"));
        foreach (var s in new[] { 0, schools / 2, schools - 1 })
        {
            var state = await api.GetJson($"/api/schools/{prefix}-{s}/state");
            Assert.Equal(eventsPerSchool, state.Num("version"));
        }
    }

    /// <summary>
    /// A body written as it is sent, without a length: schools registered, then their events in turns, so that many
    /// streams are in the file at once. Never held whole in memory, on either side.
    /// </summary>
    private sealed class GeneratedLines(string prefix, int schools, int eventsPerSchool) : HttpContent
    {
        private static readonly string[] Conditions = ["time", "trust", "resources"];

        public GeneratedLines Init()
        {
            Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            return this;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            for (var e = 0; e < eventsPerSchool; e++)
            {
                for (var s = 0; s < schools; s++)
                {
                    await writer.WriteAsync(ImportLines.Line($"school/{prefix}-{s}", Event(e)));
                    await writer.WriteAsync('\n');
                }
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        private static SchoolEvent Event(int n)
        {
            var at = Day(0).AddHours(n);
            return (n % 4) switch
            {
                _ when n == 0 => new SchoolRegistered("Generated", "North", 30) { OccurredAt = at },
                0 => new StaffCountChanged(20 + (n % 30)) { OccurredAt = at },
                1 => new SchoolConditionAssessed(Conditions[n % 3], 1 + (n % 4), "") { OccurredAt = at },
                2 => new DecisionRecorded(string.Create(CultureInfo.InvariantCulture, $"d-{n}"), "Generated", "schedule", DecisionMode.Shared, [], false, "") { OccurredAt = at },
                _ => new LeadershipStageAssessed((LeadershipStage)(n % 4), "Generated", "Generator") { OccurredAt = at },
            };
        }
    }
}
