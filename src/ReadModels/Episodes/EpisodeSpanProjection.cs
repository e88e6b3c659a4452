using JasperFx.Events;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using Marten;
using Marten.Events.Projections;

namespace LearningOrg.ReadModels;

/// <summary>Folds each breaking-ranks episode into one <see cref="EpisodeSpan"/>, in the transaction that appends it.</summary>
public sealed class EpisodeSpanProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var documents = new BatchDocuments(operations);
        // The spans the batch's escalations and resolutions change, in one query rather than one per event.
        await documents.PreloadAsync<EpisodeSpan>(
            events.Where(e => e.StreamKey is not null).Select(e => e.Data switch
            {
                BreakingRanksEpisodeEscalated escalated => EpisodeSpan.IdFor(StreamKeys.Parse(e.StreamKey!).Id, escalated.EpisodeId),
                BreakingRanksEpisodeResolved resolved => EpisodeSpan.IdFor(StreamKeys.Parse(e.StreamKey!).Id, resolved.EpisodeId),
                _ => null,
            }).OfType<string>(),
            span => span.Id,
            cancellation);
        foreach (var e in events)
        {
            if (e.StreamKey is null)
            {
                continue;
            }
            switch (e.Data)
            {
                case BreakingRanksEpisodeOpened opened:
                    var schoolId = StreamKeys.Parse(e.StreamKey).Id;
                    var id = EpisodeSpan.IdFor(schoolId, opened.EpisodeId);
                    documents.Store(id, new EpisodeSpan(id, schoolId, opened.EpisodeId, opened.TeacherId, opened.Description,
                        opened.OccurredAt.ToUniversalTime(), opened.Level, [], opened.Level, null, null, null));
                    break;
                case BreakingRanksEpisodeEscalated escalated:
                    await Change(documents, e.StreamKey, escalated.EpisodeId, span => span with
                    {
                        Escalations = [.. span.Escalations, new EpisodeEscalation(escalated.OccurredAt.ToUniversalTime(), escalated.Level, escalated.Note)],
                        HighestLevel = escalated.Level > span.HighestLevel ? escalated.Level : span.HighestLevel,
                    }, cancellation);
                    break;
                case BreakingRanksEpisodeResolved resolved:
                    await Change(documents, e.StreamKey, resolved.EpisodeId, span => span with
                    {
                        ResolvedAt = resolved.OccurredAt.ToUniversalTime(),
                        Outcome = resolved.Outcome,
                        ResolutionNote = resolved.Note,
                    }, cancellation);
                    break;
            }
        }
    }

    private static async Task Change(BatchDocuments documents, string streamKey, string episodeId, Func<EpisodeSpan, EpisodeSpan> change, CancellationToken cancellation)
    {
        var id = EpisodeSpan.IdFor(StreamKeys.Parse(streamKey).Id, episodeId);
        if (await documents.LoadAsync<EpisodeSpan>(id, cancellation) is { } span)
        {
            documents.Store(id, change(span));
        }
    }
}
