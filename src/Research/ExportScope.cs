using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;

namespace LearningOrg.Research;

/// <summary>
/// Which events an export holds, decided only by events up to its sequence so that it never changes later.
/// <list type="bullet">
/// <item><c>all</c>: every event.</item>
/// <item><c>school:{id}</c>: the school's stream; the whole streams of the teachers ever on its staff (every
/// <c>TeacherJoinedStaff</c> in the school's stream), including what they did at other schools; and the initiative and
/// network events naming the school (enrolment, withdrawal, joining and leaving a network, interventions in it, and the
/// completion of those interventions).</item>
/// <item><c>network:{id}</c>: the network's stream, and the union of the school scopes of every school that ever joined it.</item>
/// </list>
/// </summary>
public sealed class ExportScope
{
    private readonly HashSet<string> streams = new(StringComparer.Ordinal);
    private readonly HashSet<string> schools = new(StringComparer.Ordinal);
    private readonly HashSet<string> interventions = new(StringComparer.Ordinal);

    private ExportScope(string kind, string? id) => (Kind, Id) = (kind, id);

    public string Kind { get; }

    public string? Id { get; }

    /// <summary>For the file name: all, school-{id} or network-{id}.</summary>
    public string Label => Id is null ? Kind : $"{Kind}-{Id}";

    /// <summary>Parses all, school:{id} or network:{id} (default: all).</summary>
    public static (ExportScope? Scope, RuleViolation? Problem) Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text == "all")
        {
            return (new ExportScope("all", null), null);
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? text : text[..colon];
        if (colon < 0 || kind is not (StreamKeys.School or StreamKeys.Network))
        {
            return (null, RuleViolation.Invalid("scope", "scope must be all, school:{id} or network:{id}."));
        }
        var id = text[(colon + 1)..];
        return Check.Id(id, "scope") is { } bad ? (null, bad) : (new ExportScope(kind, id), null);
    }

    /// <summary>Finds the streams in scope as of <paramref name="upToSequence"/>; why not, when the school or network did not exist by then.</summary>
    public async Task<RuleViolation?> ResolveAsync(EventReader journal, long upToSequence, CancellationToken cancellationToken)
    {
        if (Id is null)
        {
            return null;
        }
        var own = await journal.ReadStreamUpToAsync(StreamKeys.For(Kind, Id), upToSequence, cancellationToken);
        if (own.Count == 0)
        {
            return RuleViolation.NotFound("not-found", $"No {Kind} {Id} had been recorded by sequence {upToSequence}.", "scope");
        }
        streams.Add(StreamKeys.For(Kind, Id));
        if (Kind == StreamKeys.School)
        {
            AddSchool(Id, own);
            return null;
        }
        foreach (var member in own.Select(e => e.Data).OfType<SchoolJoinedNetwork>().Select(e => e.SchoolId).Distinct(StringComparer.Ordinal))
        {
            AddSchool(member, await journal.ReadStreamUpToAsync(StreamKeys.For(StreamKeys.School, member), upToSequence, cancellationToken));
        }
        return null;
    }

    /// <summary>Narrows the store's read to the streams that can hold events in scope; null for all.</summary>
    public StreamFilter? Filter =>
        Id is null ? null : new StreamFilter([.. streams], [StreamKeys.Initiative + "/", StreamKeys.Network + "/"]);

    /// <summary>Whether the event is in scope. Called for every event in sequence order (it follows interventions).</summary>
    public bool Includes(EventEnvelope<DomainEvent> e)
    {
        if (Id is null || streams.Contains(e.StreamId))
        {
            return true;
        }
        switch (e.Data)
        {
            case SchoolEnrolled x:
                return schools.Contains(x.SchoolId);
            case SchoolWithdrawn x:
                return schools.Contains(x.SchoolId);
            case SchoolJoinedNetwork x:
                return schools.Contains(x.SchoolId);
            case SchoolLeftNetwork x:
                return schools.Contains(x.SchoolId);
            case InterventionStarted x when schools.Contains(x.SchoolId):
                interventions.Add($"{e.StreamId}/{x.InterventionId}");
                return true;
            case InterventionCompleted x:
                return interventions.Contains($"{e.StreamId}/{x.InterventionId}");
            default:
                return false;
        }
    }

    private void AddSchool(string schoolId, IReadOnlyList<EventEnvelope<DomainEvent>> schoolStream)
    {
        schools.Add(schoolId);
        streams.Add(StreamKeys.For(StreamKeys.School, schoolId));
        foreach (var joined in schoolStream.Select(e => e.Data).OfType<TeacherJoinedStaff>())
        {
            streams.Add(StreamKeys.For(StreamKeys.Teacher, joined.TeacherId));
        }
    }
}
