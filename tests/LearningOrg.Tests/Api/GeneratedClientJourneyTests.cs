using LearningOrg.Api.Security;
using LearningOrg.ApiClient;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Client = LearningOrg.ApiClient.Models;

namespace LearningOrg.Tests.Api;

/// <summary>
/// A client team's journey through the typed client Kiota generates from the API's document (tests/LearningOrg.ApiClient),
/// against the real API: what compiles and answers here is what the document promises.
/// </summary>
public sealed class GeneratedClientJourneyTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static readonly DateTimeOffset Founded = new(2021, 8, 16, 0, 0, 0, TimeSpan.Zero);

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private LearningOrgClient ClientFor(Identity identity)
    {
        var adapter = new HttpClientRequestAdapter(new BaseBearerTokenAuthenticationProvider(new FixedToken(api.TokenFor(identity))))
        {
            BaseUrl = api.Http.BaseAddress!.ToString().TrimEnd('/'),
        };
        return new LearningOrgClient(adapter);
    }

    [Fact]
    public async Task A_school_registers_defines_and_assigns_a_role_decides_and_resolves_an_episode_then_reads_its_timeline()
    {
        var client = ClientFor(ApiFixture.Admin);
        var schoolId = NewId("s");
        var teacherId = NewId("t");
        var school = client.Api.Schools[schoolId];

        var registered = await school.PostAsync(new Client.SchoolRegistered { Name = "Lincoln", District = "North", StaffCount = 30, OccurredAt = Founded });
        await client.Api.Teachers[teacherId].PostAsync(new Client.TeacherRegistered
        {
            Name = "Ana Ruiz",
            SchoolId = schoolId,
            Subjects = ["Science"],
            Grades = ["6"],
            YearsExperience = 4,
            OccurredAt = Founded.AddDays(1),
        });
        await school.Roles.PostAsync(new Client.TeacherLeaderRoleDefined
        {
            RoleId = "coach",
            Title = "Instructional coach",
            Category = "Instruction",
            Commitments = ["Coach two peers"],
            Expectations = ["Weekly visits"],
            HoursPerWeek = 3,
            Seats = 1,
            DecidedAt = Client.DecidedAt.School,
            OccurredAt = Founded.AddDays(2),
        });
        await school.RoleAssignments.PostAsync(new Client.RoleAssigned { RoleId = "coach", TeacherId = teacherId, OccurredAt = Founded.AddDays(3) });
        var decision = new Client.DecisionRecorded
        {
            DecisionId = "d1",
            Title = "Shared planning time",
            Area = "Schedule",
            Mode = Client.DecisionMode.Shared,
            Participants = [teacherId],
            EquityFocus = true,
            Rationale = "Teams asked for it",
            OccurredAt = Founded.AddDays(4),
        };
        var decided = await school.Decisions.PostAsync(decision, config => config.Headers.Add("Idempotency-Key", $"{schoolId}-d1"));
        var retried = await school.Decisions.PostAsync(decision, config => config.Headers.Add("Idempotency-Key", $"{schoolId}-d1"));
        await school.BreakingRanks.PostAsync(new Client.BreakingRanksEpisodeOpened
        {
            EpisodeId = "e1",
            TeacherId = teacherId,
            Act = Client.BreakingRanksAct.MadePracticeVisible,
            Description = "Proposed peer observation",
            Level = Client.BreakingRanksLevel.SpeakingUp,
            OccurredAt = Founded.AddDays(5),
        });
        await school.BreakingRanksResolutions.PostAsync(new Client.BreakingRanksEpisodeResolved
        {
            EpisodeId = "e1",
            Outcome = Client.EpisodeOutcome.Accepted,
            Note = "Adopted by the staff",
            OccurredAt = Founded.AddDays(6),
        });
        var timeline = await school.Timeline.GetAsync();

        Assert.Equal(1, registered!.Version);
        Assert.False(decided!.Replayed);
        Assert.True(retried!.Replayed);
        Assert.Equal(decided.Version, retried.Version);
        string[] journey = ["SchoolRegistered", "TeacherLeaderRoleDefined", "RoleAssigned", "DecisionRecorded", "BreakingRanksEpisodeOpened", "BreakingRanksEpisodeResolved"];
        Assert.Equal(journey, timeline!.Entries!.Select(e => e.Kind).Where(journey.Contains));
        Assert.All(timeline.Entries!, entry => Assert.False(string.IsNullOrEmpty(entry.Summary)));
    }

    [Fact]
    public async Task A_refused_command_reaches_the_client_as_its_typed_problem()
    {
        var client = ClientFor(ApiFixture.Admin);
        var school = client.Api.Schools[NewId("s")];
        var registration = new Client.SchoolRegistered { Name = "Lincoln", District = "North", StaffCount = 30, OccurredAt = Founded };
        await school.PostAsync(registration);

        var again = await Assert.ThrowsAsync<Client.ProblemDetails>(() => school.PostAsync(registration));
        var stranger = await Assert.ThrowsAsync<Client.ProblemDetails>(() => ClientFor(new Identity("test-principal", Roles.Principal, Schools: ["elsewhere"])).Api.Schools[NewId("s")].Timeline.GetAsync());

        Assert.Equal(409, again.ResponseStatusCode);
        Assert.StartsWith("urn:learningorg:problem:", again.Type, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(again.Code));
        Assert.Equal(403, stranger.ResponseStatusCode);
        Assert.Equal("forbidden", stranger.Code);
    }

    private sealed class FixedToken(string token) : IAccessTokenProvider
    {
        public AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }
}
