using System.Collections.Concurrent;
using System.Reflection;
using JasperFx.Events;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using Marten;
using Marten.Events.Projections;

namespace LearningOrg.ReadModels;

/// <summary>
/// Keeps <see cref="KnownPerson"/> as events are appended: every value of a field marked
/// <see cref="PersonalNameAttribute"/>, with the teacher a registration names.
/// </summary>
public sealed class KnownPeopleProjection : IProjection
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> NameFields = new();

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var found = new List<(string Key, string? TeacherId)>();
        foreach (var e in events)
        {
            if (e.Data is not DomainEvent data)
            {
                continue;
            }
            foreach (var field in NameFields.GetOrAdd(data.GetType(), type =>
                [.. type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.IsDefined(typeof(PersonalNameAttribute)))]))
            {
                if (field.GetValue(data) is string value && PersonNames.Key(value) is { } key)
                {
                    var teacher = data is TeacherRegistered && e.StreamKey is { } stream ? StreamKeys.Parse(stream).Id : null;
                    found.Add((key, teacher));
                }
            }
        }
        if (found.Count == 0)
        {
            return;
        }
        var documents = new BatchDocuments(operations);
        await documents.PreloadAsync<KnownPerson>(found.Select(f => f.Key), p => p.Id, cancellation);
        foreach (var (key, teacherId) in found)
        {
            var known = await documents.LoadAsync<KnownPerson>(key, cancellation);
            var teacher = (known?.TeacherId, teacherId) switch
            {
                (var before, null) => before,
                (null, var now) => now,
                (var before, var now) when before == now => now,
                _ => string.Empty,
            };
            if (known is null || known.TeacherId != teacher)
            {
                documents.Store(key, new KnownPerson(key, teacher));
            }
        }
    }
}
