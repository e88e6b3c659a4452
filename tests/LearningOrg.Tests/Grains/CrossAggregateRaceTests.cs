using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Orleans.Configuration;
using Orleans.TestingHost;
using Xunit.Abstractions;

namespace LearningOrg.Tests.Grains;

/// <summary>
/// Two operations that touch the same school and teacher, sent at the same moment, many times over: each completes
/// (a grain that waited on another while holding its turn would time out) and the two streams end up agreeing.
/// </summary>
public sealed class CrossAggregateRaceTests(ShortTimeoutClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ShortTimeoutClusterFixture>
{
    private const int Rounds = 24;

    /// <summary>How each round's two commands were answered, written to the test output.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<string> outcomes = [];

    [Fact]
    public Task A_role_assignment_and_a_move_of_the_same_teacher_at_once_both_complete_and_the_streams_agree() =>
        Race("assign-move", async ids =>
        {
            await Accepted(Send(ids.School, Given.Role("coach", "Coach")));
            await Together(ids,
                () => Send(ids.School, new RoleAssigned("coach", ids.Teacher) { OccurredAt = Given.Past.AddDays(10) }),
                () => Send(ids.Teacher, new TeacherMovedSchool(ids.School, ids.Other) { OccurredAt = Given.Past.AddDays(10) }));
        });

    [Fact]
    public Task A_role_vacancy_and_a_move_of_the_same_teacher_at_once_both_complete_and_the_streams_agree() =>
        Race("vacate-move", async ids =>
        {
            await Accepted(Send(ids.School, Given.Role("coach", "Coach")));
            await Accepted(Send(ids.School, new RoleAssigned("coach", ids.Teacher) { OccurredAt = Given.Past.AddDays(5) }));
            await Together(ids,
                () => Send(ids.School, new RoleVacated("coach", ids.Teacher, "Moving on") { OccurredAt = Given.Past.AddDays(10) }),
                () => Send(ids.Teacher, new TeacherMovedSchool(ids.School, ids.Other) { OccurredAt = Given.Past.AddDays(10) }));
        });

    [Fact]
    public Task A_staff_departure_and_a_move_of_the_same_teacher_at_once_both_complete_and_the_streams_agree() =>
        Race("depart-move", async ids => await Together(ids,
            () => Send(ids.School, new TeacherLeftStaff(ids.Teacher) { OccurredAt = Given.Past.AddDays(10) }),
            () => Send(ids.Teacher, new TeacherMovedSchool(ids.School, ids.Other) { OccurredAt = Given.Past.AddDays(10) })));

    [Fact]
    public Task A_role_assignment_at_the_school_a_teacher_is_moving_to_at_once_completes_and_the_streams_agree() =>
        Race("assign-arrival", async ids =>
        {
            await Accepted(Send(ids.Other, Given.Role("coach", "Coach")));
            await Together(ids,
                () => Send(ids.Other, new RoleAssigned("coach", ids.Teacher) { OccurredAt = Given.Past.AddDays(10) }),
                () => Send(ids.Teacher, new TeacherMovedSchool(ids.School, ids.Other) { OccurredAt = Given.Past.AddDays(10) }));
        });

    [Fact]
    public Task A_registration_and_a_role_assignment_of_the_new_teacher_at_once_both_complete_and_the_streams_agree() =>
        Race("register-assign", async ids =>
        {
            await Accepted(Send(ids.School, Given.Role("coach", "Coach")));
            await Together(ids,
                () => Send(ids.Teacher, Given.Teacher($"Teacher {ids.Teacher}", ids.School)),
                () => Send(ids.School, new RoleAssigned("coach", ids.Teacher) { OccurredAt = Given.Past.AddDays(10) }));
        }, registerTeacher: false);

    private sealed record RoundIds(int Round, string School, string Other, string Teacher);

    /// <summary>
    /// Runs <see cref="Rounds"/> rounds at once, each on schools and a teacher of its own: registers them, then runs the
    /// round's operations; then checks that each round's streams agree.
    /// </summary>
    private async Task Race(string name, Func<RoundIds, Task> operations, bool registerTeacher = true)
    {
        var rounds = Enumerable.Range(0, Rounds)
            .Select(i => new RoundIds(i, $"{name}-s-{i}", $"{name}-o-{i}", $"{name}-t-{i}"))
            .ToList();
        await Task.WhenAll(rounds.Select(async ids =>
        {
            await Accepted(Send(ids.School, Given.School($"School {ids.School}")));
            await Accepted(Send(ids.Other, Given.School($"School {ids.Other}")));
            if (registerTeacher)
            {
                await Accepted(Send(ids.Teacher, Given.Teacher($"Teacher {ids.Teacher}", ids.School)));
            }
            await operations(ids);
        }));
        foreach (var ids in rounds)
        {
            await AssertStreamsAgree(ids);
        }
        foreach (var (how, count) in outcomes.CountBy(o => o).OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{count,3} rounds: {how}");
        }
    }

    /// <summary>
    /// What the teacher's stream says of roles and staff, the schools' streams say too: the same roles held, and the
    /// teacher on the staff of the school they are at and of no other (a school that recorded the departure itself
    /// lets its teacher go while their stream still names it).
    /// </summary>
    private async Task AssertStreamsAgree(RoundIds ids)
    {
        await using (var session = fixture.Store.QuerySession())
        {
            string[] streams = [$"school/{ids.School}", $"school/{ids.Other}", $"teacher/{ids.Teacher}"];
            Assert.Empty(await session.Query<FollowUpMessage>().Where(m => streams.Contains(m.Target)).ToListAsync());
        }
        var teacher = (await fixture.Grains.GetGrain<ITeacherGrain>(ids.Teacher).GetState())?.State;
        foreach (var schoolId in new[] { ids.School, ids.Other })
        {
            var school = (await fixture.Grains.GetGrain<ISchoolGrain>(schoolId).GetState())!.State;
            var heldBySchool = school.RolesHeldBy(ids.Teacher).Order(StringComparer.Ordinal).ToList();
            var heldByTeacher = teacher is null ? [] : teacher.Roles.Values.Where(r => r.SchoolId == schoolId).Select(r => r.RoleId).Order(StringComparer.Ordinal).ToList();
            Assert.True(heldBySchool.SequenceEqual(heldByTeacher),
                $"{schoolId} has {ids.Teacher} in roles [{string.Join(", ", heldBySchool)}], the teacher holds [{string.Join(", ", heldByTeacher)}] there.");
            var atSchool = teacher?.SchoolId == schoolId;
            var departedDirectly = (await fixture.Store.StreamAsync($"school/{schoolId}"))
                .Any(e => e.Data is TeacherLeftStaff left && left.TeacherId == ids.Teacher && e.CausationId?.EndsWith("/leave", StringComparison.Ordinal) == false);
            Assert.True(school.IsOnStaff(ids.Teacher) == (atSchool && !departedDirectly),
                $"{schoolId} has {ids.Teacher} on its staff: {school.IsOnStaff(ids.Teacher)}; the teacher is at {teacher?.SchoolId ?? "no school"}.");
        }
    }

    private Task<CommandOutcome> Send(string id, DomainEvent proposed) => fixture.Grains.RecordAsync(id, Given.Command(), proposed);

    private static Task<CommandOutcome> Accepted(Task<CommandOutcome> command) => Given.Accepted(command);

    /// <summary>
    /// Both commands sent before either is awaited, in every other round the second one first; each must come back
    /// (accepted or refused by a rule), not time out.
    /// </summary>
    private async Task Together(RoundIds ids, Func<Task<CommandOutcome>> first, Func<Task<CommandOutcome>> second)
    {
        Task<CommandOutcome> one, other;
        if (ids.Round % 2 == 0)
        {
            one = first();
            other = second();
        }
        else
        {
            other = second();
            one = first();
        }
        var both = await Task.WhenAll(one, other);
        outcomes.Add(string.Join(", ", both.Select(o => o.Violation?.Code ?? "accepted")));
    }
}

/// <summary>
/// A cluster whose calls time out after a few seconds rather than the default half minute, so that grains waiting on
/// each other show as a failed call within the test.
/// </summary>
public sealed class ShortTimeoutClusterFixture : ClusterFixture
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    protected override void ConfigureCluster(TestClusterBuilder builder)
    {
        builder.AddSiloBuilderConfigurator<SiloTimeout>();
        builder.AddClientBuilderConfigurator<ClientTimeout>();
    }

    private sealed class SiloTimeout : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);
    }

    private sealed class ClientTimeout : IClientBuilderConfigurator
    {
        public void Configure(Microsoft.Extensions.Configuration.IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = ResponseTimeout);
    }
}
