using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Tests.Infrastructure;
using Marten;

namespace LearningOrg.Tests.Grains;

/// <summary>
/// A long stream's state as of a date comes from its as-of ladder (rungs of the fold every
/// <see cref="EventReader.LadderStep"/> events) and must be exactly the fold of the events that had happened by the
/// date, also where events were entered late with earlier dates.
/// </summary>
public sealed class AsOfLadderTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly DateTimeOffset Start = new(2015, 9, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_state_as_of_any_date_equals_the_fold_of_the_events_that_had_happened_by_then()
    {
        const string stream = "school/ladder-random";
        var random = new Random(7);
        await AppendAsync(stream, History(random, (EventReader.LadderStep * 3) + 40, backDated: 0.15));
        var journal = new EventReader(fixture.Store);

        await AssertAsOfEqualsFullFold(journal, stream, random, dates: 60);
        Assert.Equal(3 * EventReader.LadderStep, (await LadderAsync(stream))!.End);

        // The stream grows past another segment, with events dated before everything: the next read extends the ladder.
        await AppendAsync(stream, History(random, EventReader.LadderStep + 5, backDated: 0.5, registered: true));
        await AssertAsOfEqualsFullFold(journal, stream, random, dates: 40);
        Assert.Equal(4 * EventReader.LadderStep, (await LadderAsync(stream))!.End);
    }

    [Fact]
    public async Task An_event_entered_late_in_a_later_segment_counts_from_its_date_and_keeps_the_rungs_after_it_out()
    {
        const string stream = "school/ladder-late";
        var history = History(new Random(11), (EventReader.LadderStep * 2) + 10, backDated: 0);
        // The last event says it happened at the very start: as of any date, it counts.
        history.Add(new StaffCountChanged(999) { OccurredAt = Start.AddHours(1) });
        await AppendAsync(stream, history);
        var journal = new EventReader(fixture.Store);
        await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>(stream, DateTimeOffset.UtcNow, CancellationToken.None);

        var beforeIt = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>(stream, Start.AddMinutes(30), CancellationToken.None);
        var justAfter = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>(stream, Start.AddHours(1), CancellationToken.None);
        var lateOn = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>(stream, history[^2].OccurredAt, CancellationToken.None);

        Assert.Equal((1, 1L), (beforeIt.Events, beforeIt.LastVersion));
        Assert.Equal((2, (long)history.Count, 999), (justAfter.Events, justAfter.LastVersion, justAfter.State!.StaffCount));
        // Every event had happened by then; the staff count is the one that happened last, not the one entered last.
        Assert.Equal((history.Count, (long)history.Count), (lateOn.Events, lateOn.LastVersion));
        Assert.Equal(Expected(history, history[^2].OccurredAt), Given.CanonicalJson(lateOn.State));
    }

    [Fact]
    public async Task Replacing_the_snapshot_deletes_the_ladder_and_its_rungs_and_the_next_read_builds_them_again()
    {
        const string stream = "school/ladder-masked";
        var history = History(new Random(3), EventReader.LadderStep + 20, backDated: 0.1);
        await AppendAsync(stream, history);
        var journal = new EventReader(fixture.Store);
        var at = history[EventReader.LadderStep + 5].OccurredAt;
        var before = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>(stream, at, CancellationToken.None);
        Assert.NotNull(await LadderAsync(stream));
        Assert.NotNull(await RungAsync(stream, EventReader.LadderStep));

        var writer = new EventJournal(fixture.Store);
        var (state, version) = await writer.ReplayAsync<School, SchoolState, SchoolEvent>(stream, CancellationToken.None);
        await writer.ReplaceSnapshotAsync(stream, version, state, CancellationToken.None);

        Assert.Null(await LadderAsync(stream));
        Assert.Null(await RungAsync(stream, EventReader.LadderStep));
        var after = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>(stream, at, CancellationToken.None);
        Assert.Equal(Given.CanonicalJson(before.State), Given.CanonicalJson(after.State));
        Assert.Equal(Expected(history, at), Given.CanonicalJson(after.State));
        Assert.NotNull(await RungAsync(stream, EventReader.LadderStep));
    }

    [Fact]
    public async Task A_stream_shorter_than_a_segment_gets_no_ladder()
    {
        const string stream = "school/ladder-short";
        // The registration and 248 more: one event short of a segment.
        var history = History(new Random(5), EventReader.LadderStep - 2, backDated: 0.2);
        await AppendAsync(stream, history);
        var journal = new EventReader(fixture.Store);

        var now = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>(stream, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(history.Count, now.Events);
        Assert.Null(await LadderAsync(stream));
    }

    private async Task AssertAsOfEqualsFullFold(EventReader journal, string stream, Random random, int dates)
    {
        var events = (await fixture.Store.EventsAsync<SchoolEvent>(stream)).ToList();
        var happenedAt = events.Select(e => e.OccurredAt).Order().ToList();
        // Before everything, on and next to each kind of instant an event has, and after everything.
        var probes = new List<DateTimeOffset> { happenedAt[0].AddTicks(-1), happenedAt[^1], happenedAt[^1].AddYears(1) };
        for (var i = 0; i < dates; i++)
        {
            var at = happenedAt[random.Next(happenedAt.Count)];
            probes.Add(random.Next(3) switch { 0 => at, 1 => at.AddTicks(-1), _ => at.AddHours(random.Next(1, 200)) });
        }
        foreach (var at in probes)
        {
            var (state, lastVersion, count) = await journal.FoldAsOfAsync<School, SchoolState, SchoolEvent>(stream, at, CancellationToken.None);
            var happened = events.Select((e, i) => (Event: e, Version: i + 1L)).Where(x => x.Event.OccurredAt <= at).ToList();
            Assert.Equal(happened.Count, count);
            Assert.Equal(happened.Count == 0 ? 0 : happened[^1].Version, lastVersion);
            Assert.Equal(Expected(events, at), Given.CanonicalJson(state));
        }
    }

    private static string Expected(IEnumerable<SchoolEvent> events, DateTimeOffset at) =>
        Given.CanonicalJson(Aggregate.Fold<School, SchoolState, SchoolEvent>(null, events.Where(e => e.OccurredAt <= at)));

    /// <summary>
    /// A school's registration then <paramref name="count"/> events a day or so apart; a share of them is entered late,
    /// dated back to any time after the registration.
    /// </summary>
    private static List<SchoolEvent> History(Random random, int count, double backDated, bool registered = false)
    {
        var events = new List<SchoolEvent>();
        if (!registered)
        {
            events.Add(Given.School("Ladder school", staff: 30, at: Start));
        }
        var day = Start.AddDays(count * 2);
        for (var i = 0; i < count; i++)
        {
            day = day.AddHours(random.Next(1, 48));
            var at = random.NextDouble() < backDated ? Start.AddMinutes(random.Next(1, (int)(day - Start).TotalMinutes)) : day;
            events.Add((i % 4) switch
            {
                0 => new StaffCountChanged(20 + random.Next(40)) { OccurredAt = at },
                1 => new LeadershipStageAssessed((LeadershipStage)random.Next(4), $"Evidence {i}", "Coach") { OccurredAt = at },
                2 => new SchoolConditionAssessed($"Condition {random.Next(5)}", 1 + random.Next(4), $"Strategy {i}") { OccurredAt = at },
                _ => new DecisionRecorded($"decision-{i}-{random.Next()}", $"Decision {i}", "Timetable", (DecisionMode)random.Next(5), [], false, "Because") { OccurredAt = at },
            });
        }
        return events;
    }

    private async Task AppendAsync(string stream, IReadOnlyList<SchoolEvent> events)
    {
        foreach (var batch in events.Chunk(100))
        {
            await using var session = fixture.Store.LightweightSession();
            session.Events.Append(stream, batch.Cast<object>());
            await session.SaveChangesAsync();
        }
    }

    private async Task<AsOfLadder?> LadderAsync(string stream)
    {
        await using var session = fixture.Store.QuerySession();
        return await session.LoadAsync<AsOfLadder>(stream);
    }

    private async Task<Snapshot<SchoolState>?> RungAsync(string stream, long version)
    {
        await using var session = fixture.Store.QuerySession();
        return await session.LoadAsync<Snapshot<SchoolState>>(EventReader.RungId(stream, version));
    }
}
