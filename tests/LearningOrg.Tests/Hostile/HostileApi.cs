using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;
using Npgsql;

namespace LearningOrg.Tests.Hostile;

/// <summary>
/// The real API with one aggregate of each kind already recorded (ids in <see cref="Seeded"/>), so that a hostile
/// command reaches the field checks instead of stopping at "not found", and a look at every table of the fixture's
/// schema to tell whether a request wrote anything.
/// </summary>
public sealed class HostileApi : ApiFixture
{
    private readonly SemaphoreSlim seeding = new(1, 1);
    private bool seeded;

    public static readonly DateTimeOffset Start = new(2021, 1, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The ids recorded before the hostile requests, by the name of the field that refers to them.</summary>
    public static class Seeded
    {
        public const string School = "hostile-school";
        public const string OtherSchool = "hostile-other-school";
        public const string Teacher = "hostile-teacher";
        public const string Role = "hostile-role";
        public const string Episode = "hostile-episode";
        public const string Initiative = "hostile-initiative";
        public const string Measure = "hostile-measure";
        public const string Intervention = "hostile-intervention";
        public const string Network = "hostile-network";
    }

    /// <summary>Records the seeded aggregates once per fixture.</summary>
    public async Task SeedAsync()
    {
        await seeding.WaitAsync();
        try
        {
            if (seeded)
            {
                return;
            }
            await Record($"/api/schools/{Seeded.School}", new SchoolRegistered("Hostile Elementary", "North", 30) { OccurredAt = Start });
            await Record($"/api/schools/{Seeded.OtherSchool}", new SchoolRegistered("Other Middle", "North", 20) { OccurredAt = Start });
            await Record($"/api/teachers/{Seeded.Teacher}", new TeacherRegistered("Ada Lovelace", Seeded.School, ["Mathematics"], ["5"], 4) { OccurredAt = Start.AddDays(1) });
            await Record($"/api/schools/{Seeded.School}/roles", new TeacherLeaderRoleDefined(Seeded.Role, "Coach", "Instruction", ["Lead"], ["Observe"], 2, 3, DecidedAt.School) { OccurredAt = Start.AddDays(2) });
            await Record($"/api/schools/{Seeded.School}/breaking-ranks", new BreakingRanksEpisodeOpened(Seeded.Episode, Seeded.Teacher, BreakingRanksAct.SpokeUp, "Asked why", BreakingRanksLevel.SpeakingUp) { OccurredAt = Start.AddDays(3) });
            await Record($"/api/initiatives/{Seeded.Initiative}", new InitiativeLaunched("Pathways", Sponsor.District, "Grow leaders", ["Coaching"]) { OccurredAt = Start });
            await Record($"/api/initiatives/{Seeded.Initiative}/measures", new MeasureDefined(Seeded.Measure, "Density", MeasureHorizon.ShortTerm, "share", 0.1m, 0.3m) { OccurredAt = Start.AddDays(1) });
            await Record($"/api/initiatives/{Seeded.Initiative}/enrolments", new SchoolEnrolled(Seeded.School) { OccurredAt = Start.AddDays(1) });
            await Record($"/api/initiatives/{Seeded.Initiative}/interventions", new InterventionStarted(Seeded.Intervention, Seeded.School, "coaching", "Coaching helps") { OccurredAt = Start.AddDays(2) });
            await Record($"/api/networks/{Seeded.Network}", new NetworkFormed("Hostile Network", "Compare") { OccurredAt = Start });
            await Record($"/api/networks/{Seeded.Network}/members", new SchoolJoinedNetwork(Seeded.School) { OccurredAt = Start.AddDays(1) });
            seeded = true;
        }
        finally
        {
            seeding.Release();
        }
    }

    /// <summary>
    /// Every table of the fixture's schema with its row count, the event sequence and the sum of the streams' versions:
    /// equal before and after a request means the request wrote nothing. The async daemon's own tables (its progress
    /// and the school-activity documents) are left out: it catches up on earlier events whenever it likes, and what it
    /// writes follows from the events, which the sequence and versions already cover.
    /// </summary>
    private static readonly string[] AsyncDaemonTables = ["mt_event_progression", "school_month_activity"];

    public async Task<string> StoreMarkAsync()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = @schema and table_type = 'BASE TABLE' order by table_name", connection))
        {
            list.Parameters.AddWithValue("schema", Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var table = reader.GetString(0);
                if (!AsyncDaemonTables.Any(table.Contains))
                {
                    tables.Add(table);
                }
            }
        }
        var counts = tables.Select(t => $"select '{t}=' || count(*) from \"{Schema}\".\"{t}\"")
            .Append($"select 'sequence=' || last_value || '/' || is_called from \"{Schema}\".mt_events_sequence")
            .Append($"select 'versions=' || coalesce(sum(version), 0) from \"{Schema}\".mt_streams");
        await using var command = new NpgsqlCommand(string.Join(" union all ", counts), connection);
        var mark = new StringBuilder();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                mark.Append(reader.GetString(0)).Append(' ');
            }
        }
        return mark.ToString();
    }

    /// <summary>Sends a request and reads its answer, with the store's mark before and after.</summary>
    public async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        var before = await StoreMarkAsync();
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var after = await StoreMarkAsync();
        return new Answer(request.Method + " " + request.RequestUri, response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            body, before != after);
    }

    public static HttpRequestMessage JsonRequest(HttpMethod method, string path, string body, string contentType = "application/json") =>
        Raw(method, path, Encoding.UTF8.GetBytes(body), contentType);

    public static HttpRequestMessage Raw(HttpMethod method, string path, byte[] body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return new HttpRequestMessage(method, path) { Content = content };
    }

    private async Task Record(string path, object body)
    {
        using var response = await Post(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding {path} failed: {(int)response.StatusCode} {text}");
        }
    }
}

/// <summary>An answer to a hostile request, and whether the store changed while it was handled.</summary>
public sealed record Answer(string Request, HttpStatusCode Status, string? MediaType, string Body, bool Wrote)
{
    public int Code => (int)Status;

    public bool IsProblem => MediaType == "application/problem+json";

    /// <summary>The problem's field names: the keys of <c>errors</c> and the <c>field</c> extension.</summary>
    public IReadOnlyList<string> Fields
    {
        get
        {
            if (!IsProblem || Body.Length == 0)
            {
                return [];
            }
            using var json = JsonDocument.Parse(Body);
            var fields = new List<string>();
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                fields.AddRange(errors.EnumerateObject().Select(e => e.Name));
            }
            if (json.RootElement.TryGetProperty("field", out var named) && named.ValueKind == JsonValueKind.String)
            {
                fields.Add(named.GetString()!);
            }
            return fields;
        }
    }

    /// <summary>Why this answer is not a refusal that names its problem and wrote nothing; null when it is.</summary>
    public string? RefusalProblem(string? field = null, params int[] statuses)
    {
        if (Code is < 400 or >= 500 || (statuses.Length > 0 && !statuses.Contains(Code)))
        {
            return $"{Request}: {Code} (expected {(statuses.Length > 0 ? string.Join("/", statuses) : "4xx")}) {Cut(Body)}";
        }
        if (Wrote)
        {
            return $"{Request}: {Code} but the store changed";
        }
        if (!IsProblem)
        {
            return $"{Request}: {Code} answered as {MediaType ?? "no content type"}, not problem details: {Cut(Body)}";
        }
        using var json = JsonDocument.Parse(Body);
        if (json.RootElement.GetProperty("status").GetInt32() != Code || string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()))
        {
            return $"{Request}: the problem details lack a status or title: {Cut(Body)}";
        }
        if (field is not null && !Fields.Any(f => f == field || f.StartsWith(field + "[", StringComparison.Ordinal) || f.StartsWith(field + ".", StringComparison.Ordinal)))
        {
            return $"{Request}: {Code} names [{string.Join(", ", Fields)}], not {field}: {Cut(Body)}";
        }
        return null;
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Request} → {Code} {MediaType} {Cut(Body)}");
}
