using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace LearningOrg.Tests.Grains;

/// <summary>A command id is recorded with the command's events: the same id again records nothing and gets the same answer.</summary>
public sealed class IdempotencyTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task The_same_command_id_twice_records_its_events_once_and_answers_the_same()
    {
        await fixture.Grains.RegisteredSchool("repeat");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("repeat");
        var id = Given.NewCommandId();
        var change = new StaffCountChanged(44) { OccurredAt = Given.Past.AddDays(5) };

        var first = await Given.Accepted(school.Record(Given.Command(id), change));
        var second = await Given.Accepted(school.Record(Given.Command(id), change));

        Assert.False(first.Replayed);
        Assert.True(second.Replayed);
        Assert.Equal(first.Version, second.Version);
        Assert.Equal(first.EventsAppended, second.EventsAppended);
        Assert.Equal(first.OccurredAt, second.OccurredAt);
        Assert.Equal(first.StreamId, second.StreamId);
        Assert.Equal(2, (await fixture.Store.StreamAsync("school/repeat")).Count);
        Assert.Equal(2, (await school.GetState())!.Version);
    }

    [Fact]
    public async Task The_same_command_id_after_the_grain_was_deactivated_is_replayed_from_the_store()
    {
        await fixture.Grains.RegisteredSchool("forgetful");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("forgetful");
        var id = Given.NewCommandId();
        var change = new StaffCountChanged(51) { OccurredAt = Given.Past.AddDays(5) };
        var first = await Given.Accepted(school.Record(Given.Command(id), change));

        await school.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        // Written behind the grain's back: only a new activation, which reads the store, can know of it.
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append("school/forgetful", new StaffCountChanged(52) { OccurredAt = Given.Past.AddDays(6) });
            await session.SaveChangesAsync();
        }
        var reactivated = await school.GetState();
        Assert.Equal(3, reactivated!.Version);
        Assert.Equal(52, reactivated.State.StaffCount);

        var again = await Given.Accepted(school.Record(Given.Command(id), change));

        Assert.True(again.Replayed);
        Assert.Equal(first.Version, again.Version);
        Assert.Equal(first.OccurredAt, again.OccurredAt);
        var events = await fixture.Store.EventsAsync<SchoolEvent>("school/forgetful");
        Assert.Equal(3, events.Count);
        Assert.Single(events.OfType<StaffCountChanged>(), e => e.StaffCount == 51);
        Assert.Equal(52, (await school.GetState())!.State.StaffCount);
    }

    [Fact]
    public async Task The_same_command_id_with_another_payload_is_refused_as_a_reused_key_and_writes_nothing()
    {
        await fixture.Grains.RegisteredSchool("reused-key");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("reused-key");
        var id = Given.NewCommandId();
        await Given.Accepted(school.Record(Given.Command(id), new StaffCountChanged(30) { OccurredAt = Given.Past.AddDays(5) }));

        var other = await school.Record(Given.Command(id), new StaffCountChanged(31) { OccurredAt = Given.Past.AddDays(5) });

        Assert.False(other.IsAccepted);
        Assert.Equal(ViolationKind.Conflict, other.Violation!.Kind);
        Assert.Equal("idempotency-key-reused", other.Violation.Code);
        Assert.Equal(2, (await fixture.Store.StreamAsync("school/reused-key")).Count);
        Assert.Equal(30, (await school.GetState())!.State.StaffCount);
    }

    [Fact]
    public async Task The_same_command_id_on_another_stream_is_refused_as_a_reused_key()
    {
        await fixture.Grains.RegisteredSchool("key-owner");
        await fixture.Grains.RegisteredSchool("key-thief");
        var id = Given.NewCommandId();
        var change = new StaffCountChanged(33) { OccurredAt = Given.Past.AddDays(5) };
        await Given.Accepted(fixture.Grains.GetGrain<ISchoolGrain>("key-owner").Record(Given.Command(id), change));

        var other = await fixture.Grains.GetGrain<ISchoolGrain>("key-thief").Record(Given.Command(id), change);

        Assert.Equal("idempotency-key-reused", other.Violation?.Code);
        Assert.Single(await fixture.Store.StreamAsync("school/key-thief"));
    }

    [Fact]
    public async Task A_command_without_occurred_at_retried_without_it_is_replayed_not_refused()
    {
        await fixture.Grains.RegisteredSchool("no-clock");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("no-clock");
        var id = Given.NewCommandId();

        var first = await Given.Accepted(school.Record(Given.Command(id), new StaffCountChanged(47)));
        var retry = await Given.Accepted(school.Record(Given.Command(id), new StaffCountChanged(47)));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(first.OccurredAt, retry.OccurredAt);
        var events = await fixture.Store.EventsAsync<SchoolEvent>("school/no-clock");
        Assert.Equal(2, events.Count);
        Assert.Equal(first.OccurredAt, events[^1].OccurredAt);
    }

    [Fact]
    public async Task A_creation_command_without_occurred_at_retried_is_replayed_not_refused_as_already_existing()
    {
        var school = fixture.Grains.GetGrain<ISchoolGrain>("no-clock-created");
        var id = Given.NewCommandId();

        var first = await Given.Accepted(school.Record(Given.Command(id), new SchoolRegistered("Created now", "East", 20)));
        var retry = await Given.Accepted(school.Record(Given.Command(id), new SchoolRegistered("Created now", "East", 20)));

        Assert.True(retry.Replayed);
        Assert.Equal(first.Version, retry.Version);
        Assert.Single(await fixture.Store.StreamAsync("school/no-clock-created"));
    }

    [Fact]
    public async Task A_repeated_teacher_registration_records_the_teacher_and_the_staff_change_once()
    {
        await fixture.Grains.RegisteredSchool("staffroom");
        var id = Given.NewCommandId();
        var registration = Given.Teacher("Returning teacher", "staffroom");

        var first = await Given.Accepted(fixture.Grains.RecordAsync("returning", Given.Command(id), registration));
        var second = await Given.Accepted(fixture.Grains.RecordAsync("returning", Given.Command(id), registration));

        Assert.True(second.Replayed);
        Assert.Equal(first.Version, second.Version);
        Assert.Single(await fixture.Store.StreamAsync("teacher/returning"));
        var school = await fixture.Store.EventsAsync<SchoolEvent>("school/staffroom");
        Assert.Single(school.OfType<TeacherJoinedStaff>(), e => e.TeacherId == "returning");
        Assert.Equal(2, school.Count);
    }

    [Fact]
    public async Task A_command_missing_a_list_is_refused_by_the_rules_rather_than_failing_to_be_hashed()
    {
        await fixture.Grains.RegisteredSchool("listless");
        var school = fixture.Grains.GetGrain<ISchoolGrain>("listless");
        var id = Given.NewCommandId();
        var missing = new DecisionRecorded("timetable", "Timetable", "Scheduling", DecisionMode.Shared, default, false, "")
        {
            OccurredAt = Given.Past.AddDays(5),
        };

        var outcome = await school.Record(Given.Command(id), missing);

        Assert.Equal(ViolationKind.Invalid, outcome.Violation?.Kind);
        Assert.Equal("participants", outcome.Violation?.Field);
        Assert.Single(await fixture.Store.StreamAsync("school/listless"));

        var corrected = await Given.Accepted(school.Record(Given.Command(id), missing with { Participants = [] }));
        Assert.False(corrected.Replayed);
        Assert.Equal(2, corrected.Version);
    }
}
