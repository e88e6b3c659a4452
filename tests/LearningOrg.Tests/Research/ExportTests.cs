using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using LearningOrg.Domain.Schools;
using LearningOrg.Tests.Infrastructure;
using Npgsql;
using static LearningOrg.Tests.Research.ResearchApi;

namespace LearningOrg.Tests.Research;

/// <summary>One world recorded once for every export test of the class.</summary>
public sealed class ExportWorldFixture : IAsyncLifetime
{
    private World? world;

    public ApiFixture Api { get; } = new();

    internal World World => world ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Api).InitializeAsync();
        world = await new World(Api).Build();
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)Api).DisposeAsync();
}

public sealed class ExportTests(ExportWorldFixture fixture) : IClassFixture<ExportWorldFixture>
{
    private static readonly string[] EnvelopeFields =
        ["eventId", "sequence", "streamId", "version", "type", "occurredAt", "recordedAt", "recordedBy", "commandId", "data"];

    private ApiFixture Api => fixture.Api;

    private World World => fixture.World;

    [Fact]
    public async Task A_JSON_Lines_export_holds_every_event_in_sequence_order_in_the_envelope_shape()
    {
        var export = await Api.ExportAsync("?identifiable=true");
        var lines = export.Lines;

        Assert.Equal("application/x-ndjson", export.MediaType);
        Assert.Equal($"learningorg-events-all-{export.Sequence}-identifiable.jsonl", export.FileName);
        Assert.All(lines, line => Assert.Equal(EnvelopeFields, line.EnumerateObject().Select(p => p.Name)));
        var sequences = lines.Select(l => l.Num("sequence")).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.True(sequences[^1] <= export.Sequence);
        // The same events the streams hold, with the same envelopes as the events endpoint.
        var schoolEvents = (await Api.GetJson($"/api/schools/{World.SchoolA}/events")).GetProperty("events").EnumerateArray().ToList();
        var exported = lines.Where(l => l.Str("streamId") == $"school/{World.SchoolA}").ToList();
        Assert.Equal(schoolEvents.Count, exported.Count);
        Assert.Equal(schoolEvents.Select(e => e.Str("eventId")), exported.Select(e => e.Str("eventId")));
        Assert.Equal(schoolEvents.Select(e => e.GetProperty("data").GetProperty("occurredAt").GetString()),
            exported.Select(e => e.GetProperty("data").GetProperty("occurredAt").GetString()));
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    public async Task An_export_fixed_at_a_sequence_is_byte_identical_later_even_after_more_events_are_recorded(string format)
    {
        var first = await Api.ExportAsync($"?scope=school:{World.SchoolA}&format={format}");
        await Api.Recorded($"/api/schools/{World.SchoolA}/staff-count", new StaffCountChanged(31) { OccurredAt = Day(10) });
        await Api.Recorded($"/api/schools/{World.SchoolA}/decisions",
            new DecisionRecorded($"late-{Guid.NewGuid():N}", "Entered late", "schedule", DecisionMode.PrincipalAlone, [World.TeacherA], false, "")
            {
                OccurredAt = Day(20),
            });

        var again = await Api.ExportAsync($"?scope=school:{World.SchoolA}&format={format}&upToSequence={first.Sequence}");
        var now = await Api.ExportAsync($"?scope=school:{World.SchoolA}&format={format}");

        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(first.Bytes, again.Bytes);
        Assert.True(now.Sequence > first.Sequence);
        Assert.True(now.Bytes.Length > first.Bytes.Length);
        Assert.Contains($"-{first.Sequence}.{format}", first.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_waits_for_an_append_that_drew_a_sequence_number_below_its_mark()
    {
        // A writer that has drawn the next sequence number but not yet committed, as Marten's append does.
        await using var writer = new NpgsqlConnection(TestDatabase.ConnectionString);
        await writer.OpenAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var draw = new NpgsqlCommand($"select nextval('\"{Api.Schema}\".mt_events_sequence')", writer, transaction))
        {
            await draw.ExecuteScalarAsync();
        }
        var later = (await Api.Recorded($"/api/schools/{World.SchoolC}/staff-count", new StaffCountChanged(29) { OccurredAt = Day(5) })).Num("version");
        var laterSequence = (await Api.GetJson($"/api/schools/{World.SchoolC}/events?fromVersion={later}")).GetProperty("events")[0].Num("sequence");

        DateTime asked;
        await using (var clock = new NpgsqlCommand("select clock_timestamp()", writer, transaction))
        {
            asked = (DateTime)(await clock.ExecuteScalarAsync())!;
        }
        var export = Api.ExportAsync($"?scope=school:{World.SchoolC}");
        await ExportSeenWaitingForOpenAppends(export, asked);
        Assert.False(export.IsCompleted, "The export must not fix its sequence while a number below it may still be committed.");
        await transaction.RollbackAsync();

        Assert.True((await export).Sequence >= laterSequence);
    }

    /// <summary>
    /// Waits (bounded) until this API's export is seen asking PostgreSQL whether the appends open below its mark have
    /// ended: it is then waiting for them, not finished. An export that does not wait finishes first and fails here.
    /// </summary>
    private async Task ExportSeenWaitingForOpenAppends(Task<ExportFile> export, DateTime asked)
    {
        await using var observer = new NpgsqlConnection(TestDatabase.ConnectionString);
        await observer.OpenAsync();
        await using var polling = new NpgsqlCommand(
            "select count(*) from pg_stat_activity where application_name = $1 and query_start >= $2 and query like '%virtualtransaction = any(%'",
            observer);
        polling.Parameters.AddWithValue(Api.Schema);
        polling.Parameters.AddWithValue(asked);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while ((long)(await polling.ExecuteScalarAsync(deadline.Token))! == 0)
        {
            Assert.False(export.IsCompleted, "The export finished while an append below its mark was still open.");
            await Task.Delay(TimeSpan.FromMilliseconds(20), deadline.Token);
        }
    }

    [Fact]
    public async Task A_school_export_holds_its_stream_its_teachers_streams_and_the_events_naming_it()
    {
        var lines = (await Api.ExportAsync($"?scope=school:{World.SchoolA}&identifiable=true")).Lines;
        var streams = lines.Select(l => l.Str("streamId")).ToHashSet();

        // The school, and every teacher ever on its staff, including the one who came from B.
        Assert.Contains($"school/{World.SchoolA}", streams);
        Assert.Contains($"teacher/{World.TeacherA}", streams);
        Assert.Contains($"teacher/{World.Mover}", streams);
        Assert.DoesNotContain($"school/{World.SchoolB}", streams);
        Assert.DoesNotContain($"school/{World.SchoolC}", streams);
        Assert.DoesNotContain($"teacher/{World.TeacherB}", streams);
        // Whole streams: the mover's registration at B is in.
        Assert.Contains(lines, l => l.Str("streamId") == $"teacher/{World.Mover}" && l.Str("type") == "TeacherRegistered.v1");
        // Of the initiative and the network, only what names A: its enrolment, its intervention and that one's completion.
        var initiative = lines.Where(l => l.Str("streamId") == $"initiative/{World.Initiative}").Select(l => l.Str("type")).ToList();
        Assert.Equal(["SchoolEnrolled.v1", "InterventionStarted.v1", "InterventionCompleted.v1"], initiative);
        Assert.All(lines.Where(l => l.Str("type") is "SchoolEnrolled.v1" or "InterventionStarted.v1"),
            l => Assert.Equal(World.SchoolA, l.GetProperty("data").Str("schoolId")));
        var network = lines.Where(l => l.Str("streamId") == $"network/{World.Network}").ToList();
        Assert.Equal("SchoolJoinedNetwork.v1", Assert.Single(network).Str("type"));
        var sequences = lines.Select(l => l.Num("sequence")).ToList();
        Assert.Equal(sequences.Order(), sequences);
    }

    [Fact]
    public async Task A_network_export_is_the_network_stream_and_the_union_of_its_member_schools_scopes()
    {
        var network = (await Api.ExportAsync($"?scope=network:{World.Network}&identifiable=true")).Lines;
        var schoolA = (await Api.ExportAsync($"?scope=school:{World.SchoolA}&identifiable=true")).Lines;
        var schoolB = (await Api.ExportAsync($"?scope=school:{World.SchoolB}&identifiable=true")).Lines;

        var streams = network.Select(l => l.Str("streamId")).ToHashSet();
        Assert.Contains($"school/{World.SchoolA}", streams);
        Assert.Contains($"school/{World.SchoolB}", streams);
        Assert.Contains($"teacher/{World.TeacherB}", streams);
        Assert.DoesNotContain($"school/{World.SchoolC}", streams);
        Assert.DoesNotContain(network, l => l.Str("streamId").StartsWith("initiative/", StringComparison.Ordinal)
            && l.GetProperty("data").TryGetProperty("schoolId", out var s) && s.GetString() == World.SchoolC);
        Assert.Contains(network, l => l.Str("type") == "NetworkFormed.v1");
        var union = schoolA.Concat(schoolB).Select(l => l.Str("eventId"))
            .Concat(network.Where(l => l.Str("streamId") == $"network/{World.Network}").Select(l => l.Str("eventId")))
            .ToHashSet();
        Assert.Equal(union.Order(), network.Select(l => l.Str("eventId")).Order());
    }

    [Fact]
    public async Task The_CSV_has_the_codebook_columns_whatever_the_scope_and_one_row_per_event()
    {
        var codebook = await Api.GetJson("/api/exports/codebook");
        var expected = codebook.GetProperty("envelope").EnumerateArray().Select(f => f.Str("csvColumn"))
            .Concat(codebook.GetProperty("eventTypes").EnumerateArray()
                .SelectMany(t => t.GetProperty("fields").EnumerateArray().Select(f => f.Str("csvColumn"))))
            .ToList();

        var school = await Api.ExportAsync($"?scope=school:{World.SchoolC}&format=csv");
        var all = await Api.ExportAsync($"?format=csv&upToSequence={school.Sequence}");
        var jsonl = await Api.ExportAsync($"?upToSequence={school.Sequence}");

        Assert.Equal("text/csv", school.MediaType);
        Assert.Equal(string.Join(',', expected), school.CsvHeader);
        Assert.Equal(school.CsvHeader, all.CsvHeader);
        Assert.Contains("DecisionRecorded.v1.participants", expected);
        var rows = all.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(jsonl.Lines.Count + 1, rows.Length);
    }

    [Fact]
    public async Task CSV_cells_hold_the_fields_of_their_own_type_with_lists_joined_by_semicolons()
    {
        var jsonl = await Api.ExportAsync($"?scope=school:{World.SchoolA}");
        var csv = await Api.ExportAsync($"?scope=school:{World.SchoolA}&format=csv&upToSequence={jsonl.Sequence}");
        var header = csv.CsvHeader.Split(',');
        var decision = jsonl.Lines.Single(l => l.Str("type") == "DecisionRecorded.v1" && l.GetProperty("data").Str("decisionId") == "d1");
        var row = csv.Text.Split("\r\n").Single(r => r.StartsWith(decision.Str("eventId"), StringComparison.Ordinal));
        var cells = row.Split(',');

        Assert.Equal(header.Length, cells.Length);
        string Cell(string column) => cells[Array.IndexOf(header, column)];
        Assert.Equal(string.Join(';', decision.GetProperty("data").GetProperty("participants").EnumerateArray().Select(p => p.GetString())),
            Cell("DecisionRecorded.v1.participants"));
        Assert.Equal("Shared", Cell("DecisionRecorded.v1.mode"));
        Assert.Equal("true", Cell("DecisionRecorded.v1.equityFocus"));
        Assert.Equal(decision.Str("streamId"), Cell("streamId"));
        Assert.Equal(string.Empty, Cell("SchoolRegistered.v1.name"));
    }

    [Fact]
    public async Task A_pseudonymized_export_names_no_teacher_and_hashes_each_teacher_id_the_same_way_everywhere()
    {
        var identifiable = await Api.ExportAsync($"?scope=network:{World.Network}&identifiable=true");
        var pseudonymized = await Api.ExportAsync($"?scope=network:{World.Network}&upToSequence={identifiable.Sequence}");
        var csv = await Api.ExportAsync($"?scope=network:{World.Network}&format=csv&upToSequence={identifiable.Sequence}");
        var teachers = new[] { World.TeacherA, World.TeacherB, World.Mover };

        foreach (var text in new[] { pseudonymized.Text, csv.Text })
        {
            foreach (var teacher in teachers)
            {
                Assert.DoesNotContain(teacher, text, StringComparison.Ordinal);
                Assert.DoesNotContain(World.NameOf(teacher), text, StringComparison.OrdinalIgnoreCase);
            }
            Assert.DoesNotContain(ApiFixture.PseudonymKey, text, StringComparison.Ordinal);
        }
        Assert.Contains(World.NameOf(World.TeacherA), identifiable.Text, StringComparison.Ordinal);

        // Line by line the two exports hold the same events; every teacher id maps to one pseudonym, and back.
        var map = new Dictionary<string, string>();
        foreach (var (real, hidden) in identifiable.Lines.Zip(pseudonymized.Lines))
        {
            Assert.Equal(real.Str("eventId"), hidden.Str("eventId"));
            foreach (var (id, pseudonym) in TeacherIds(real).Zip(TeacherIds(hidden)))
            {
                Assert.Matches("^t-[0-9a-f]{20}$", pseudonym);
                Assert.Equal(pseudonym, map.TryAdd(id, pseudonym) ? pseudonym : map[id]);
            }
            Assert.Equal(TeacherIds(real).Count, TeacherIds(hidden).Count);
        }
        Assert.Equal(teachers.Order(), map.Keys.Order());
        Assert.Equal(map.Count, map.Values.Distinct().Count());

        // Names are left out; a name written in free text becomes the teacher's pseudonym.
        var hiddenLines = pseudonymized.Lines;
        Assert.All(hiddenLines.Where(l => l.Str("type") == "TeacherRegistered.v1"), l => Assert.False(l.GetProperty("data").TryGetProperty("name", out _)));
        Assert.All(hiddenLines.Where(l => l.Str("type") == "InformalLeadershipObserved.v1"), l => Assert.False(l.GetProperty("data").TryGetProperty("observedBy", out _)));
        var decision = hiddenLines.Single(l => l.Str("type") == "DecisionRecorded.v1" && l.GetProperty("data").Str("decisionId") == "d1");
        Assert.Equal($"{map[World.TeacherA]} proposed it; {map[World.Mover]} seconded.", decision.GetProperty("data").Str("rationale"));
        Assert.All(hiddenLines, l => Assert.Matches("^u-[0-9a-f]{20}$", l.Str("recordedBy")));
        Assert.All(hiddenLines, l => Assert.Matches("^c-[0-9a-f]{20}(/(join|leave|teacher))?$", l.Str("commandId")));
    }

    [Theory]
    [InlineData("?scope=everything", HttpStatusCode.BadRequest, "scope")]
    [InlineData("?scope=school:Not%20An%20Id", HttpStatusCode.BadRequest, "scope")]
    [InlineData("?scope=teacher:ana", HttpStatusCode.BadRequest, "scope")]
    [InlineData("?format=xlsx", HttpStatusCode.BadRequest, "format")]
    [InlineData("?upToSequence=-1", HttpStatusCode.BadRequest, "upToSequence")]
    [InlineData("?upToSequence=999999999999", HttpStatusCode.BadRequest, "upToSequence")]
    public async Task An_export_request_it_cannot_answer_exactly_is_refused(string query, HttpStatusCode status, string field)
    {
        using var response = await Api.Http.GetAsync("/api/exports/events" + query);

        Assert.Equal(status, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.Str("field"));
    }

    [Fact]
    public async Task An_export_of_a_school_not_recorded_by_its_sequence_is_404()
    {
        var early = await Api.ExportAsync($"?scope=school:{World.SchoolA}");
        var late = NewId("s");
        await Api.Recorded($"/api/schools/{late}", new SchoolRegistered("Late", "North", 10) { OccurredAt = Day(0) });

        using var before = await Api.Http.GetAsync($"/api/exports/events?scope=school:{late}&upToSequence={early.Sequence}");
        using var never = await Api.Http.GetAsync($"/api/exports/events?scope=network:{NewId("n")}");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
    }

    [Fact]
    public async Task The_codebook_lists_every_event_type_and_field_with_type_units_and_allowed_values()
    {
        var codebook = await Api.GetJson("/api/exports/codebook");
        var types = codebook.GetProperty("eventTypes").EnumerateArray().ToDictionary(t => t.Str("name"));

        Assert.Equal(LearningOrg.Domain.EventCatalog.All.Select(t => t.Name), types.Keys);
        foreach (var type in LearningOrg.Domain.EventCatalog.All)
        {
            var entry = types[type.Name];
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("description").GetString()), $"{type.Name} has no description");
            var parameters = type.ClrType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
            var fields = entry.GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(parameters.Select(p => char.ToLowerInvariant(p.Name![0]) + p.Name[1..]), fields.Select(f => f.Str("name")));
            foreach (var (field, parameter) in fields.Zip(parameters))
            {
                var what = $"{type.Name}.{field.Str("name")}";
                Assert.False(string.IsNullOrWhiteSpace(field.GetProperty("description").GetString()), $"{what} has no description");
                var clr = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
                switch (field.Str("type"))
                {
                    case "integer" or "number":
                        Assert.True(field.TryGetProperty("unit", out _), $"{what} has no unit");
                        break;
                    case "string":
                        Assert.True(field.TryGetProperty("maxLength", out _) || field.TryGetProperty("format", out _), $"{what} has no length limit or format");
                        break;
                    case "string[]":
                        Assert.True(field.TryGetProperty("maxItems", out _), $"{what} has no item limit");
                        break;
                    case "enum":
                        Assert.Equal(Enum.GetNames(clr), field.GetProperty("allowedValues").EnumerateArray().Select(v => v.GetString()));
                        break;
                    case "boolean":
                        break;
                    default:
                        Assert.Fail($"{what} has type {field.Str("type")}");
                        break;
                }
            }
        }
        var rating = types["SchoolConditionAssessed.v1"].GetProperty("fields").EnumerateArray().Single(f => f.Str("name") == "rating");
        Assert.Equal((1, 4), (rating.GetProperty("minimum").GetInt32(), rating.GetProperty("maximum").GetInt32()));
        var name = types["TeacherRegistered.v1"].GetProperty("fields").EnumerateArray().Single(f => f.Str("name") == "name");
        Assert.Equal(200, name.GetProperty("maxLength").GetInt32());
        Assert.Contains("left out", name.Str("pseudonymized"), StringComparison.Ordinal);

        using var markdown = await Api.Http.GetAsync("/api/exports/codebook?format=md");
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        Assert.All(LearningOrg.Domain.EventCatalog.All, t => Assert.Contains($"### {t.Name}", text, StringComparison.Ordinal));
    }

    private static List<string> TeacherIds(JsonElement line)
    {
        var ids = new List<string>();
        var stream = line.Str("streamId");
        if (stream.StartsWith("teacher/", StringComparison.Ordinal))
        {
            ids.Add(stream["teacher/".Length..]);
        }
        foreach (var property in line.GetProperty("data").EnumerateObject())
        {
            if (property.Name is "teacherId" && property.Value.ValueKind == JsonValueKind.String)
            {
                ids.Add(property.Value.GetString()!);
            }
            if (property.Name is "participants")
            {
                ids.AddRange(property.Value.EnumerateArray().Select(p => p.GetString()!));
            }
        }
        return ids;
    }
}

/// <summary>An API without a pseudonym key.</summary>
public sealed class KeylessApiFixture : ApiFixture
{
    protected override string? ResearchPseudonymKey => null;
}

public sealed class KeylessExportTests(KeylessApiFixture api) : IClassFixture<KeylessApiFixture>
{
    [Fact]
    public async Task Without_a_pseudonym_key_a_pseudonymized_export_is_503_saying_how_to_configure_it()
    {
        using var response = await api.Http.GetAsync("/api/exports/events");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pseudonym-key-missing", problem.Str("code"));
        Assert.Contains("Research__PseudonymKey", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_pseudonym_key_an_identifiable_export_still_works()
    {
        var school = NewId("s");
        await api.Recorded($"/api/schools/{school}", new SchoolRegistered("Keyless", "North", 10) { OccurredAt = Day(0) });

        var export = await api.ExportAsync($"?scope=school:{school}&identifiable=true");

        Assert.Equal(Encoding.UTF8.GetString(export.Bytes).Count(c => c == '\n'), export.Lines.Count);
        Assert.Equal($"school/{school}", Assert.Single(export.Lines).Str("streamId"));
    }
}
