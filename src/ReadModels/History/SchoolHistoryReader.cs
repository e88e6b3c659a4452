using JasperFx.Events;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using Marten;

namespace LearningOrg.ReadModels;

/// <summary>
/// A school's history as the culture indicators read it: the school's own events (teacher id null) and the events of
/// every teacher ever on its staff that happened while they were on it (teacher id set), in stream order.
/// </summary>
public sealed record SchoolHistory(string SchoolId, string Name, IReadOnlyList<(string? TeacherId, DomainEvent Event)> Events);

/// <summary>
/// Reads school and network histories from the event store: a school's stream, then, in one round trip, the streams of
/// the teachers its <c>TeacherJoinedStaff</c>/<c>TeacherLeftStaff</c> events name, keeping each teacher's events
/// that happened during their spells on this school's staff.
/// </summary>
public sealed class SchoolHistoryReader(IDocumentStore store)
{
    /// <summary>The store the histories are read from.</summary>
    public IDocumentStore Store => store;

    /// <summary>The school's history; null when no school with this id has been recorded.</summary>
    public async Task<SchoolHistory?> ReadSchoolAsync(string schoolId, CancellationToken cancellationToken) =>
        (await ReadSchoolsAsync([schoolId], cancellationToken)).GetValueOrDefault(schoolId);

    /// <summary>The histories of the schools that exist among <paramref name="schoolIds"/>, keyed by id.</summary>
    public async Task<IReadOnlyDictionary<string, SchoolHistory>> ReadSchoolsAsync(IReadOnlyCollection<string> schoolIds, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        return await ReadSchoolsAsync(session, schoolIds, [], cancellationToken);
    }

    /// <summary>
    /// The histories of the schools that exist among <paramref name="schoolIds"/>, as <paramref name="session"/> reads
    /// them, with <paramref name="pending"/> added to their streams: events appended in the transaction of an inline
    /// projection, which the store does not hold yet (one it already holds is not counted twice).
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, SchoolHistory>> ReadSchoolsAsync(
        IQuerySession session, IReadOnlyCollection<string> schoolIds, IReadOnlyList<IEvent> pending, CancellationToken cancellationToken)
    {
        var ids = schoolIds.Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<string, SchoolHistory>();
        }
        var schoolStreams = await FetchAsync(session, ids.Select(id => StreamKeys.For(StreamKeys.School, id)), pending, cancellationToken);

        var staffSpells = new Dictionary<string, Dictionary<string, List<(DateTimeOffset From, DateTimeOffset? To)>>>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            var events = schoolStreams[StreamKeys.For(StreamKeys.School, id)];
            if (events.Count > 0)
            {
                staffSpells[id] = StaffSpells(events);
            }
        }
        var teacherKeys = staffSpells.Values.SelectMany(s => s.Keys).Distinct(StringComparer.Ordinal)
            .Select(t => StreamKeys.For(StreamKeys.Teacher, t));
        var teacherStreams = await FetchAsync(session, teacherKeys, pending, cancellationToken);

        var histories = new Dictionary<string, SchoolHistory>(StringComparer.Ordinal);
        foreach (var (id, spells) in staffSpells)
        {
            var schoolEvents = schoolStreams[StreamKeys.For(StreamKeys.School, id)];
            var items = new List<(string? TeacherId, DomainEvent Event)>(schoolEvents.Select(e => ((string?)null, e)));
            foreach (var (teacherId, tenures) in spells)
            {
                items.AddRange(teacherStreams[StreamKeys.For(StreamKeys.Teacher, teacherId)]
                    .Where(e => tenures.Any(t => t.From <= e.OccurredAt && (t.To is null || e.OccurredAt < t.To)))
                    .Select(e => ((string?)teacherId, e)));
            }
            var name = schoolEvents.OfType<SchoolRegistered>().FirstOrDefault()?.Name ?? id;
            histories[id] = new SchoolHistory(id, name, items);
        }
        return histories;
    }

    /// <summary>A network's events in stream order; null when no network with this id has been recorded.</summary>
    public async Task<IReadOnlyList<DomainEvent>?> ReadNetworkAsync(string networkId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(StreamKeys.For(StreamKeys.Network, networkId), token: cancellationToken);
        return events.Count == 0 ? null : [.. events.Select(e => (DomainEvent)e.Data)];
    }

    /// <summary>An initiative's events in stream order; null when no initiative with this id has been recorded.</summary>
    public async Task<IReadOnlyList<DomainEvent>?> ReadInitiativeAsync(string initiativeId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(StreamKeys.For(StreamKeys.Initiative, initiativeId), token: cancellationToken);
        return events.Count == 0 ? null : [.. events.Select(e => (DomainEvent)e.Data)];
    }

    /// <summary>Each teacher's spells on the staff, from the school's joins and departures in the order they happened.</summary>
    private static Dictionary<string, List<(DateTimeOffset From, DateTimeOffset? To)>> StaffSpells(IEnumerable<DomainEvent> schoolEvents)
    {
        var spells = new Dictionary<string, List<(DateTimeOffset From, DateTimeOffset? To)>>(StringComparer.Ordinal);
        foreach (var @event in schoolEvents.OrderBy(e => e.OccurredAt))
        {
            switch (@event)
            {
                case TeacherJoinedStaff e:
                    if (!spells.TryGetValue(e.TeacherId, out var list))
                    {
                        spells[e.TeacherId] = list = [];
                    }
                    list.Add((e.OccurredAt, null));
                    break;
                case TeacherLeftStaff e when spells.TryGetValue(e.TeacherId, out var held) && held[^1].To is null:
                    held[^1] = (held[^1].From, e.OccurredAt);
                    break;
                default:
                    break;
            }
        }
        return spells;
    }

    /// <summary>
    /// Several streams' events in one round trip, keyed by stream key (empty for a missing stream), each followed by the
    /// <paramref name="pending"/> events of that stream the store does not hold yet.
    /// </summary>
    private static async Task<Dictionary<string, IReadOnlyList<DomainEvent>>> FetchAsync(
        IQuerySession session, IEnumerable<string> streamKeys, IReadOnlyList<IEvent> pending, CancellationToken cancellationToken)
    {
        var keys = streamKeys.ToList();
        if (keys.Count == 0)
        {
            return new Dictionary<string, IReadOnlyList<DomainEvent>>(StringComparer.Ordinal);
        }
        var batch = session.CreateBatchQuery();
        var fetched = keys.Select(key => (Key: key, Events: batch.Events.FetchStream(key))).ToList();
        await batch.Execute(cancellationToken);
        var streams = new Dictionary<string, IReadOnlyList<DomainEvent>>(StringComparer.Ordinal);
        foreach (var (key, events) in fetched)
        {
            var stored = await events;
            var held = stored.Select(e => e.Id).ToHashSet();
            streams[key] = [.. stored.Concat(pending.Where(e => e.StreamKey == key && !held.Contains(e.Id))).Select(e => (DomainEvent)e.Data)];
        }
        return streams;
    }
}
