using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using Marten;

namespace LearningOrg.Tests.Culture;

/// <summary>
/// Transactions that touch one school at once, each from its own session as the school's grain and its teachers'
/// grains write, leave the indicator rows equal to what the stored events give: none is written over by a
/// transaction that read the school before another's events were committed.
/// </summary>
public sealed class IndicatorConcurrencyTests(IndicatorStore fixture) : IClassFixture<IndicatorStore>
{
    private static readonly DateTimeOffset January = new(2024, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private const int Rounds = 6;
    private const int Teachers = 5;

    [Fact]
    public async Task Concurrent_transactions_on_one_school_and_its_teachers_leave_the_rows_the_stored_events_give()
    {
        const string school = "race";
        string Teacher(int t) => $"race-t{t}";
        await using (var setup = fixture.Store.LightweightSession())
        {
            setup.Events.Append(StreamKeys.For(StreamKeys.School, school),
                [new SchoolRegistered("Race", "District", 8) { OccurredAt = January },
                 .. Enumerable.Range(0, Teachers).Select(t => new TeacherJoinedStaff(Teacher(t)) { OccurredAt = January.AddMinutes(t) })]);
            await setup.SaveChangesAsync();
        }
        var observed = new InformalLeadershipObserved(LeadershipAct.ModeledPractice, LeadershipDomain.Instruction, "", "principal");

        for (var round = 0; round < Rounds; round++)
        {
            var at = January.AddMonths(round + 1);
            // One writer per stream, as one grain per school and per teacher; a teacher joining in this round writes
            // its own event while the school records the joining.
            var joining = Teacher(Teachers + round);
            var writers = new List<IDocumentSession>();
            var schoolWriter = fixture.Store.LightweightSession();
            schoolWriter.Events.Append(StreamKeys.For(StreamKeys.School, school),
                new DecisionRecorded($"race-d{round}", "Timetable", "Schedule", DecisionMode.Shared, [Teacher(0)], false, "") { OccurredAt = at },
                new StaffCountChanged(8 + round) { OccurredAt = at.AddHours(1) },
                new TeacherJoinedStaff(joining) { OccurredAt = at.AddHours(2) });
            writers.Add(schoolWriter);
            foreach (var teacher in Enumerable.Range(0, Teachers).Select(Teacher).Append(joining))
            {
                var writer = fixture.Store.LightweightSession();
                writer.Events.Append(StreamKeys.For(StreamKeys.Teacher, teacher), observed with { OccurredAt = at.AddHours(3) });
                writers.Add(writer);
            }

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var saves = writers.Select(w => Task.Run(async () =>
            {
                await start.Task;
                await w.SaveChangesAsync();
            })).ToList();
            start.SetResult();
            await Task.WhenAll(saves);
            foreach (var writer in writers)
            {
                await writer.DisposeAsync();
            }

            var rows = await fixture.RowsAsync(school);
            Assert.Equal(await fixture.FromEventsAsync(school), rows.Select(r => r.Point));
            Assert.Equal(Teachers + round + 1, rows[^1].Point.TeachersOnStaff);
        }
    }
}
