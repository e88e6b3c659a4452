using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Grains;
using LearningOrg.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.ReadModels;

/// <summary>Rebuilding the read models from the events gives what the inline projections wrote.</summary>
public sealed class RebuildTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static DateTimeOffset Day(int n) => Given.Past.AddDays(n);

    /// <summary>The read models of one test's history (its ids start with <paramref name="prefix"/>), as canonical JSON.</summary>
    private async Task<string> ReadModels(string prefix)
    {
        await using var session = fixture.Store.QuerySession();
        var entries = await session.Query<TimelineEntry>().Where(x => x.SchoolId.StartsWith(prefix)).OrderBy(x => x.Id).ToListAsync();
        var tenures = await session.Query<StaffTenure>().Where(x => x.Id.StartsWith(prefix)).OrderBy(x => x.Id).ToListAsync();
        var spans = await session.Query<EpisodeSpan>().Where(x => x.SchoolId.StartsWith(prefix)).OrderBy(x => x.Id).ToListAsync();
        return Given.CanonicalJson(new { entries, tenures, spans });
    }

    private async Task RecordHistory(string prefix)
    {
        var grains = fixture.Grains;
        string Id(string name) => $"{prefix}-{name}";
        await grains.RegisteredSchool(Id("north"));
        await grains.RegisteredSchool(Id("south"));
        await grains.RegisteredTeacher(Id("dana"), Id("north"), Day(1));
        await grains.RegisteredTeacher(Id("eli"), Id("north"), Day(1));
        var dana = grains.GetGrain<ITeacherGrain>(Id("dana"));
        await Given.Accepted(dana.Record(Given.Command(), new CollaborationJoined("Grade 4 PLC") { OccurredAt = Day(5) }));
        await Given.Accepted(grains.RecordAsync(Id("dana"), Given.Command(), new TeacherMovedSchool(Id("north"), Id("south")) { OccurredAt = Day(20) }));
        await Given.Accepted(dana.Record(Given.Command(), new CollaborationJoined("Science network") { OccurredAt = Day(25) }));
        var eli = grains.GetGrain<ITeacherGrain>(Id("eli"));
        await Given.Accepted(eli.Record(Given.Command(), new CollaborationJoined("Data team") { OccurredAt = Day(40) }));
        var north = grains.GetGrain<ISchoolGrain>(Id("north"));
        await Given.Accepted(north.Record(Given.Command(), new TeacherLeftStaff(Id("eli")) { OccurredAt = Day(30) }));
        await Given.Accepted(north.Record(Given.Command(), new BreakingRanksEpisodeOpened("ep", Id("dana"), BreakingRanksAct.SpokeUp, "Shared her data", BreakingRanksLevel.SpeakingUp) { OccurredAt = Day(10) }));
        await Given.Accepted(north.Record(Given.Command(), new BreakingRanksEpisodeEscalated("ep", BreakingRanksLevel.Resistance, "Complaint") { OccurredAt = Day(12) }));
        var initiative = grains.GetGrain<IInitiativeGrain>(Id("initiative"));
        await Given.Accepted(initiative.Record(Given.Command(), new InitiativeLaunched("Pathways", Sponsor.District, "Leaders", []) { OccurredAt = Day(2) }));
        await Given.Accepted(initiative.Record(Given.Command(), new SchoolEnrolled(Id("south")) { OccurredAt = Day(3) }));
        await Given.Accepted(initiative.Record(Given.Command(), new InterventionStarted("coaching", Id("south"), "coaching", "More observation") { OccurredAt = Day(4) }));
        await Given.Accepted(initiative.Record(Given.Command(), new InterventionCompleted("coaching", "Done", "") { OccurredAt = Day(50) }));
    }

    /// <summary>Empties the read models, as in a store whose events were appended before the projections existed.</summary>
    private async Task Wipe(bool forgetBuild)
    {
        await using var wipe = fixture.Store.LightweightSession();
        wipe.DeleteWhere<TimelineEntry>(x => true);
        wipe.DeleteWhere<StaffTenure>(x => true);
        wipe.DeleteWhere<TimelineLookup>(x => true);
        wipe.DeleteWhere<EpisodeSpan>(x => true);
        if (forgetBuild)
        {
            wipe.Delete<ReadModelBuild>(ReadModelBuild.Key);
        }
        await wipe.SaveChangesAsync();
    }

    private ReadModelCatchUp CatchUp() => new(fixture.Store, TimeProvider.System, NullLogger<ReadModelCatchUp>.Instance);

    [Fact]
    public async Task A_rebuild_from_the_events_alone_gives_what_the_inline_projections_wrote()
    {
        await RecordHistory("rebuild");
        var inline = await ReadModels("rebuild");
        await Wipe(forgetBuild: false);
        Assert.Contains("InterventionCompleted", inline, StringComparison.Ordinal);
        Assert.DoesNotContain("InterventionCompleted", await ReadModels("rebuild"), StringComparison.Ordinal);

        await ReadModelSetup.RebuildAsync(fixture.Store, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(inline, await ReadModels("rebuild"));
    }

    [Fact]
    public async Task At_start_read_models_behind_the_current_build_are_rebuilt_once_and_then_left_alone()
    {
        await RecordHistory("catch-up");
        var inline = await ReadModels("catch-up");
        await using (var session = fixture.Store.QuerySession())
        {
            // The silo's start marked its fresh store current.
            Assert.Equal(ReadModelSetup.CurrentBuild, (await session.LoadAsync<ReadModelBuild>(ReadModelBuild.Key))?.Build);
        }
        await Wipe(forgetBuild: true);

        await CatchUp().StartAsync(CancellationToken.None);

        Assert.Equal(inline, await ReadModels("catch-up"));
        await using (var session = fixture.Store.LightweightSession())
        {
            Assert.Equal(ReadModelSetup.CurrentBuild, (await session.LoadAsync<ReadModelBuild>(ReadModelBuild.Key))?.Build);
            session.DeleteWhere<EpisodeSpan>(x => true);
            await session.SaveChangesAsync();
        }
        var withoutSpans = await ReadModels("catch-up");

        await CatchUp().StartAsync(CancellationToken.None);

        Assert.Equal(withoutSpans, await ReadModels("catch-up"));
    }
}
