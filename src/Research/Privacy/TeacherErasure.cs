using System.Collections.Immutable;
using JasperFx;
using JasperFx.Events;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.EventStore.Privacy;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningOrg.Research.Privacy;

/// <summary>
/// Erases a teacher's personal data: their registered name, and every other place their name was written (a name
/// field such as observedBy or assessedBy, or a mention in free text), in every stream. The events are masked in
/// place with Marten's event masking, so each stream keeps its events, versions, ids and teacher references, and every
/// indicator computed from them stays as it was. Then the copies are brought in line: the timeline entries and
/// episode spans of the masked events, and the state and snapshot of every grain whose stream was masked.
/// </summary>
/// <remarks>
/// Safe to repeat and to resume: the log record is written before the events are masked, and every later step is
/// derived from it, so a repeat (or a retry after a failure part way) masks what is left and refreshes the rest.
/// </remarks>
public sealed class TeacherErasure(IDocumentStore store, IGrainFactory grains, TimeProvider clock, ILogger<TeacherErasure> logger)
{
    /// <summary>The erasure's record, or null when no teacher with this id was registered.</summary>
    public async Task<ErasureRecord?> EraseAsync(string teacherId, string requestedBy, CancellationToken cancellationToken)
    {
        var teacherStream = StreamKeys.For(StreamKeys.Teacher, teacherId);
        await using var query = store.QuerySession();
        var opening = await query.Events.FetchStreamAsync(teacherStream, version: 1, token: cancellationToken);
        if (opening.Count == 0 || opening[0].Data is not TeacherRegistered registered)
        {
            return null;
        }
        // A name already erased cannot be searched for again; the record says what was masked.
        var redactor = registered.Name == PersonalDataRedactor.Erased ? null : new PersonalDataRedactor(registered.Name);
        var plan = redactor is null ? [] : await PlanAsync(query, teacherStream, redactor, cancellationToken);

        var record = await query.LoadAsync<ErasureRecord>(teacherId, cancellationToken)
            ?? await LogAsync(new ErasureRecord(teacherId, clock.GetUtcNow(), requestedBy, plan), cancellationToken);
        if (redactor is not null)
        {
            await ForgetNameAsync(registered.Name, teacherId, cancellationToken);
        }
        if (plan.Length > 0)
        {
            var masked = plan.Select(f => f.EventId).ToHashSet();
            await EventMasking.ApplyAsync(store, e => redactor!.Redact(e).Event, masking =>
            {
                foreach (var stream in plan.Select(f => f.StreamId).Distinct(StringComparer.Ordinal))
                {
                    masking.IncludeStream(stream, e => masked.Contains(e.Id));
                }
            }, cancellationToken);
            logger.LogInformation("Erasure of teacher {TeacherId}: masked {Fields} fields in {Events} events", teacherId, plan.Length, masked.Count);
        }
        await RefreshReadModelsAsync(record, cancellationToken);
        await ReloadGrainsAsync(teacherStream, record, cancellationToken);
        return record;
    }

    /// <summary>The erasure's record, if the teacher was erased.</summary>
    public async Task<ErasureRecord?> FindAsync(string teacherId, CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        return await query.LoadAsync<ErasureRecord>(teacherId, cancellationToken);
    }

    /// <summary>Every field the redactor would change, in the teacher's stream and in any stream whose events mention the name.</summary>
    private async Task<ImmutableArray<ErasedField>> PlanAsync(IQuerySession query, string teacherStream, PersonalDataRedactor redactor,
        CancellationToken cancellationToken)
    {
        var fields = ImmutableArray.CreateBuilder<ErasedField>();
        foreach (var stream in await StreamsMentioningAsync(redactor.SearchTerm, teacherStream, cancellationToken))
        {
            foreach (var e in await query.Events.FetchStreamAsync(stream, token: cancellationToken))
            {
                // Another teacher's registration keeps its name even when it is the same name: it is theirs.
                if (e.Data is not DomainEvent data || (data is TeacherRegistered && stream != teacherStream))
                {
                    continue;
                }
                var type = EventCatalog.For(data.GetType()).Name;
                fields.AddRange(redactor.Redact(data).Fields.Select(field => new ErasedField(e.Id, stream, e.Version, type, field)));
            }
        }
        return fields.ToImmutable();
    }

    /// <summary>The teacher's stream and every stream with an event whose data contains <paramref name="term"/>, ignoring case.</summary>
    private async Task<IReadOnlyList<string>> StreamsMentioningAsync(string term, string teacherStream, CancellationToken cancellationToken)
    {
        var streams = new SortedSet<string>(StringComparer.Ordinal) { teacherStream };
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"select distinct stream_id from {store.Options.Events.DatabaseSchemaName}.mt_events where data::text ilike $1", connection);
        command.Parameters.AddWithValue("%" + term.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            streams.Add(reader.GetString(0));
        }
        return [.. streams];
    }

    /// <summary>Writes the record; if another request logged the same erasure first, that record is the answer.</summary>
    private async Task<ErasureRecord> LogAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        session.Insert(record);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return record;
        }
        catch (DocumentAlreadyExistsException)
        {
            return await FindAsync(record.TeacherId, cancellationToken) ?? record;
        }
    }

    /// <summary>Rewrites the timeline entries and episode spans of the masked events from the events as they now are.</summary>
    private async Task RefreshReadModelsAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var ids = record.Fields.Select(f => f.EventId).Distinct().ToArray();
        if (ids.Length == 0)
        {
            return;
        }
        await using var session = store.LightweightSession();
        var events = new Dictionary<Guid, IEvent>();
        foreach (var stream in record.Fields.Select(f => f.StreamId).Distinct(StringComparer.Ordinal))
        {
            var recorded = await session.Events.FetchStreamAsync(stream, token: cancellationToken);
            foreach (var e in recorded.Where(e => ids.Contains(e.Id)))
            {
                events[e.Id] = e;
            }
            var episodes = recorded.Where(e => ids.Contains(e.Id)).Select(e => EpisodeOf(e.Data)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            if (episodes.Count > 0)
            {
                // An episode's span is folded from all its events: fold it again from the first.
                await new EpisodeSpanProjection().ApplyAsync(session,
                    [.. recorded.Where(e => EpisodeOf(e.Data) is { } episode && episodes.Contains(episode))], cancellationToken);
            }
        }
        var entries = await session.Query<TimelineEntry>().Where(x => ids.Contains(x.EventId)).ToListAsync(cancellationToken);
        foreach (var entry in entries)
        {
            if (events.TryGetValue(entry.EventId, out var e))
            {
                session.Store(TimelineProjection.Refreshed(entry, (DomainEvent)e.Data));
            }
        }
        await session.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Takes the name out of the names pseudonymized reads look for, unless another teacher is registered under it:
    /// then it is still theirs to hide.
    /// </summary>
    private async Task ForgetNameAsync(string name, string teacherId, CancellationToken cancellationToken)
    {
        if (PersonNames.Key(name) is not { } key)
        {
            return;
        }
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<KnownPerson>(key, cancellationToken) is { } known && known.TeacherId == teacherId)
        {
            session.Delete<KnownPerson>(key);
            await session.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Every grain whose stream was masked reads its state again and rewrites its snapshot, on whichever silo it is active.</summary>
    private async Task ReloadGrainsAsync(string teacherStream, ErasureRecord record, CancellationToken cancellationToken)
    {
        foreach (var stream in record.Fields.Select(f => f.StreamId).Append(teacherStream).Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await grains.GrainOf(stream).Reload();
        }
    }

    private static string? EpisodeOf(object data) => data switch
    {
        BreakingRanksEpisodeOpened e => e.EpisodeId,
        IEpisodeEvent e => e.EpisodeId,
        _ => null,
    };
}
