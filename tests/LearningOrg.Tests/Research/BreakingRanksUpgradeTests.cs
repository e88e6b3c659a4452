using System.Net;
using System.Text.Json;
using JasperFx;
using JasperFx.Events;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Weasel.Core;
using static LearningOrg.Tests.Research.ResearchApi;

namespace LearningOrg.Tests.Research;

/// <summary>
/// Breaking-ranks episodes stored before acts, reactions and supports were recorded (BreakingRanksEpisodeOpened.v1)
/// stay in the log as they were written and read everywhere as BreakingRanksEpisodeOpened.v2.
/// </summary>
public sealed class BreakingRanksUpgradeTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string StoredName = "BreakingRanksEpisodeOpened.v1";

    /// <summary>The name the record of the first version had in the code that stored it.</summary>
    private const string StoredClrType = "LearningOrg.Domain.Schools.BreakingRanksEpisodeOpened, LearningOrg.Domain";

    private IGrainFactory Cluster => api.Services.GetRequiredService<IGrainFactory>();

    private async Task<(string School, string Teacher, string Colleague)> StaffedSchool()
    {
        var school = NewId("s");
        var teacher = NewId("t");
        var colleague = NewId("t");
        await api.Recorded($"/api/schools/{school}", new SchoolRegistered("Old Mill", "North", 20) { OccurredAt = Day(0) });
        await api.Recorded($"/api/teachers/{teacher}", new TeacherRegistered("Ada Byron", school, ["Science"], ["6"], 4) { OccurredAt = Day(1) });
        await api.Recorded($"/api/teachers/{colleague}", new TeacherRegistered("Ben Okri", school, ["History"], ["6"], 9) { OccurredAt = Day(1) });
        return (school, teacher, colleague);
    }

    /// <summary>
    /// Appends <paramref name="opened"/> as the code before the second version did: under its first name, its JSON
    /// serialized with the same options, and the CLR type column naming the record as it was then called.
    /// </summary>
    private async Task<Guid> AppendAsStoredBefore(string schoolId, BreakingRanksEpisodeOpenedV1 opened)
    {
        var stream = StreamKeys.For(StreamKeys.School, schoolId);
        await using (var before = DocumentStore.For(options =>
        {
            options.Connection(TestDatabase.ConnectionString);
            options.DatabaseSchemaName = api.Schema;
            options.Events.DatabaseSchemaName = api.Schema;
            options.AutoCreateSchemaObjects = AutoCreate.None;
            options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
            options.Events.StreamIdentity = StreamIdentity.AsString;
            options.Events.MetadataConfig.CausationIdEnabled = true;
            options.Events.MetadataConfig.CorrelationIdEnabled = true;
            options.Events.MetadataConfig.UserNameEnabled = true;
            options.Events.MapEventType<BreakingRanksEpisodeOpenedV1>(StoredName);
        }))
        {
            await using var session = before.LightweightSession();
            session.Events.Append(stream, opened);
            await session.SaveChangesAsync();
        }
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var rename = new NpgsqlCommand(
            $"update \"{api.Schema}\".mt_events set mt_dotnet_type = @clr where stream_id = @stream and type = @type returning id", connection);
        rename.Parameters.AddWithValue("clr", StoredClrType);
        rename.Parameters.AddWithValue("stream", stream);
        rename.Parameters.AddWithValue("type", StoredName);
        var id = (Guid)(await rename.ExecuteScalarAsync())!;
        // The running grain and the read models learn of the row as after an upgrade: a reload and a replay.
        await ReadModelSetup.RebuildAsync(api.Services.GetRequiredService<IDocumentStore>(), NullLogger.Instance, CancellationToken.None);
        await Cluster.GrainOf(stream).Reload();
        return id;
    }

    private async Task<(string Type, JsonElement Data)> StoredRow(Guid eventId)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand($"select type, data::text from \"{api.Schema}\".mt_events where id = @id", connection);
        read.Parameters.AddWithValue("id", eventId);
        await using var reader = await read.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), JsonDocument.Parse(reader.GetString(1)).RootElement.Clone());
    }

    private async Task<JsonElement> Refused(string path, object body)
    {
        using var response = await api.Post(path, body);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task An_episode_stored_as_v1_reads_as_v2_in_the_grain_the_stream_the_timeline_the_episodes_and_the_export()
    {
        var (school, teacher, _) = await StaffedSchool();
        var eventId = await AppendAsStoredBefore(school,
            new BreakingRanksEpisodeOpenedV1("old", teacher, "Asked why the schedule has no common planning time.", BreakingRanksLevel.AttractingAttention) { OccurredAt = Day(5) });

        var episode = (await Cluster.GetGrain<ISchoolGrain>(school).GetState())!.State.Episodes["old"];
        Assert.Equal(new EpisodeState(teacher, Day(5), BreakingRanksLevel.AttractingAttention, Day(5), OpeningLevel: BreakingRanksLevel.AttractingAttention), episode);

        var stored = (await api.GetJson($"/api/schools/{school}/events?limit=100")).GetProperty("events").EnumerateArray().Single(e => e.Str("eventId") == eventId.ToString());
        Assert.Equal("BreakingRanksEpisodeOpened.v2", stored.Str("type"));
        Assert.Equal(nameof(BreakingRanksAct.NotRecorded), stored.GetProperty("data").Str("act"));

        var entry = (await api.GetJson($"/api/schools/{school}/timeline")).GetProperty("entries").EnumerateArray().Single(e => e.Str("kind") == "BreakingRanksEpisodeOpened");
        Assert.Equal("BreakingRanksEpisodeOpened.v2", entry.Str("type"));
        Assert.Contains("Not recorded", entry.Str("summary"), StringComparison.Ordinal);

        var span = (await api.GetJson($"/api/schools/{school}/episodes")).GetProperty("episodes").EnumerateArray().Single();
        Assert.Equal(nameof(BreakingRanksAct.NotRecorded), span.Str("act"));
        Assert.Equal(nameof(BreakingRanksLevel.AttractingAttention), span.Str("openingLevel"));

        var line = (await api.ExportAsync($"?scope=school:{school}")).Lines.Single(l => l.Str("eventId") == eventId.ToString());
        Assert.Equal("BreakingRanksEpisodeOpened.v2", line.Str("type"));
        Assert.Equal(nameof(BreakingRanksAct.NotRecorded), line.GetProperty("data").Str("act"));
        Assert.Equal(nameof(BreakingRanksLevel.AttractingAttention), line.GetProperty("data").Str("level"));

        // The log keeps what was written.
        var (type, data) = await StoredRow(eventId);
        Assert.Equal(StoredName, type);
        Assert.False(data.TryGetProperty("act", out _));
    }

    [Fact]
    public async Task An_upcast_episode_takes_reactions_supports_and_a_course_that_does_not_fall_below_its_start()
    {
        var (school, teacher, colleague) = await StaffedSchool();
        await AppendAsStoredBefore(school,
            new BreakingRanksEpisodeOpenedV1("old", teacher, "Posted class results in the staff room.", BreakingRanksLevel.AttractingAttention) { OccurredAt = Day(5) });

        await api.Recorded($"/api/schools/{school}/breaking-ranks-reactions",
            new BreakingRanksReactionRecorded("old", ReactorKind.Colleague, colleague, null, ReactionIntensity.OpenOpposition, "Took her sheet down.") { OccurredAt = Day(6) });
        await api.Recorded($"/api/schools/{school}/breaking-ranks-supports",
            new BreakingRanksSupportGiven("old", SupportKind.Mediation, "The coach chaired a meeting.") { OccurredAt = Day(7) });
        await api.Recorded($"/api/schools/{school}/breaking-ranks-escalations",
            new BreakingRanksEpisodeEscalated("old", BreakingRanksLevel.Resistance, "A formal complaint.") { OccurredAt = Day(8) });
        var below = await Refused($"/api/schools/{school}/breaking-ranks-deescalations",
            new BreakingRanksEpisodeDeescalated("old", BreakingRanksLevel.SpeakingUp, "Calmer.") { OccurredAt = Day(9) });
        await api.Recorded($"/api/schools/{school}/breaking-ranks-deescalations",
            new BreakingRanksEpisodeDeescalated("old", BreakingRanksLevel.AttractingAttention, "Names came off the sheets.") { OccurredAt = Day(9) });

        Assert.Equal(("below-opening-level", "level"), (below.Str("code"), below.Str("field")));
        Assert.Equal(BreakingRanksLevel.AttractingAttention, (await Cluster.GetGrain<ISchoolGrain>(school).GetState())!.State.Episodes["old"].Level);
        var span = (await api.GetJson($"/api/schools/{school}/episodes")).GetProperty("episodes").EnumerateArray().Single();
        Assert.Equal(nameof(BreakingRanksLevel.Resistance), span.Str("highestLevel"));
        Assert.Equal(nameof(BreakingRanksLevel.AttractingAttention), span.Str("level"));
        Assert.Equal([nameof(BreakingRanksLevel.Resistance), nameof(BreakingRanksLevel.AttractingAttention)],
            span.GetProperty("escalations").EnumerateArray().Select(e => e.Str("level")));
        Assert.Equal(colleague, span.GetProperty("reactions")[0].Str("teacherId"));
        Assert.Equal(nameof(SupportKind.Mediation), span.GetProperty("supports")[0].Str("kind"));
    }

    [Fact]
    public async Task A_v1_line_of_an_old_export_is_imported_as_v2()
    {
        var (school, teacher, _) = await StaffedSchool();
        var old = new BreakingRanksEpisodeOpenedV1("imported", teacher, "Offered to show her reading routine.", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(5) };

        var report = await api.ImportAsync(ImportLines.Line($"school/{school}", old) + "\n");

        Assert.True(report.Num("accepted") == 1, report.ToString());
        var imported = (await api.GetJson($"/api/schools/{school}/events?limit=100")).GetProperty("events").EnumerateArray().Last();
        Assert.Equal("BreakingRanksEpisodeOpened.v2", imported.Str("type"));
        Assert.Equal(nameof(BreakingRanksAct.NotRecorded), imported.GetProperty("data").Str("act"));
        Assert.Equal("imported", imported.GetProperty("data").Str("episodeId"));
    }

    [Fact]
    public async Task No_command_records_the_first_version_any_more()
    {
        var (school, teacher, _) = await StaffedSchool();

        var outcome = await Cluster.GetGrain<ISchoolGrain>(school).Record(LearningOrg.Tests.Grains.Given.Command(),
            new BreakingRanksEpisodeOpenedV1("e1", teacher, "Spoke up.", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(5) });

        Assert.Equal(("superseded", "type"), (outcome.Violation?.Code, outcome.Violation?.Field));
        Assert.Empty((await Cluster.GetGrain<ISchoolGrain>(school).GetState())!.State.Episodes);
    }

    [Fact]
    public async Task A_pseudonymized_export_replaces_the_colleague_who_reacted_by_a_pseudonym()
    {
        var (school, teacher, colleague) = await StaffedSchool();
        await api.Recorded($"/api/schools/{school}/breaking-ranks",
            new BreakingRanksEpisodeOpened("e1", teacher, BreakingRanksAct.LedDesignedIntervention, "Ran a lab rotation.", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(5) });
        await api.Recorded($"/api/schools/{school}/breaking-ranks-reactions",
            new BreakingRanksReactionRecorded("e1", ReactorKind.Colleague, colleague, null, ReactionIntensity.Irritation, "") { OccurredAt = Day(6) });

        var export = await api.ExportAsync($"?scope=school:{school}");

        var reaction = export.Lines.Single(l => l.Str("type") == "BreakingRanksReactionRecorded.v1").GetProperty("data");
        Assert.Matches("^t-[0-9a-f]{20}$", reaction.Str("teacherId"));
        Assert.NotEqual(colleague, reaction.Str("teacherId"));
        Assert.DoesNotContain(colleague, export.Text, StringComparison.Ordinal);
    }
}
