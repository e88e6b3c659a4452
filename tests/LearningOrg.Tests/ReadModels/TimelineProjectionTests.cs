using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Marten;

namespace LearningOrg.Tests.ReadModels;

/// <summary>The timeline projection, driven through the grains and read straight from the store.</summary>
public sealed class TimelineProjectionTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static DateTimeOffset Day(int n) => Given.Past.AddDays(n);

    private async Task<IReadOnlyList<TimelineEntry>> Timeline(string schoolId)
    {
        await using var session = fixture.Store.QuerySession();
        return await session.Query<TimelineEntry>().Where(x => x.SchoolId == schoolId)
            .OrderBy(x => x.OccurredAt).ThenBy(x => x.RecordedAt).ToListAsync();
    }

    private async Task<IReadOnlyList<DateTimeOffset>> Observations(string schoolId) =>
        [.. (await Timeline(schoolId)).Where(e => e.Kind == "InformalLeadershipObserved").Select(e => e.OccurredAt)];

    private Task<CommandOutcome> Observe(string teacherId, DateTimeOffset at) =>
        Given.Accepted(fixture.Grains.GetGrain<ITeacherGrain>(teacherId).Record(Given.Command(),
            new InformalLeadershipObserved(LeadershipAct.ModeledPractice, LeadershipDomain.Instruction, "Opened her classroom", "principal") { OccurredAt = at }));

    private Task<CommandOutcome> RecordAt(string schoolId, SchoolEvent e) =>
        Given.Accepted(fixture.Grains.GetGrain<ISchoolGrain>(schoolId).Record(Given.Command(), e));

    [Fact]
    public async Task A_schools_own_events_are_on_its_timeline_with_their_store_metadata()
    {
        await fixture.Grains.RegisteredSchool("own-events");
        await RecordAt("own-events", new StaffCountChanged(44) { OccurredAt = Day(3) });

        var timeline = await Timeline("own-events");
        var stream = await fixture.Store.StreamAsync("school/own-events");

        Assert.Equal(["SchoolRegistered", "StaffCountChanged"], timeline.Select(e => e.Kind));
        for (var i = 0; i < stream.Count; i++)
        {
            var (entry, recorded) = (timeline[i], stream[i]);
            Assert.Equal((recorded.Id, recorded.Version, "school/own-events", "school", recorded.Timestamp, "grain-tests"),
                (entry.EventId, entry.Version, entry.StreamId, entry.Aggregate, entry.RecordedAt, entry.RecordedBy));
        }
        Assert.Equal(("StaffCountChanged.v1", "Staff count changed to 44", Day(3)), (timeline[1].Type, timeline[1].Summary, timeline[1].OccurredAt));
        Assert.Equal(44, timeline[1].Data.GetProperty("staffCount").GetInt32());
    }

    [Fact]
    public async Task A_teachers_events_appear_only_on_the_timeline_of_the_school_whose_staff_they_were_on()
    {
        await fixture.Grains.RegisteredSchool("first-school");
        await fixture.Grains.RegisteredSchool("second-school");
        await fixture.Grains.RegisteredTeacher("mover", "first-school", Day(1));
        await Observe("mover", Day(10));
        await Given.Accepted(fixture.Grains.RecordAsync("mover", Given.Command(),
            new TeacherMovedSchool("first-school", "second-school") { OccurredAt = Day(20) }));
        await Observe("mover", Day(30));
        // Entered late: it happened while the teacher was still at the first school.
        await Observe("mover", Day(15));

        Assert.Equal([Day(10), Day(15)], await Observations("first-school"));
        Assert.Equal([Day(30)], await Observations("second-school"));
        var first = await Timeline("first-school");
        var second = await Timeline("second-school");
        Assert.Contains(first, e => e.Kind == "TeacherRegistered" && e.StreamId == "teacher/mover");
        Assert.DoesNotContain(second, e => e.Kind == "TeacherRegistered");
        Assert.Contains(first, e => e.Kind == "TeacherMovedSchool");
        Assert.Contains(second, e => e.Kind == "TeacherMovedSchool");
        Assert.All(first.Concat(second).Where(e => e.Aggregate == "teacher"), e => Assert.Equal(["mover"], e.Persons));
    }

    [Fact]
    public async Task A_departure_entered_after_the_teachers_later_events_takes_them_off_the_timeline()
    {
        await fixture.Grains.RegisteredSchool("late-departure");
        await fixture.Grains.RegisteredTeacher("leaver", "late-departure", Day(1));
        await Observe("leaver", Day(30));
        await Observe("leaver", Day(50));
        Assert.Equal([Day(30), Day(50)], await Observations("late-departure"));

        await RecordAt("late-departure", new TeacherLeftStaff("leaver") { OccurredAt = Day(40) });

        Assert.Equal([Day(30)], await Observations("late-departure"));
        await Observe("leaver", Day(45));
        Assert.Equal([Day(30)], await Observations("late-departure"));
    }

    [Fact]
    public async Task School_events_name_the_teachers_they_involve()
    {
        await fixture.Grains.RegisteredSchool("persons");
        await fixture.Grains.RegisteredTeacher("ana", "persons", Day(1));
        await fixture.Grains.RegisteredTeacher("ben", "persons", Day(1));
        await RecordAt("persons", new DecisionRecorded("d1", "Adopt peer observation", "instruction", DecisionMode.Shared, ["ana", "ben"], false, "") { OccurredAt = Day(5) });
        await RecordAt("persons", new BreakingRanksEpisodeOpened("e1", "ben", BreakingRanksAct.SpokeUp, "Questioned the grading policy", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(6) });
        await RecordAt("persons", new BreakingRanksEpisodeEscalated("e1", BreakingRanksLevel.Resistance, "Petition") { OccurredAt = Day(7) });

        var timeline = await Timeline("persons");

        var decision = Assert.Single(timeline, e => e.Kind == "DecisionRecorded");
        Assert.Equal(["ana", "ben"], decision.Persons);
        Assert.Equal("Decision 'Adopt peer observation' (Shared, 2 participants)", decision.Summary);
        Assert.Equal("Shared", decision.Data.GetProperty("mode").GetString());
        Assert.Equal(["ben"], Assert.Single(timeline, e => e.Kind == "BreakingRanksEpisodeEscalated").Persons);
        Assert.Equal(["ana"], Assert.Single(timeline, e => e.Kind == "TeacherJoinedStaff" && e.Persons.Contains("ana")).Persons);
    }

    [Fact]
    public async Task An_initiatives_enrolments_and_interventions_appear_on_the_school_concerned()
    {
        await fixture.Grains.RegisteredSchool("enrolled");
        await fixture.Grains.RegisteredSchool("bystander");
        var initiative = fixture.Grains.GetGrain<IInitiativeGrain>("pathways");
        await Given.Accepted(initiative.Record(Given.Command(), new InitiativeLaunched("Pathways", Sponsor.District, "Grow teacher leaders", ["coaching"]) { OccurredAt = Day(2) }));
        await Given.Accepted(initiative.Record(Given.Command(), new SchoolEnrolled("enrolled") { OccurredAt = Day(3) }));
        await Given.Accepted(initiative.Record(Given.Command(), new InterventionStarted("coaching-cycle", "enrolled", "coaching", "Coaching raises observation rates") { OccurredAt = Day(4) }));
        await Given.Accepted(initiative.Record(Given.Command(), new InterventionCompleted("coaching-cycle", "Observation rates doubled", "") { OccurredAt = Day(60) }));
        await Given.Accepted(initiative.Record(Given.Command(), new SchoolWithdrawn("enrolled", "Budget") { OccurredAt = Day(70) }));

        var timeline = await Timeline("enrolled");

        Assert.Equal(["SchoolEnrolled", "InterventionStarted", "InterventionCompleted", "SchoolWithdrawn"],
            timeline.Where(e => e.Aggregate == "initiative").Select(e => e.Kind));
        Assert.All(timeline.Where(e => e.Aggregate == "initiative"), e => Assert.Equal("initiative/pathways", e.StreamId));
        Assert.Equal("Intervention coaching-cycle completed: Observation rates doubled", timeline.Single(e => e.Kind == "InterventionCompleted").Summary);
        Assert.DoesNotContain(await Timeline("bystander"), e => e.Aggregate == "initiative");
    }

    [Fact]
    public async Task Joining_and_leaving_a_network_appear_on_the_schools_timeline()
    {
        await fixture.Grains.RegisteredSchool("networked");
        var network = fixture.Grains.GetGrain<INetworkGrain>("valley-network");
        await Given.Accepted(network.Record(Given.Command(), new NetworkFormed("Valley", "Compare notes") { OccurredAt = Day(1) }));
        await Given.Accepted(network.Record(Given.Command(), new SchoolJoinedNetwork("networked") { OccurredAt = Day(2) }));
        await Given.Accepted(network.Record(Given.Command(), new SchoolLeftNetwork("networked") { OccurredAt = Day(3) }));

        var timeline = await Timeline("networked");

        Assert.Equal(["Joined network valley-network", "Left network valley-network"],
            timeline.Where(e => e.Aggregate == "network").Select(e => e.Summary));
    }

    [Fact]
    public async Task Episode_spans_show_escalations_the_highest_level_and_the_outcome()
    {
        await fixture.Grains.RegisteredSchool("episodes");
        await fixture.Grains.RegisteredTeacher("cara", "episodes", Day(1));
        await RecordAt("episodes", new BreakingRanksEpisodeOpened("open-one", "cara", BreakingRanksAct.SpokeUp, "Asked to see the data", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(10) });
        await RecordAt("episodes", new BreakingRanksEpisodeEscalated("open-one", BreakingRanksLevel.AttractingAttention, "Staff room talk") { OccurredAt = Day(12) });
        await RecordAt("episodes", new BreakingRanksEpisodeEscalated("open-one", BreakingRanksLevel.DesignedIntervention, "Moved her duty") { OccurredAt = Day(15) });
        await RecordAt("episodes", new BreakingRanksEpisodeOpened("closed-one", "cara", BreakingRanksAct.SpokeUp, "Ran a data meeting", BreakingRanksLevel.AttractingAttention) { OccurredAt = Day(20) });
        await RecordAt("episodes", new BreakingRanksEpisodeResolved("closed-one", EpisodeOutcome.Negotiated, "Monthly slot agreed") { OccurredAt = Day(27) });

        await using var session = fixture.Store.QuerySession();
        var spans = await session.EpisodesAsync("episodes", open: null, CancellationToken.None);

        Assert.Equal(["open-one", "closed-one"], spans.Select(s => s.EpisodeId));
        var open = spans[0];
        Assert.Equal((BreakingRanksLevel.SpeakingUp, BreakingRanksLevel.DesignedIntervention, (DateTimeOffset?)null, (EpisodeOutcome?)null),
            (open.OpeningLevel, open.HighestLevel, open.ResolvedAt, open.Outcome));
        Assert.Equal([(Day(12), BreakingRanksLevel.AttractingAttention), (Day(15), BreakingRanksLevel.DesignedIntervention)],
            open.Escalations.Select(x => (x.At, x.Level)));
        var closed = spans[1];
        Assert.Equal((EpisodeOutcome.Negotiated, Day(27), BreakingRanksLevel.AttractingAttention, 7),
            (closed.Outcome!.Value, closed.ResolvedAt!.Value, closed.HighestLevel, closed.DaysOpen(DateTimeOffset.UtcNow)));
        Assert.Equal(["open-one"], (await session.EpisodesAsync("episodes", open: true, CancellationToken.None)).Select(s => s.EpisodeId));
        Assert.Equal(["closed-one"], (await session.EpisodesAsync("episodes", open: false, CancellationToken.None)).Select(s => s.EpisodeId));
    }
}
