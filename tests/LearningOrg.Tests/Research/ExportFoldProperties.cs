using System.Globalization;
using System.Text.Json;
using FsCheck.Xunit;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Tests.Infrastructure;
using static LearningOrg.Tests.Research.ResearchApi;

namespace LearningOrg.Tests.Research;

/// <summary>
/// Random command sequences on a school and its teachers, sent over HTTP: each command is chosen from the school's
/// live state so that most are valid, and the ones the rules refuse record nothing, so what is recorded is always a
/// valid history. Then three ways to the state must agree: the fold of the exported events, the live grain, and the
/// state as of now (valid time) and as of the export's sequence (transaction time).
/// </summary>
public sealed class ExportFoldProperties(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly string[] Roles = ["coach", "mentor", "data-lead"];
    private static readonly string[] Conditions = ["time", "trust", "resources"];

    private static readonly string[] Reached =
    [
        "SchoolRegistered.v1", "TeacherJoinedStaff.v1", "TeacherLeftStaff.v1", "TeacherLeaderRoleDefined.v1", "RoleAssigned.v1",
        "RoleVacated.v1", "DecisionRecorded.v1", "BreakingRanksEpisodeOpened.v2", "BreakingRanksEpisodeResolved.v1",
        "SchoolConditionAssessed.v1", "StaffCountChanged.v1", "TeacherRegistered.v1", "TeacherMovedSchool.v1", "RoleTaken.v1",
        "RoleLeft.v1", "ProfessionalLearningCompleted.v1", "InformalLeadershipObserved.v1", "CollaborationJoined.v1",
    ];

    [Property(MaxTest = 20, EndSize = 40)]
    public Task The_fold_of_the_exported_events_is_the_live_state_and_the_state_as_of_now(int[] choices) =>
        // Off xunit's synchronization context: FsCheck waits for the task.
        Task.Run(() => Check(choices ?? []));

    [Fact]
    public async Task A_long_random_history_reaches_every_kind_of_event_the_generator_proposes()
    {
        var random = new Random(20250101);

        var export = await Check([.. Enumerable.Range(0, 200).Select(_ => random.Next())]);

        var recorded = export.Lines.Select(l => l.Str("type")).ToHashSet();
        Assert.Equal([], Reached.Except(recorded));
    }

    private async Task<ExportFile> Check(int[] choices)
    {
        var home = NewId("p");
        var other = NewId("q");
        await api.Recorded($"/api/schools/{home}", new SchoolRegistered("Home", "North", 30) { OccurredAt = Day(0) });
        await api.Recorded($"/api/schools/{other}", new SchoolRegistered("Other", "North", 20) { OccurredAt = Day(0) });
        var teachers = new List<string>();
        for (var i = 0; i < choices.Length; i++)
        {
            await Propose(home, other, teachers, Spread(choices[i]), Day(i + 1));
        }

        var export = await api.ExportAsync($"?scope=school:{home}&identifiable=true");
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var streams = export.Lines.GroupBy(l => l.Str("streamId")).Where(g => !g.Key.StartsWith("initiative/", StringComparison.Ordinal)
            && !g.Key.StartsWith("network/", StringComparison.Ordinal)).ToList();
        Assert.Contains(streams, s => s.Key == $"school/{home}");
        foreach (var stream in streams)
        {
            var path = PathOf(stream.Key);
            var folded = FoldExported(stream);
            Assert.Equal(folded, await api.StateJson($"{path}/state"));
            Assert.Equal(folded, await api.StateJson($"{path}/state?asOf={now}"));
            Assert.Equal(folded, await api.StateJson($"{path}/state?asOfSequence={export.Sequence}"));
        }
        return export;
    }

    /// <summary>Sends one command, chosen from the live state; the rules may still refuse it, which records nothing.</summary>
    private async Task Propose(string home, string other, List<string> teachers, uint choice, DateTimeOffset at)
    {
        var pick = choice >> 4;
        var school = (await api.GetJson($"/api/schools/{home}/state")).GetProperty("state");
        var staff = school.GetProperty("staffHistory").EnumerateObject()
            .Where(t => t.Value[t.Value.GetArrayLength() - 1].GetProperty("to").ValueKind == JsonValueKind.Null)
            .Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var holdings = school.GetProperty("roles").EnumerateObject()
            .SelectMany(r => r.Value.GetProperty("holders").EnumerateObject().Select(h => (Role: r.Name, Teacher: h.Name)))
            .OrderBy(h => h.Role, StringComparer.Ordinal).ThenBy(h => h.Teacher, StringComparer.Ordinal).ToList();
        var open = school.GetProperty("episodes").EnumerateObject().Where(e => e.Value.GetProperty("outcome").ValueKind == JsonValueKind.Null)
            .Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        T? OneOf<T>(List<T> items) => items.Count == 0 ? default : items[(int)(pick % (uint)items.Count)];
        var day = (int)(at - Day(0)).TotalDays;

        (string Path, object Body)? command = (choice % 12) switch
        {
            0 or 1 => NewTeacher(teachers, pick % 3 == 2 ? other : home, at),
            2 => OneOf(staff) is { } mover ? ($"/api/teachers/{mover}/moves", new TeacherMovedSchool(home, other) { OccurredAt = at }) : null,
            3 => ($"/api/schools/{home}/roles", new TeacherLeaderRoleDefined(Roles[pick % 3], "Role", "Instruction", ["Lead"], ["Share"], pick % 5, 1 + (int)(pick % 2), DecidedAt.School) { OccurredAt = at }),
            4 or 5 => OneOf(staff) is { } holder ? ($"/api/schools/{home}/role-assignments", new RoleAssigned(Roles[pick % 3], holder) { OccurredAt = at }) : null,
            6 => OneOf(holdings) is (string, string) held ? ($"/api/schools/{home}/role-vacancies", new RoleVacated(held.Role, held.Teacher, "Rotation") { OccurredAt = at }) : null,
            7 => ($"/api/schools/{home}/decisions", new DecisionRecorded($"d{day}", "Decision", "schedule", (DecisionMode)(pick % 5), [.. staff.Take((int)(pick % 4))], pick % 2 == 0, "") { OccurredAt = at }),
            8 => OneOf(open) is { } episode
                ? ($"/api/schools/{home}/breaking-ranks-resolutions", new BreakingRanksEpisodeResolved(episode, (EpisodeOutcome)(pick % 4), "") { OccurredAt = at })
                : OneOf(staff) is { } opener ? ($"/api/schools/{home}/breaking-ranks", new BreakingRanksEpisodeOpened($"e{day}", opener, BreakingRanksAct.SpokeUp, "Spoke up", (BreakingRanksLevel)(pick % 4)) { OccurredAt = at }) : null,
            9 => pick % 2 == 0
                ? ($"/api/schools/{home}/condition-assessments", new SchoolConditionAssessed(Conditions[pick % 3], 1 + (int)(pick % 4), "") { OccurredAt = at })
                : ($"/api/schools/{home}/staff-count", new StaffCountChanged(20 + (int)(pick % 20)) { OccurredAt = at }),
            10 => OneOf(staff) is { } learner ? TeacherEvent(learner, pick / 7, at) : null,
            _ => OneOf(staff) is { } leaver ? ($"/api/schools/{home}/staff-departures", new TeacherLeftStaff(leaver) { OccurredAt = at }) : null,
        };
        if (command is { } c)
        {
            using var response = await api.Post(c.Path, c.Body);
            Assert.True((int)response.StatusCode is < 300 or 404 or 409, $"POST {c.Path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static (string, object) NewTeacher(List<string> teachers, string schoolId, DateTimeOffset at)
    {
        var id = NewId("t");
        teachers.Add(id);
        return ($"/api/teachers/{id}", new TeacherRegistered($"Teacher {id}", schoolId, ["Mathematics"], ["4"], teachers.Count) { OccurredAt = at });
    }

    private static (string, object) TeacherEvent(string teacher, uint pick, DateTimeOffset at) => (pick % 3) switch
    {
        0 => ($"/api/teachers/{teacher}/professional-learning", new ProfessionalLearningCompleted("Coaching", (pick % 8) * 0.5m, "") { OccurredAt = at }),
        1 => ($"/api/teachers/{teacher}/informal-leadership",
            new InformalLeadershipObserved((LeadershipAct)(pick % 5), (LeadershipDomain)(pick % 7), "", "A colleague") { OccurredAt = at }),
        _ => ($"/api/teachers/{teacher}/collaborations", new CollaborationJoined($"PLC {pick % 3}") { OccurredAt = at }),
    };

    /// <summary>Mixes a choice's bits (MurmurHash3's finalizer), so that FsCheck's small integers still reach every command.</summary>
    private static uint Spread(int choice)
    {
        var h = unchecked((uint)choice);
        h ^= h >> 16;
        h = unchecked(h * 0x85ebca6b);
        h ^= h >> 13;
        h = unchecked(h * 0xc2b2ae35);
        return h ^ (h >> 16);
    }
}
