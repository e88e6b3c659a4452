using LearningOrg.Api.Contracts;
using LearningOrg.Api.Http;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// Replay for researchers, on every aggregate: the state as of a global sequence number (transaction time: what the
/// store knew then), and a step-through of the stream, each event with the state right after it.
/// </summary>
internal static class ReplayRoutes<TAggregate, TState, TEvent>
    where TAggregate : IAggregate<TState, TEvent>
    where TState : class
    where TEvent : DomainEvent
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>GET {id}/state?asOfSequence=N: the fold of the stream's events numbered N or lower.</summary>
    public static async Task<Results<Ok<StateResponse<TState>>, Ok<SequenceStateResponse<TState>>, StatusCodeHttpResult, ProblemHttpResult>> StateAsOfSequence(
        EventReader journal, string kind, string id, long sequence, CancellationToken cancellationToken)
    {
        if (sequence < 0)
        {
            return Problems.Invalid("asOfSequence", "asOfSequence is a global sequence number, 0 or more.");
        }
        // Beyond the store's head the answer would be today's state under a number that later means something else.
        var mark = await journal.SafeHighWaterMarkAsync(cancellationToken);
        if (sequence > mark)
        {
            return Problems.Invalid("asOfSequence",
                $"asOfSequence must lie between 0 and {mark}, the highest sequence below which every append has committed; a state beyond it could change later.");
        }
        var (state, version, _) = await journal.FoldAsOfSequenceAsync<TAggregate, TState, TEvent>(StreamKeys.For(kind, id), sequence, cancellationToken);
        return state is null
            ? Problems.NotFound($"No {kind} {id} had been recorded by sequence {sequence}.")
            : TypedResults.Ok(new SequenceStateResponse<TState>(id, version, sequence, state));
    }

    /// <summary>GET {id}/replay?fromVersion=&amp;limit=.</summary>
    public static void Map(RouteGroupBuilder group, string kind)
    {
        group.MapGet("/{id}/replay", async Task<Results<Ok<ReplayPage<TState>>, ProblemHttpResult>> (
                string id, long? fromVersion, int? limit, EventReader journal, CancellationToken cancellationToken) =>
            {
                if (Check.Id(id, "id") is { } badId)
                {
                    return Problems.For(badId);
                }
                var from = fromVersion ?? 1;
                var size = limit ?? DefaultPageSize;
                if (from < 1)
                {
                    return Problems.Invalid("fromVersion", "fromVersion starts at 1.");
                }
                if (size is < 1 or > MaxPageSize)
                {
                    return Problems.Invalid("limit", $"limit must lie between 1 and {MaxPageSize}.");
                }
                var streamKey = StreamKeys.For(kind, id);
                var (steps, more) = await journal.ReplayAsync<TAggregate, TState, TEvent>(streamKey, from, size, cancellationToken);
                if (steps.Count == 0 && from == 1)
                {
                    return Problems.NotFound($"No {kind} {id} has been recorded.");
                }
                var page = steps.Select(s => new ReplayStepResponse<TState>(s.Event.WithData<object>(s.Event.Data), s.State)).ToList();
                return TypedResults.Ok(new ReplayPage<TState>(streamKey, page, more ? page[^1].Event.Version + 1 : null));
            })
            .WithName($"{kind}-replay")
            .WithSummary($"Step through the {kind}'s stream: each event in order with the state right after it, paged by version")
            .WithDescription("The last step's state at the end of the stream is the live state. Pages start at fromVersion " +
                $"(default 1) and hold at most limit steps (default {DefaultPageSize}, at most {MaxPageSize}).");
    }
}
