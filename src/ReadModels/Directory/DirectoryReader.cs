using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using Marten;
using Marten.Events;

namespace LearningOrg.ReadModels;

/// <summary>Something that has been recorded: its id, its name when it was created, and when that was.</summary>
public sealed record DirectoryEntry(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>A teacher as registered, with the school they registered at (they may have moved since).</summary>
public sealed record TeacherEntry(string Id, string Name, string RegisteredAtSchool, DateTimeOffset CreatedAt);

/// <summary>Every network, school, initiative and teacher ever recorded, each list in the order they were created.</summary>
public sealed record RecordDirectory(
    IReadOnlyList<DirectoryEntry> Networks,
    IReadOnlyList<DirectoryEntry> Schools,
    IReadOnlyList<DirectoryEntry> Initiatives,
    IReadOnlyList<TeacherEntry> Teachers);

/// <summary>
/// Lists what has been recorded from the creation events themselves: every stream begins with exactly one creation
/// event (a second one is refused), so the creation events of a kind are the list of its streams. No projection to
/// keep in step; one query over the event table.
/// </summary>
public sealed class DirectoryReader(IDocumentStore store)
{
    public async Task<RecordDirectory> ReadAsync(CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var created = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(typeof(NetworkFormed), typeof(SchoolRegistered), typeof(InitiativeLaunched), typeof(TeacherRegistered)))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);

        var networks = new List<DirectoryEntry>();
        var schools = new List<DirectoryEntry>();
        var initiatives = new List<DirectoryEntry>();
        var teachers = new List<TeacherEntry>();
        foreach (var e in created)
        {
            var (_, id) = StreamKeys.Parse(e.StreamKey!);
            switch (e.Data)
            {
                case NetworkFormed network:
                    networks.Add(new DirectoryEntry(id, network.Name, network.OccurredAt));
                    break;
                case SchoolRegistered school:
                    schools.Add(new DirectoryEntry(id, school.Name, school.OccurredAt));
                    break;
                case InitiativeLaunched initiative:
                    initiatives.Add(new DirectoryEntry(id, initiative.Name, initiative.OccurredAt));
                    break;
                case TeacherRegistered teacher:
                    teachers.Add(new TeacherEntry(id, teacher.Name, teacher.SchoolId, teacher.OccurredAt));
                    break;
                default:
                    break;
            }
        }
        return new RecordDirectory(networks, schools, initiatives, teachers);
    }
}
