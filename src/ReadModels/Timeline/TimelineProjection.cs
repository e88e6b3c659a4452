using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using Marten;
using Marten.Events.Projections;

namespace LearningOrg.ReadModels;

/// <summary>
/// Writes each event onto the timelines of the schools it concerns, in the transaction that appends it:
/// <list type="bullet">
/// <item>a school's events onto its own timeline;</item>
/// <item>an event of another stream that names schools (<see cref="TouchesAttribute"/>: a teacher's registration or
/// move, an initiative's enrolment or intervention, a network's membership) onto those schools;</item>
/// <item>a teacher's other events onto the timeline of each school whose staff the teacher was on when it happened
/// (<see cref="StaffTenure"/>, kept here from the schools' staff events);</item>
/// <item>an intervention's completion onto the school where it started.</item>
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
        await Prefetch(batch, events, cancellation);
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
                default:
                    foreach (var schoolId in SchoolsNamed(data))
                    {
                        Write(batch, schoolId, e, sourceId);
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// Reads in a few queries what the batch's events will ask for one at a time: the tenures, the lookups, and for each
    /// staff change the teacher's recorded events and their entries on that school's timeline. Reads see only what is
    /// committed, which no event of the batch changes, so reading first gives the same answers as reading on the way.
    /// </summary>
    private static async Task Prefetch(Batch batch, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var tenures = new List<string>();
        var lookups = new List<string>();
        var staffChanges = new List<(string TeacherId, string SchoolId)>();
        foreach (var e in events)
        {
            if (e.StreamKey is null)
            {
                continue;
            }
            var sourceId = StreamKeys.Parse(e.StreamKey).Id;
            switch (e.Data)
            {
                case TeacherEvent teacher when SchoolsNamed(teacher).Count > 0:
                    break;
                case TeacherEvent:
                    tenures.Add(sourceId);
                    break;
                case TeacherJoinedStaff joined:
                    staffChanges.Add((joined.TeacherId, sourceId));
                    break;
                case TeacherLeftStaff left:
                    staffChanges.Add((left.TeacherId, sourceId));
                    break;
                case IEpisodeEvent episode:
                    lookups.Add(TimelineLookup.Episode(sourceId, episode.EpisodeId));
                    break;
                case InterventionCompleted completed:
                    lookups.Add(TimelineLookup.Intervention(sourceId, completed.InterventionId));
                    break;
            }
        }
        await batch.Documents.PreloadAsync<StaffTenure>([.. tenures, .. staffChanges.Select(c => c.TeacherId)], t => t.Id, cancellation);
        await batch.Documents.PreloadAsync<TimelineLookup>(lookups, l => l.Id, cancellation);
        if (staffChanges.Count == 0)
        {
            return;
        }
        var teacherStreams = staffChanges.Select(c => StreamKeys.For(StreamKeys.Teacher, c.TeacherId)).Distinct(StringComparer.Ordinal).ToArray();
        var schools = staffChanges.Select(c => c.SchoolId).Distinct(StringComparer.Ordinal).ToArray();
        var recorded = await batch.Documents.Operations.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey.IsOneOf(teacherStreams))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellation);
        foreach (var stream in teacherStreams)
        {
            batch.RecordedStreams[stream] = [];
        }
        foreach (var e in recorded)
        {
            batch.RecordedStreams[e.StreamKey!].Add(e);
        }
        var entries = await batch.Documents.Operations.Query<TimelineEntry>()
            .Where(x => x.SchoolId.IsOneOf(schools) && x.StreamId.IsOneOf(teacherStreams))
            .Select(x => new { x.SchoolId, x.StreamId, x.EventId })
            .ToListAsync(cancellation);
        foreach (var (teacherId, schoolId) in staffChanges)
        {
            batch.OnTimeline[(schoolId, StreamKeys.For(StreamKeys.Teacher, teacherId))] = [];
        }
        foreach (var entry in entries)
        {
            if (batch.OnTimeline.TryGetValue((entry.SchoolId, entry.StreamId), out var ids))
            {
                ids.Add(entry.EventId);
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
            case IEpisodeEvent episode:
                episodeTeacher = (await batch.Documents.LoadAsync<TimelineLookup>(TimelineLookup.Episode(schoolId, episode.EpisodeId), cancellation))?.Value;
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
        // An event that names schools (a registration, a move) shows on those; any other on the schools the teacher was on then.
        var named = SchoolsNamed(data);
        var schools = named.Count > 0 ? named : (await batch.Documents.LoadAsync<StaffTenure>(teacherId, cancellation))?.SchoolsAt(data.OccurredAt) ?? [];
        foreach (var schoolId in schools)
        {
            Write(batch, schoolId, e, teacherId);
        }
    }

    private static async Task OnInitiativeEvent(Batch batch, IEvent e, string initiativeId, InitiativeEvent data, CancellationToken cancellation)
    {
        switch (data)
        {
            case InterventionStarted started:
                var key = TimelineLookup.Intervention(initiativeId, started.InterventionId);
                batch.Documents.Store(key, new TimelineLookup(key, started.SchoolId));
                break;
            case InterventionCompleted completed:
                // The completion names no school: it shows where its intervention started.
                var school = await batch.Documents.LoadAsync<TimelineLookup>(TimelineLookup.Intervention(initiativeId, completed.InterventionId), cancellation);
                if (school is not null)
                {
                    Write(batch, school.Value, e, initiativeId);
                }
                return;
        }
        foreach (var schoolId in SchoolsNamed(data))
        {
            Write(batch, schoolId, e, initiativeId);
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
        var recorded = batch.RecordedStreams[teacherStream];
        var onTimeline = batch.OnTimeline[(schoolId, teacherStream)];
        foreach (var e in recorded.Concat(batch.TeacherEvents(teacherId)).DistinctBy(e => e.Id))
        {
            if (e.Data is not TeacherEvent teacherEvent || SchoolsNamed(teacherEvent).Count > 0)
            {
                continue;
            }
            var id = TimelineEntry.IdFor(schoolId, e.Id);
            if (tenure.WasOnStaff(schoolId, teacherEvent.OccurredAt))
            {
                Write(batch, schoolId, e, teacherId);
            }
            else if (onTimeline.Contains(e.Id) || batch.Documents.HasStored<TimelineEntry>(id))
            {
                batch.Documents.Delete<TimelineEntry>(id);
            }
        }
    }

    /// <summary>The schools an event names as streams it touches (<see cref="TouchesAttribute"/>).</summary>
    private static IReadOnlyList<string> SchoolsNamed(DomainEvent data) => EventCatalog.For(data).Touched(data, AggregateKind.School);

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

    /// <summary>
    /// The sentence the timeline shows for <paramref name="data"/>, recorded in the stream of <paramref name="sourceId"/>:
    /// the same words whoever reads, from whatever fields the caller passes (a pseudonymized reader's are pseudonymized).
    /// </summary>
    public static string Summarize(DomainEvent data, string sourceId) => TimelineText.Summary(data, sourceId);

    /// <summary>
    /// An entry's <see cref="TimelineEntry.Data"/> read back as the event it was written from, in its current version
    /// (an entry written before a newer version existed reads as the store reads its event).
    /// </summary>
    public static DomainEvent ReadData(JsonElement data, Type eventType) =>
        EventCatalog.Current((DomainEvent)(data.Deserialize(eventType, DataJson) ?? throw new JsonException($"A timeline entry's data is not a {eventType.Name}.")));

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

        /// <summary>The committed events of each teacher stream a staff change of this batch concerns, in order.</summary>
        public Dictionary<string, List<IEvent>> RecordedStreams { get; } = new(StringComparer.Ordinal);

        /// <summary>The committed timeline entries (event ids) of each (school, teacher stream) a staff change of this batch concerns.</summary>
        public Dictionary<(string SchoolId, string StreamId), HashSet<Guid>> OnTimeline { get; } = [];

        /// <summary>The teacher's events met earlier in this batch, not yet committed.</summary>
        public List<IEvent> TeacherEvents(string teacherId) =>
            teacherEvents.TryGetValue(teacherId, out var list) ? list : teacherEvents[teacherId] = [];
    }
}
