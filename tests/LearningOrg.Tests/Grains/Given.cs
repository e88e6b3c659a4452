using System.Text.Json;
using System.Text.Json.Nodes;
using JasperFx.Events;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using Marten;

namespace LearningOrg.Tests.Grains;

/// <summary>Commands, histories and looks at the store that the grain tests share.</summary>
internal static class Given
{
    /// <summary>A day in the past from which the tests' histories start, well before any rule's "now".</summary>
    public static readonly DateTimeOffset Past = new(2020, 1, 6, 9, 0, 0, TimeSpan.Zero);

    public static CommandContext Command(string? id = null, long? expectedVersion = null) =>
        new(id ?? NewCommandId(), "grain-tests", expectedVersion);

    public static string NewCommandId() => Guid.NewGuid().ToString("N");

    public static SchoolRegistered School(string name, int staff = 40, DateTimeOffset? at = null) =>
        new(name, "North District", staff) { OccurredAt = at ?? Past };

    public static TeacherRegistered Teacher(string name, string schoolId, DateTimeOffset? at = null) =>
        new(name, schoolId, ["Mathematics"], ["7", "8"], 9) { OccurredAt = at ?? Past.AddDays(1) };

    public static TeacherLeaderRoleDefined Role(string roleId, string title = "Instructional coach", int seats = 2, DateTimeOffset? at = null) =>
        new(roleId, title, "Instruction", ["Lead the grade-level team"], ["Observe two lessons a week"], 4.5m, seats, DecidedAt.School)
        {
            OccurredAt = at ?? Past.AddDays(2),
        };

    /// <summary>Records and asserts that the rules accepted it.</summary>
    public static async Task<CommandOutcome> Accepted(Task<CommandOutcome> command)
    {
        var outcome = await command;
        Assert.True(outcome.IsAccepted, $"{outcome.StreamId} refused: {outcome.Violation?.Code} {outcome.Violation?.Message}");
        return outcome;
    }

    /// <summary>A school registered, with its stream started.</summary>
    public static Task<CommandOutcome> RegisteredSchool(this IGrainFactory grains, string schoolId, DateTimeOffset? at = null) =>
        Accepted(grains.RecordAsync(schoolId, Command(), School($"School {schoolId}", at: at)));

    /// <summary>A teacher registered at a school, and on its staff once the call returns.</summary>
    public static Task<CommandOutcome> RegisteredTeacher(this IGrainFactory grains, string teacherId, string schoolId, DateTimeOffset? at = null) =>
        Accepted(grains.RecordAsync(teacherId, Command(), Teacher($"Teacher {teacherId}", schoolId, at)));

    /// <summary>A school with a teacher on its staff and a role defined (not yet assigned).</summary>
    public static async Task StaffedSchool(this IGrainFactory grains, string schoolId, string teacherId, string roleId, string title)
    {
        await grains.RegisteredSchool(schoolId);
        await grains.RegisteredTeacher(teacherId, schoolId);
        await Accepted(grains.RecordAsync(schoolId, Command(), Role(roleId, title)));
    }

    /// <summary>A follow-up's outbox row, while it waits to be recorded; null once it is.</summary>
    public static async Task<FollowUpMessage?> WaitingFollowUpAsync(this IDocumentStore store, string followUpId)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<FollowUpMessage>(followUpId);
    }

    /// <summary>Every event of a stream, read straight from the store.</summary>
    public static async Task<IReadOnlyList<IEvent>> StreamAsync(this IDocumentStore store, string streamKey)
    {
        await using var session = store.QuerySession();
        return await session.Events.FetchStreamAsync(streamKey);
    }

    /// <summary>The stream's events, as the domain's records.</summary>
    public static async Task<IReadOnlyList<TEvent>> EventsAsync<TEvent>(this IDocumentStore store, string streamKey)
        where TEvent : DomainEvent =>
        [.. (await store.StreamAsync(streamKey)).Select(e => (TEvent)e.Data)];

    /// <summary>
    /// A value as JSON with every object's members in name order, so that two states compare equal when they hold the
    /// same data, whatever order their dictionaries happen to enumerate in.
    /// </summary>
    public static string CanonicalJson<T>(T value) => Sorted(JsonSerializer.SerializeToNode(value))?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
