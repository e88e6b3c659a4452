using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Persistence;
using Marten;
using Marten.Events.Projections;

namespace LearningOrg.Grains.ReadModels;

/// <summary>
/// Writes each event onto the timelines of the schools it concerns, in the transaction that appends it:
/// <list type="bullet">
/// <item>a school's events onto its own timeline;</item>
/// <item>a teacher's events onto the timeline of each school whose staff the teacher was on when it happened
/// (<see cref="StaffTenure"/>, kept here from the schools' staff events); a registration onto its school, a move
/// onto both;</item>
/// <item>an initiative's enrolments, withdrawals and interventions onto the school concerned;</item>
/// <item>a network's joins and departures onto the school.</item>
/// </list>
/// A staff change may be recorded after the teacher's events it bears on (a departure entered late), so each one
/// re-sorts that teacher's events on that school's timeline.
/// </summary>
public sealed class TimelineProjection : IProjection
{
    private static readonly JsonSerializerOptions DataJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var batch = new Batch(new BatchDocuments(operations));
        foreach (var e in events)
        {
            if (e.Data is not DomainEvent data || e.StreamKey is null)
            {
                continue;
            }
            var (_, sourceId) = StreamKeys.Parse(e.StreamKey);
            switch (data)
            {
                case SchoolEvent school:
                    await OnSchoolEvent(batch, e, sourceId, school, cancellation);
                    break;
                case TeacherEvent teacher:
                    await OnTeacherEvent(batch, e, sourceId, teacher, cancellation);
                    break;
                case InitiativeEvent initiative:
                    await OnInitiativeEvent(batch, e, sourceId, initiative, cancellation);
                    break;
                case SchoolJoinedNetwork joined:
                    Write(batch, joined.SchoolId, e, sourceId);
                    break;
                case SchoolLeftNetwork left:
                    Write(batch, left.SchoolId, e, sourceId);
                    break;
            }
        }
    }

    private static async Task OnSchoolEvent(Batch batch, IEvent e, string schoolId, SchoolEvent data, CancellationToken cancellation)
    {
        string? episodeTeacher = null;
        switch (data)
        {
            case BreakingRanksEpisodeOpened opened:
                batch.Documents.Store(TimelineLookup.Episode(schoolId, opened.EpisodeId),
                    new TimelineLookup(TimelineLookup.Episode(schoolId, opened.EpisodeId), opened.TeacherId));
                break;
            case BreakingRanksEpisodeEscalated escalated:
                episodeTeacher = (await batch.Documents.LoadAsync<TimelineLookup>(TimelineLookup.Episode(schoolId, escalated.EpisodeId), cancellation))?.Value;
                break;
            case BreakingRanksEpisodeResolved resolved:
                episodeTeacher = (await batch.Documents.LoadAsync<TimelineLookup>(TimelineLookup.Episode(schoolId, resolved.EpisodeId), cancellation))?.Value;
                break;
        }
        Write(batch, schoolId, e, schoolId, episodeTeacher);

        switch (data)
        {
            case TeacherJoinedStaff joined:
                await ChangeTenure(batch, joined.TeacherId, schoolId, tenure => tenure.Joined(schoolId, joined.OccurredAt), cancellation);
                break;
            case TeacherLeftStaff left:
                await ChangeTenure(batch, left.TeacherId, schoolId, tenure => tenure.Left(schoolId, left.OccurredAt), cancellation);
                break;
        }
    }

    private static async Task OnTeacherEvent(Batch batch, IEvent e, string teacherId, TeacherEvent data, CancellationToken cancellation)
    {
        batch.TeacherEvents(teacherId).Add(e);
        switch (data)
        {
            case TeacherRegistered registered:
                Write(batch, registered.SchoolId, e, teacherId);
                break;
            case TeacherMovedSchool moved:
                Write(batch, moved.FromSchoolId, e, teacherId);
                Write(batch, moved.ToSchoolId, e, teacherId);
                break;
            default:
                var tenure = await batch.Documents.LoadAsync<StaffTenure>(teacherId, cancellation);
                foreach (var schoolId in tenure?.SchoolsAt(data.OccurredAt) ?? [])
                {
                    Write(batch, schoolId, e, teacherId);
                }
                break;
        }
    }

    private static async Task OnInitiativeEvent(Batch batch, IEvent e, string initiativeId, InitiativeEvent data, CancellationToken cancellation)
    {
        switch (data)
        {
            case SchoolEnrolled enrolled:
                Write(batch, enrolled.SchoolId, e, initiativeId);
                break;
            case SchoolWithdrawn withdrawn:
                Write(batch, withdrawn.SchoolId, e, initiativeId);
                break;
            case InterventionStarted started:
                var key = TimelineLookup.Intervention(initiativeId, started.InterventionId);
                batch.Documents.Store(key, new TimelineLookup(key, started.SchoolId));
                Write(batch, started.SchoolId, e, initiativeId);
                break;
            case InterventionCompleted completed:
                var school = await batch.Documents.LoadAsync<TimelineLookup>(TimelineLookup.Intervention(initiativeId, completed.InterventionId), cancellation);
                if (school is not null)
                {
                    Write(batch, school.Value, e, initiativeId);
                }
                break;
        }
    }

    /// <summary>
    /// Records a staff change on the teacher's tenure, then puts the teacher's events on this school's timeline where
    /// the teacher was on its staff and takes them off where not. Registrations and moves stay where they are.
    /// </summary>
    private static async Task ChangeTenure(Batch batch, string teacherId, string schoolId, Func<StaffTenure, StaffTenure> change, CancellationToken cancellation)
    {
        var tenure = change(await batch.Documents.LoadAsync<StaffTenure>(teacherId, cancellation) ?? new StaffTenure(teacherId, []));
        batch.Documents.Store(teacherId, tenure);

        var teacherStream = StreamKeys.For(StreamKeys.Teacher, teacherId);
        var recorded = await batch.Documents.Operations.Events.FetchStreamAsync(teacherStream, token: cancellation);
        var onTimeline = (await batch.Documents.Operations.Query<TimelineEntry>()
                .Where(x => x.SchoolId == schoolId && x.StreamId == teacherStream)
                .Select(x => x.EventId)
                .ToListAsync(cancellation))
            .ToHashSet();
        foreach (var e in recorded.Concat(batch.TeacherEvents(teacherId)).DistinctBy(e => e.Id))
        {
            if (e.Data is TeacherRegistered or TeacherMovedSchool or not TeacherEvent)
            {
                continue;
            }
            var id = TimelineEntry.IdFor(schoolId, e.Id);
            if (tenure.WasOnStaff(schoolId, ((TeacherEvent)e.Data).OccurredAt))
            {
                Write(batch, schoolId, e, teacherId);
            }
            else if (onTimeline.Contains(e.Id) || batch.Documents.HasStored<TimelineEntry>(id))
            {
                batch.Documents.Delete<TimelineEntry>(id);
            }
        }
    }

    private static void Write(Batch batch, string schoolId, IEvent e, string sourceId, string? episodeTeacher = null)
    {
        var data = (DomainEvent)e.Data;
        var type = EventCatalog.For(data.GetType());
        var id = TimelineEntry.IdFor(schoolId, e.Id);
        batch.Documents.Store(id, new TimelineEntry(
            id,
            schoolId,
            e.Id,
            e.StreamKey!,
            type.Aggregate,
            e.Version,
            data.OccurredAt.ToUniversalTime(),
            ToMicroseconds(e.Timestamp),
            e.UserName,
            type.Name,
            type.Kind,
            TimelineText.Persons(data, data is TeacherEvent ? sourceId : null, episodeTeacher),
            TimelineText.Summary(data, sourceId),
            JsonSerializer.SerializeToElement(data, data.GetType(), DataJson)));
    }

    /// <summary>
    /// The entry with its summary and data written again from <paramref name="data"/>: the same event after masking.
    /// Its place, school and persons (teacher ids) stay as they are.
    /// </summary>
    public static TimelineEntry Refreshed(TimelineEntry entry, DomainEvent data) => entry with
    {
        Summary = TimelineText.Summary(data, StreamKeys.Parse(entry.StreamId).Id),
        Data = JsonSerializer.SerializeToElement(data, data.GetType(), DataJson),
    };

    /// <summary>PostgreSQL keeps the store's timestamp to the microsecond; so does the timeline, so that the two agree.</summary>
    private static DateTimeOffset ToMicroseconds(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % (TimeSpan.TicksPerMicrosecond)));
    }

    private sealed class Batch(BatchDocuments documents)
    {
        private readonly Dictionary<string, List<IEvent>> teacherEvents = new(StringComparer.Ordinal);

        public BatchDocuments Documents => documents;

        /// <summary>The teacher's events met earlier in this batch, not yet committed.</summary>
        public List<IEvent> TeacherEvents(string teacherId) =>
            teacherEvents.TryGetValue(teacherId, out var list) ? list : teacherEvents[teacherId] = [];
    }
}
