using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LearningOrg.Tests.Grains;

/// <summary>
/// Appends of many grains share one transaction (<see cref="GroupCommit"/>): each is still recorded once, at its own
/// version, with its own metadata, and a member that cannot be written is answered alone without costing the others.
/// </summary>
public sealed class GroupCommitTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static DateTimeOffset Day(int n) => Given.Past.AddDays(n);

    private GroupCommit Commit =>
        fixture.Cluster.GetSiloServiceProvider(fixture.Cluster.Primary!.SiloAddress).GetRequiredService<GroupCommit>();

    private static PendingAppend Append(string streamKey, long expectedVersion, DomainEvent e, string? commandId = null,
        string recordedBy = "group-commit-tests", string? correlationId = null) =>
        Append(streamKey, expectedVersion, [e], commandId, recordedBy, correlationId);

    private static PendingAppend Append(string streamKey, long expectedVersion, IReadOnlyList<DomainEvent> events, string? commandId = null,
        string recordedBy = "group-commit-tests", string? correlationId = null) =>
        new(streamKey, expectedVersion, events,
            new ProcessedCommand(commandId ?? Given.NewCommandId(), streamKey, "hash", expectedVersion + events.Count, events.Count, events[0].OccurredAt, DateTimeOffset.UtcNow),
            recordedBy, correlationId, null);

    private async Task<ProcessedCommand?> Record(string commandId)
    {
        await using var session = fixture.Store.QuerySession();
        return await session.LoadAsync<ProcessedCommand>(commandId);
    }

    private async Task<long> LastSequenceNumber()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select last_value from \"{fixture.Schema}\".mt_events_sequence", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Many_concurrent_commands_to_many_grains_are_each_recorded_once_at_the_version_they_were_answered_with()
    {
        var schools = Enumerable.Range(0, 24).Select(i => $"busy-{i:00}").ToArray();
        await Task.WhenAll(schools.Select(id => fixture.Grains.RegisteredSchool(id)));
        // One stream moved on behind its grain's back: its command meets a version conflict inside a shared transaction.
        await fixture.Grains.GetGrain<ISchoolGrain>(schools[5]).GetState();
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append($"school/{schools[5]}", new StaffCountChanged(99) { OccurredAt = Day(1) });
            await session.SaveChangesAsync();
        }
        var before = Commit.Committed;

        var sent = schools.SelectMany(id => Enumerable.Range(1, 8).Select(n => (School: id, CommandId: Given.NewCommandId(), Staff: 10 + n))).ToList();
        var outcomes = await Task.WhenAll(sent.Select(c => Given.Accepted(fixture.Grains.GetGrain<ISchoolGrain>(c.School)
            .Record(Given.Command(c.CommandId), new StaffCountChanged(c.Staff) { OccurredAt = Day(2) }))));

        var after = Commit.Committed;
        Assert.True(after.Transactions - before.Transactions < sent.Count,
            $"{sent.Count} commands sent at once took {after.Transactions - before.Transactions} transactions: none was shared");
        Assert.All(outcomes, o => Assert.False(o.Replayed));
        foreach (var school in schools)
        {
            var stream = await fixture.Store.StreamAsync($"school/{school}");
            Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.Version));
            Assert.Equal(school == schools[5] ? 10 : 9, stream.Count);
            var mine = sent.Select((c, i) => (c, o: outcomes[i])).Where(x => x.c.School == school).ToList();
            foreach (var (command, outcome) in mine)
            {
                var recorded = Assert.Single(stream, e => e.CausationId == command.CommandId);
                Assert.Equal(outcome.Version, recorded.Version);
                Assert.Equal(command.Staff, Assert.IsType<StaffCountChanged>(recorded.Data).StaffCount);
                Assert.Equal(outcome.Version, (await Record(command.CommandId))!.Version);
            }
            Assert.Equal(stream.Count, (await fixture.Grains.GetGrain<ISchoolGrain>(school).GetState())!.Version);
        }
    }

    [Fact]
    public async Task A_stale_member_is_answered_with_a_version_conflict_and_the_others_of_its_transaction_are_recorded()
    {
        string[] schools = ["stale-a", "stale-b", "stale-c", "stale-d"];
        foreach (var id in schools)
        {
            await fixture.Grains.RegisteredSchool(id);
        }
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append("school/stale-c", new StaffCountChanged(70) { OccurredAt = Day(1) });
            await session.SaveChangesAsync();
        }
        var appends = schools.Select(id => Append($"school/{id}", 1, new StaffCountChanged(50) { OccurredAt = Day(2) })).ToList();

        var results = await Task.WhenAll(Commit.CommitTogether(appends));

        Assert.Equal([AppendResult.Appended, AppendResult.Appended, AppendResult.VersionConflict, AppendResult.Appended], results);
        foreach (var (id, append) in schools.Zip(appends))
        {
            var events = await fixture.Store.EventsAsync<SchoolEvent>($"school/{id}");
            Assert.Equal(2, events.Count);
            Assert.Equal(id == "stale-c" ? 70 : 50, Assert.IsType<StaffCountChanged>(events[1]).StaffCount);
            Assert.Equal(id != "stale-c", await Record(append.Command.Id) is not null);
        }
    }

    [Fact]
    public async Task A_new_stream_another_writer_started_first_is_a_version_conflict_not_an_append_to_its_stream()
    {
        await fixture.Grains.RegisteredSchool("started-twice");

        var results = await Task.WhenAll(Commit.CommitTogether([
            Append("school/started-twice", 0, Given.School("Second start")),
            Append("school/started-fresh", 0, Given.School("Fresh start")),
        ]));

        Assert.Equal([AppendResult.VersionConflict, AppendResult.Appended], results);
        Assert.Single(await fixture.Store.StreamAsync("school/started-twice"));
        Assert.Single(await fixture.Store.StreamAsync("school/started-fresh"));
    }

    [Fact]
    public async Task Of_two_members_with_one_command_id_the_first_is_recorded_and_the_second_is_told_it_is_a_duplicate()
    {
        await fixture.Grains.RegisteredSchool("same-id-a");
        await fixture.Grains.RegisteredSchool("same-id-b");
        var id = Given.NewCommandId();

        var results = await Task.WhenAll(Commit.CommitTogether([
            Append("school/same-id-a", 1, new StaffCountChanged(21) { OccurredAt = Day(2) }, id),
            Append("school/same-id-b", 1, new StaffCountChanged(22) { OccurredAt = Day(2) }, id),
        ]));

        Assert.Equal([AppendResult.Appended, AppendResult.DuplicateCommand], results);
        Assert.Equal(2, (await fixture.Store.StreamAsync("school/same-id-a")).Count);
        Assert.Single(await fixture.Store.StreamAsync("school/same-id-b"));
        Assert.Equal("school/same-id-a", (await Record(id))!.StreamKey);
    }

    [Fact]
    public async Task A_member_whose_command_is_already_recorded_appends_nothing_and_burns_no_sequence_numbers()
    {
        await fixture.Grains.RegisteredSchool("recorded-before");
        await fixture.Grains.RegisteredSchool("recorded-beside");
        var repeated = Given.NewCommandId();
        await Given.Accepted(fixture.Grains.GetGrain<ISchoolGrain>("recorded-before")
            .Record(Given.Command(repeated), new StaffCountChanged(31) { OccurredAt = Day(2) }));
        var sequenceBefore = await LastSequenceNumber();

        var results = await Task.WhenAll(Commit.CommitTogether([
            Append("school/recorded-before", 2, new StaffCountChanged(31) { OccurredAt = Day(2) }, repeated),
            Append("school/recorded-beside", 1, new StaffCountChanged(32) { OccurredAt = Day(2) }),
        ]));

        Assert.Equal([AppendResult.DuplicateCommand, AppendResult.Appended], results);
        Assert.Equal(2, (await fixture.Store.StreamAsync("school/recorded-before")).Count);
        Assert.Equal(sequenceBefore + 1, await LastSequenceNumber());
    }

    [Fact]
    public async Task The_same_key_sent_at_once_to_two_grains_is_recorded_for_one_and_refused_as_reused_for_the_other()
    {
        await fixture.Grains.RegisteredSchool("race-key-a");
        await fixture.Grains.RegisteredSchool("race-key-b");
        var id = Given.NewCommandId();

        var outcomes = await Task.WhenAll(
            fixture.Grains.GetGrain<ISchoolGrain>("race-key-a").Record(Given.Command(id), new StaffCountChanged(41) { OccurredAt = Day(2) }),
            fixture.Grains.GetGrain<ISchoolGrain>("race-key-b").Record(Given.Command(id), new StaffCountChanged(42) { OccurredAt = Day(2) }));

        var accepted = Assert.Single(outcomes, o => o.IsAccepted);
        var refused = Assert.Single(outcomes, o => !o.IsAccepted);
        Assert.Equal("idempotency-key-reused", refused.Violation!.Code);
        Assert.Equal(accepted.StreamId, (await Record(id))!.StreamKey);
        var total = (await fixture.Store.StreamAsync("school/race-key-a")).Count + (await fixture.Store.StreamAsync("school/race-key-b")).Count;
        Assert.Equal(3, total);
    }

    [Fact]
    public async Task Each_event_keeps_its_own_commands_causation_and_correlation_ids_and_user_name()
    {
        await fixture.Grains.RegisteredSchool("meta-a");
        await fixture.Grains.RegisteredSchool("meta-b");
        var a = Append("school/meta-a", 1, [new StaffCountChanged(11) { OccurredAt = Day(2) }, new StaffCountChanged(12) { OccurredAt = Day(3) }],
            recordedBy: "principal-a", correlationId: "trace-a");
        var b = Append("school/meta-b", 1, new StaffCountChanged(13) { OccurredAt = Day(2) }, recordedBy: "principal-b", correlationId: "trace-b");

        Assert.Equal([AppendResult.Appended, AppendResult.Appended], await Task.WhenAll(Commit.CommitTogether([a, b])));

        var eventsOfA = (await fixture.Store.StreamAsync("school/meta-a")).Skip(1).ToList();
        var eventsOfB = (await fixture.Store.StreamAsync("school/meta-b")).Skip(1).ToList();
        Assert.Equal(2, eventsOfA.Count);
        Assert.All(eventsOfA, e => Assert.Equal((a.Command.Id, "trace-a", "principal-a"), (e.CausationId, e.CorrelationId, e.UserName)));
        var onlyOfB = Assert.Single(eventsOfB);
        Assert.Equal((b.Command.Id, "trace-b", "principal-b"), (onlyOfB.CausationId, onlyOfB.CorrelationId, onlyOfB.UserName));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_teachers_event_and_a_schools_staff_change_in_one_transaction_give_the_timelines_they_give_one_by_one(bool teacherFirst)
    {
        var order = teacherFirst ? "teacher-first" : "school-first";
        var (joining, registeredAt, teacher) = ($"joins-{order}", $"home-{order}", $"t-joins-{order}");
        await fixture.Grains.RegisteredSchool(joining);
        await fixture.Grains.RegisteredSchool(registeredAt);
        await fixture.Grains.RegisteredTeacher(teacher, registeredAt, Day(1));
        var learning = Append($"teacher/{teacher}", 1, new ProfessionalLearningCompleted("Coaching cycles", 12, "Feedback") { OccurredAt = Day(5) });
        var joined = Append($"school/{joining}", 1, new TeacherJoinedStaff(teacher) { OccurredAt = Day(3) });

        var results = await Task.WhenAll(Commit.CommitTogether(teacherFirst ? [learning, joined] : [joined, learning]));

        Assert.All(results, r => Assert.Equal(AppendResult.Appended, r));
        await using var session = fixture.Store.QuerySession();
        var learningEvent = (await fixture.Store.StreamAsync($"teacher/{teacher}"))[1];
        foreach (var school in new[] { joining, registeredAt })
        {
            var entry = await session.LoadAsync<TimelineEntry>(TimelineEntry.IdFor(school, learningEvent.Id));
            Assert.True(entry is not null, $"the teacher's learning is on {school}'s timeline");
            Assert.Equal((2L, "ProfessionalLearningCompleted"), (entry.Version, entry.Kind));
        }
        var tenure = await session.LoadAsync<StaffTenure>(teacher);
        Assert.Equal([registeredAt, joining], tenure!.Spells.Select(s => s.SchoolId));
    }

    [Fact]
    public async Task Two_schools_taking_the_same_teacher_in_one_transaction_both_reach_the_teachers_tenure()
    {
        await fixture.Grains.RegisteredSchool("tenure-home");
        await fixture.Grains.RegisteredSchool("tenure-x");
        await fixture.Grains.RegisteredSchool("tenure-y");
        await fixture.Grains.RegisteredTeacher("t-tenure", "tenure-home", Day(1));

        var results = await Task.WhenAll(Commit.CommitTogether([
            Append("school/tenure-x", 1, new TeacherJoinedStaff("t-tenure") { OccurredAt = Day(3) }),
            Append("school/tenure-y", 1, new TeacherJoinedStaff("t-tenure") { OccurredAt = Day(4) }),
        ]));

        Assert.All(results, r => Assert.Equal(AppendResult.Appended, r));
        await using var session = fixture.Store.QuerySession();
        var tenure = await session.LoadAsync<StaffTenure>("t-tenure");
        Assert.Equal([("tenure-home", Day(1)), ("tenure-x", Day(3)), ("tenure-y", Day(4))], tenure!.Spells.Select(s => (s.SchoolId, s.From)));
    }

    [Fact]
    public async Task Episodes_of_several_schools_opened_in_one_transaction_each_get_their_own_span()
    {
        string[] schools = ["episode-a", "episode-b"];
        foreach (var id in schools)
        {
            await fixture.Grains.RegisteredSchool(id);
            await fixture.Grains.RegisteredTeacher($"t-{id}", id, Day(1));
        }

        var results = await Task.WhenAll(Commit.CommitTogether([.. schools.Select(id => Append($"school/{id}", 2,
            new BreakingRanksEpisodeOpened("homework", $"t-{id}", BreakingRanksAct.SpokeUp, $"Spoke up at {id}", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(4) }))]));

        Assert.All(results, r => Assert.Equal(AppendResult.Appended, r));
        await using var session = fixture.Store.QuerySession();
        foreach (var id in schools)
        {
            var span = await session.LoadAsync<EpisodeSpan>(EpisodeSpan.IdFor(id, "homework"));
            Assert.Equal((id, $"t-{id}", $"Spoke up at {id}"), (span!.SchoolId, span.TeacherId, span.Description));
        }
    }
}
