using JasperFx.Events;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using Marten;
using Marten.Events.Projections;

namespace LearningOrg.ReadModels;

/// <summary>
/// Keeps each school's monthly indicator rows (<see cref="SchoolMonthIndicators"/>) in the transaction that appends
/// the events, so a comparison read after a write includes it. A batch's events name the schools they bear on: a
/// school's own events, and a teacher's events while the teacher was on a school's staff (<see cref="StaffTenure"/>).
/// Each such school's history is read once, with the batch's events, and its rows are computed again by
/// <see cref="CultureTrajectory"/> from the earliest month the batch touches (an event entered late reaches back) to
/// the month its indicators settle at. Before it reads, it waits for the locks of the teachers and schools the batch touches
/// (<see cref="IndicatorLocks"/>), so a transaction touching the same school at once cannot write rows without this
/// one's events, nor this one rows without its events. A rebuild does not replay events through here: <see cref="IndicatorRebuild"/> computes each
/// school once.
/// </summary>
public sealed class IndicatorProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var earliest = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var teacherEvents = new List<(string TeacherId, DateTimeOffset At)>();
        // The teachers whose tenures this batch reads or changes.
        var teachers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.StreamKey is null)
            {
                continue;
            }
            switch (e.Data)
            {
                case SchoolEvent school:
                    Touch(earliest, StreamKeys.Parse(e.StreamKey).Id, school.OccurredAt);
                    if (school is TeacherJoinedStaff joined)
                    {
                        teachers.Add(joined.TeacherId);
                    }
                    else if (school is TeacherLeftStaff left)
                    {
                        teachers.Add(left.TeacherId);
                    }
                    break;
                case TeacherEvent teacher:
                    var teacherId = StreamKeys.Parse(e.StreamKey).Id;
                    teacherEvents.Add((teacherId, teacher.OccurredAt));
                    teachers.Add(teacherId);
                    break;
                default:
                    break;
            }
        }
        var session = operations as IDocumentSession;
        if (session is not null)
        {
            await IndicatorLocks.TakeAsync(session, StreamKeys.Teacher, teachers, cancellation);
        }
        if (teacherEvents.Count > 0)
        {
            // A staff change of this batch is not in the tenures yet; its school is touched by the change itself.
            var tenures = (await operations.LoadManyAsync<StaffTenure>(cancellation, teacherEvents.Select(t => t.TeacherId).Distinct()))
                .ToDictionary(t => t.Id, StringComparer.Ordinal);
            foreach (var (teacherId, at) in teacherEvents)
            {
                foreach (var schoolId in tenures.GetValueOrDefault(teacherId)?.SchoolsAt(at) ?? [])
                {
                    Touch(earliest, schoolId, at);
                }
            }
        }
        if (earliest.Count == 0)
        {
            return;
        }

        if (session is not null)
        {
            await IndicatorLocks.TakeAsync(session, StreamKeys.School, earliest.Keys, cancellation);
        }
        var histories = await SchoolHistoryReader.ReadSchoolsAsync(operations, earliest.Keys, events, cancellation);
        var summaries = (await operations.LoadManyAsync<SchoolIndicatorSummary>(cancellation, [.. histories.Keys]))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var (schoolId, history) in histories)
        {
            var before = summaries.GetValueOrDefault(schoolId);
            // Months past the last row have none yet; a changed first month moves every row's range.
            DateOnly? from = before is null ? null : Earlier(earliest[schoolId], before.LastRowMonth().AddMonths(1));
            var (summary, rows) = SchoolIndicatorSummary.Compute(history, from);
            if (before is not null && before.FirstMonth != summary.FirstMonth)
            {
                (summary, rows) = SchoolIndicatorSummary.Compute(history);
            }
            if (before is not null)
            {
                foreach (var gone in before.CoveredMonths().Where(m => m < summary.FirstMonth || m > summary.LastRowMonth()))
                {
                    operations.Delete<SchoolMonthIndicators>(SchoolMonthIndicators.IdFor(schoolId, gone));
                }
            }
            operations.Store(summary);
            if (rows.Count > 0)
            {
                operations.Store([.. rows]);
            }
        }
    }

    private static void Touch(Dictionary<string, DateOnly> earliest, string schoolId, DateTimeOffset at)
    {
        var month = Months.Of(at);
        earliest[schoolId] = earliest.TryGetValue(schoolId, out var known) ? Earlier(known, month) : month;
    }

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;
}
