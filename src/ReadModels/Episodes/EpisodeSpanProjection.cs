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
        // The spans the batch's later episode events change, in one query rather than one per event.
        await documents.PreloadAsync<EpisodeSpan>(
            events.Where(e => e.StreamKey is not null).Select(e => e.Data is IEpisodeEvent episode
                ? EpisodeSpan.IdFor(StreamKeys.Parse(e.StreamKey!).Id, episode.EpisodeId)
                : null).OfType<string>(),
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
                        opened.OccurredAt.ToUniversalTime(), opened.Level, [], opened.Level, null, null, null, opened.Act, opened.Level, [], []));
                    break;
                case BreakingRanksEpisodeEscalated escalated:
                    await Change(documents, e.StreamKey, escalated.EpisodeId, span => Moved(span, escalated.OccurredAt, escalated.Level, escalated.Note), cancellation);
                    break;
                case BreakingRanksEpisodeDeescalated deescalated:
                    await Change(documents, e.StreamKey, deescalated.EpisodeId, span => Moved(span, deescalated.OccurredAt, deescalated.Level, deescalated.Note), cancellation);
                    break;
                case BreakingRanksReactionRecorded reaction:
                    await Change(documents, e.StreamKey, reaction.EpisodeId, span => span with
                    {
                        Reactions = [.. span.Reactions, new EpisodeReaction(reaction.OccurredAt.ToUniversalTime(), reaction.ReactedBy, reaction.TeacherId,
                            reaction.Team, reaction.Intensity, reaction.Note)],
                    }, cancellation);
                    break;
                case BreakingRanksSupportGiven support:
                    await Change(documents, e.StreamKey, support.EpisodeId, span => span with
                    {
                        Supports = [.. span.Supports, new EpisodeSupport(support.OccurredAt.ToUniversalTime(), support.Kind, support.Note)],
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

    private static EpisodeSpan Moved(EpisodeSpan span, DateTimeOffset at, BreakingRanksLevel level, string note) => span with
    {
        Escalations = [.. span.Escalations, new EpisodeEscalation(at.ToUniversalTime(), level, note)],
        HighestLevel = level > span.HighestLevel ? level : span.HighestLevel,
        Level = level,
    };

    private static async Task Change(BatchDocuments documents, string streamKey, string episodeId, Func<EpisodeSpan, EpisodeSpan> change, CancellationToken cancellation)
    {
        var id = EpisodeSpan.IdFor(StreamKeys.Parse(streamKey).Id, episodeId);
        if (await documents.LoadAsync<EpisodeSpan>(id, cancellation) is { } span)
        {
            documents.Store(id, change(span));
        }
    }
}
