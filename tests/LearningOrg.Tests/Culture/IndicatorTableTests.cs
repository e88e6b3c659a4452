using FsCheck;
using FsCheck.Xunit;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Tests.Culture;

/// <summary>
/// The indicator table (<see cref="SchoolMonthIndicators"/>) holds what <see cref="CultureTrajectory.Monthly"/>
/// computes from the events, however and in whatever order they were entered, and after a rebuild.
/// </summary>
public sealed class IndicatorTableTests(IndicatorStore fixture) : IClassFixture<IndicatorStore>
{
    private static readonly DateTimeOffset January = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static (string? TeacherId, DomainEvent Event) Own(SchoolEvent e, DateTimeOffset at) => (null, e with { OccurredAt = at });

    private static (string? TeacherId, DomainEvent Event) Of(string teacherId, TeacherEvent e, DateTimeOffset at) => (teacherId, e with { OccurredAt = at });

    private async Task<bool> TableEqualsEvents(string schoolId)
    {
        var rows = await fixture.RowsAsync(schoolId);
        return rows.Select(r => r.Point).SequenceEqual(await fixture.FromEventsAsync(schoolId));
    }

    /// <summary>
    /// Two schools whose staffs the same teachers join and leave (so they move between them), their events cut into
    /// transactions of a few events each, entered in a random order: many are entered after later ones (back-dated).
    /// </summary>
    [Property(MaxTest = 30)]
    public bool Random_histories_entered_in_any_order_give_the_rows_computed_from_their_events(int[] choices, int seed)
    {
        choices ??= [];
        var run = $"p{Guid.NewGuid():N}"[..12];
        string Name(string id) => $"{run}-{id}";
        var north = RandomCultureHistory.Build(choices, Name).Select(e => (School: Name("north"), e.TeacherId, e.Event));
        var south = RandomCultureHistory.Build([.. choices.Reverse()], Name).Select(e => (School: Name("south"), e.TeacherId, e.Event));
        var random = new Random(seed);
        var pieces = new List<List<(string School, string? TeacherId, DomainEvent Event)>>();
        foreach (var item in north.Concat(south))
        {
            if (pieces.Count == 0 || random.Next(4) == 0)
            {
                pieces.Add([]);
            }
            pieces[^1].Add(item);
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pieces));
        foreach (var piece in pieces)
        {
            Append(piece).GetAwaiter().GetResult();
        }
        return TableEqualsEvents(Name("north")).GetAwaiter().GetResult() && TableEqualsEvents(Name("south")).GetAwaiter().GetResult();
    }

    /// <summary>
    /// A random history's rows run to the month its indicators settle at, and every later month's indicators, computed
    /// from the events, are the last row's, re-dated: the first month after it, a year on, and a random month decades on.
    /// </summary>
    [Property(MaxTest = 30)]
    public bool Months_after_the_last_row_have_the_last_rows_indicators_re_dated(int[] choices, ushort later)
    {
        choices ??= [];
        var school = $"s{Guid.NewGuid():N}"[..12];
        fixture.AppendAsync(school, RandomCultureHistory.Build(choices, id => $"{school}-{id}")).GetAwaiter().GetResult();
        var last = fixture.RowsAsync(school).GetAwaiter().GetResult()[^1];
        var trajectory = fixture.TrajectoryAsync(school).GetAwaiter().GetResult();
        if (last.Month != CultureTrajectory.SettledMonth(Months.Of(trajectory.LastEventAt!.Value)))
        {
            return false;
        }
        return new[] { 1, 12, 13 + (later % 600) }.Select(last.Month.AddMonths)
            .All(month => trajectory.Monthly(month, month)[0] == last.Point with { Month = month, At = Months.End(month) });
    }

    [Fact]
    public async Task A_comparison_years_after_the_latest_event_reads_the_last_row_and_no_events()
    {
        await fixture.AppendAsync("quiet", RandomCultureHistory.Build([0, 16, 2, 8, 5, 13, 24, 6, 9, 12, 7], id => $"quiet-{id}"));
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append(StreamKeys.For(StreamKeys.Network, "quiet-network"),
                new NetworkFormed("Quiet", "Compare") { OccurredAt = RandomCultureHistory.Start },
                new SchoolJoinedNetwork("quiet") { OccurredAt = RandomCultureHistory.Start });
            await session.SaveChangesAsync();
        }
        var queries = new CultureQueries(new SchoolHistoryReader(fixture.Store), new EventReader(fixture.Store));
        var trajectory = await fixture.TrajectoryAsync("quiet");
        var at = trajectory.LastEventAt!.Value.AddYears(6);

        var school = Assert.Single((await queries.ComparisonAsync("quiet-network", at, CancellationToken.None)).Value!.Schools);

        Assert.Equal(0, queries.Indicators.SchoolsReadFromEvents);
        Assert.Equal(trajectory.Monthly(Months.Of(at), Months.Of(at))[0], school.Indicators);
        var lastRow = (await fixture.RowsAsync("quiet"))[^1];
        Assert.Equal(lastRow.Point with { Month = Months.Of(at), At = Months.End(Months.Of(at)) }, school.Indicators);

        // Without the last row, the same months are read from the events, and the counter sees it.
        await using (var wipe = fixture.Store.LightweightSession())
        {
            wipe.Delete<SchoolMonthIndicators>(lastRow.Id);
            await wipe.SaveChangesAsync();
        }
        var again = Assert.Single((await queries.ComparisonAsync("quiet-network", at.AddDays(40), CancellationToken.None)).Value!.Schools);
        Assert.Equal(1, queries.Indicators.SchoolsReadFromEvents);
        Assert.Equal(trajectory.Monthly(Months.Of(at.AddDays(40)), Months.Of(at.AddDays(40)))[0], again.Indicators);
    }

    private async Task Append(IReadOnlyList<(string School, string? TeacherId, DomainEvent Event)> piece)
    {
        await using var session = fixture.Store.LightweightSession();
        foreach (var (school, teacherId, @event) in piece)
        {
            session.Events.Append(teacherId is null ? StreamKeys.For(StreamKeys.School, school) : StreamKeys.For(StreamKeys.Teacher, teacherId), @event);
        }
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task A_back_dated_event_changes_the_rows_from_its_month_on_and_not_before()
    {
        await fixture.AppendAsync("backdated", [
            Own(new SchoolRegistered("Back Dated", "District", 10), January),
            Own(new TeacherJoinedStaff("backdated-ana"), January.AddDays(1)),
            Own(new DecisionRecorded("d1", "Timetable", "Schedule", DecisionMode.Shared, ["backdated-ana"], false, ""), January.AddMonths(1)),
            Own(new DecisionRecorded("d2", "Budget", "Finance", DecisionMode.PrincipalAlone, [], false, ""), January.AddMonths(3)),
        ]);
        var before = await fixture.RowsAsync("backdated");
        Assert.All(before, r => Assert.Equal(10, r.Point.StaffCount));

        await fixture.AppendAsync("backdated", [Own(new StaffCountChanged(25), January.AddMonths(1).AddDays(5))]);

        var after = await fixture.RowsAsync("backdated");
        Assert.Equal(10, after[0].Point.StaffCount);
        Assert.All(after.Skip(1), r => Assert.Equal(25, r.Point.StaffCount));
        Assert.Equal(before[0], after[0]);
        Assert.True(await TableEqualsEvents("backdated"));
    }

    [Fact]
    public async Task A_teachers_event_while_on_the_staff_reaches_the_schools_rows_and_one_after_leaving_it_does_not()
    {
        await fixture.AppendAsync("staffed", [
            Own(new SchoolRegistered("Staffed", "District", 10), January),
            Own(new TeacherJoinedStaff("staffed-ben"), January.AddDays(1)),
            Own(new TeacherJoinedStaff("staffed-cleo"), January.AddDays(1)),
            Own(new TeacherLeftStaff("staffed-cleo"), January.AddDays(10)),
            Own(new TeacherLeftStaff("staffed-ben"), January.AddMonths(2)),
            Own(new StaffCountChanged(12), January.AddMonths(3)),
        ]);
        var observed = new InformalLeadershipObserved(LeadershipAct.ModeledPractice, LeadershipDomain.Instruction, "", "principal");
        await fixture.AppendAsync("staffed", [Of("staffed-ben", observed, January.AddMonths(1))]);
        await fixture.AppendAsync("staffed", [Of("staffed-cleo", observed, January.AddMonths(1))]);

        var rows = await fixture.RowsAsync("staffed");
        Assert.Equal([0, 1, 1, 1], rows.Take(4).Select(r => r.Point.ActiveTeacherLeaders));
        Assert.True(await TableEqualsEvents("staffed"));
    }

    [Fact]
    public async Task A_rebuild_from_the_events_gives_the_rows_the_projection_wrote()
    {
        var history = RandomCultureHistory.Build([3, 17, 130, 5, 77, 8, 2, 40, 12, 9, 91, 6, 1, 0, 300, 11, 7], id => $"rebuilt-{id}");
        await fixture.AppendAsync("rebuilt", history.Take(9));
        await fixture.AppendAsync("rebuilt", history.Skip(9));
        var written = await fixture.RowsAsync("rebuilt");
        Assert.NotEmpty(written);
        await using (var wipe = fixture.Store.LightweightSession())
        {
            wipe.DeleteWhere<SchoolMonthIndicators>(x => true);
            wipe.DeleteWhere<SchoolIndicatorSummary>(x => true);
            wipe.Delete<ReadModelBuild>(ReadModelBuild.Key);
            await wipe.SaveChangesAsync();
        }
        Assert.Empty(await fixture.RowsAsync("rebuilt"));

        await new ReadModelCatchUp(fixture.Store, TimeProvider.System, NullLogger<ReadModelCatchUp>.Instance).StartAsync(CancellationToken.None);

        var rebuilt = await fixture.RowsAsync("rebuilt");
        Assert.Equal(Grains.Given.CanonicalJson(written), Grains.Given.CanonicalJson(rebuilt));
        Assert.True(await TableEqualsEvents("rebuilt"));
    }

    [Fact]
    public async Task A_comparison_at_a_date_within_a_month_gives_each_school_its_rows_month_end_indicators()
    {
        await fixture.AppendAsync("midmonth", [
            Own(new SchoolRegistered("Mid Month", "District", 10), January),
            Own(new StaffCountChanged(30), January.AddDays(15)),
        ]);
        await using (var session = fixture.Store.LightweightSession())
        {
            session.Events.Append(StreamKeys.For(StreamKeys.Network, "midmonth-network"),
                new NetworkFormed("Mid", "Compare") { OccurredAt = January },
                new SchoolJoinedNetwork("midmonth") { OccurredAt = January });
            await session.SaveChangesAsync();
        }
        var queries = new CultureQueries(new SchoolHistoryReader(fixture.Store), new EventReader(fixture.Store));

        var comparison = (await queries.ComparisonAsync("midmonth-network", January.AddDays(2), CancellationToken.None)).Value!;

        var school = Assert.Single(comparison.Schools);
        Assert.Equal(30, school.Indicators.StaffCount);
        Assert.Equal(Months.End(Months.Of(January)), school.Indicators.At);
        Assert.Equal((await fixture.RowsAsync("midmonth"))[0].Point, school.Indicators);
    }
}
