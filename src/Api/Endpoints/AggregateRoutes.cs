using System.Reflection;
using LearningOrg.Api.ApiDocument;
using LearningOrg.Api.Contracts;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// The routes every aggregate has: one POST per command the event catalog lists (the body is the event to record), the current state with its
/// version as ETag (or the state as of a date), and the stream's events in order.
/// </summary>
internal sealed class AggregateRoutes<TAggregate, TState, TEvent>(
    IEndpointRouteBuilder app,
    string basePath,
    string kind,
    Func<IGrainFactory, string, Task<AggregateView<TState>?>> getState)
    where TAggregate : IAggregate<TState, TEvent>
    where TState : class
    where TEvent : DomainEvent
{
    public const int MaxPageSize = 1000;

    private readonly RouteGroupBuilder group = app.MapGroup(basePath).WithTags(char.ToUpperInvariant(kind[0]) + kind[1..] + "s");

    /// <summary>
    /// One POST per command the catalog lists for this aggregate (<see cref="CommandAttribute"/>): the creation at
    /// {group}/{id}, answered 201 Created with Location {group}/{id}/state; every other at {group}/{id}/{route}.
    /// </summary>
    /// <param name="configureCreation">More conventions for the creation route, such as a check of the body's scope.</param>
    public AggregateRoutes<TAggregate, TState, TEvent> Commands(Action<RouteHandlerBuilder>? configureCreation = null)
    {
        var map = typeof(AggregateRoutes<TAggregate, TState, TEvent>).GetMethod(nameof(Map), BindingFlags.NonPublic | BindingFlags.Instance)!;
        foreach (var type in EventCatalog.CommandsOf(kind))
        {
            var command = type.Command!;
            var pattern = command.Creates ? "/{id}" : $"/{{id}}/{command.Route}";
            var route = (RouteHandlerBuilder)map.MakeGenericMethod(type.ClrType).Invoke(this, [pattern, command.Summary, command.Creates])!;
            route.RequireAuthorization(Policies.For(kind, command.Creates ? Access.Create : Access.Write));
            if (command.Creates)
            {
                configureCreation?.Invoke(route);
            }
        }
        return this;
    }

    private RouteHandlerBuilder Map<TCommand>(string pattern, string summary, bool created)
        where TCommand : TEvent
    {
        return group.MapPost(pattern, async Task<Results<Created<CommandAccepted>, Ok<CommandAccepted>, ProblemHttpResult>> (
                string id, TCommand body, HttpContext http, IGrainFactory grains) =>
            {
                if (Check.Id(id, "id") is { } badId)
                {
                    return Problems.For(badId);
                }
                var (context, problem) = CommandHeaders.Read(http);
                if (problem is not null)
                {
                    return Problems.For(problem);
                }
                var outcome = await grains.RecordAsync(id, context!, body);
                if (!outcome.IsAccepted)
                {
                    return Problems.For(outcome.Violation!);
                }
                var answer = new CommandAccepted(outcome.StreamId, outcome.Version, outcome.EventsAppended, outcome.OccurredAt, outcome.Replayed);
                http.Response.Headers.ETag = CommandHeaders.ETag(outcome.Version);
                if (outcome.Replayed)
                {
                    http.Response.Headers[CommandHeaders.Replayed] = "true";
                }
                // The created resource is read at its state route; the bare {id} path has no GET.
                return created
                    ? TypedResults.Created($"{basePath}/{id}/state", answer)
                    : TypedResults.Ok(answer);
            })
            .WithName($"{kind}-{typeof(TCommand).Name}")
            .WithMetadata(CommandEndpoint.Metadata)
            .WithSummary(summary)
            .WithDescription($"Records a {EventTypeName<TCommand>()} event. occurredAt is optional (default: now). " +
                "Send an Idempotency-Key to make retries safe, and If-Match with the ETag you read to refuse stale writes.")
            .Accepts<TCommand>("application/json");
    }

    /// <summary>GET {id}/state and GET {id}/events.</summary>
    public AggregateRoutes<TAggregate, TState, TEvent> Reads()
    {
        // Every read below needs read access to the {id}; researchers without identifiable access read pseudonyms.
        var reads = group.MapGroup(string.Empty)
            .RequireAuthorization(Policies.For(kind, Access.Read))
            .AddEndpointFilterFactory(PseudonymizedReads.For(kind));
        reads.MapGet("/{id}/state", async Task<Results<Ok<StateResponse<TState>>, Ok<SequenceStateResponse<TState>>, StatusCodeHttpResult, ProblemHttpResult>> (
                string id, DateTimeOffset? asOf, long? asOfSequence, HttpContext http, IGrainFactory grains, EventReader journal, CancellationToken cancellationToken) =>
            {
                if (Check.Id(id, "id") is { } badId)
                {
                    return Problems.For(badId);
                }
                if (asOfSequence is { } sequence)
                {
                    return asOf is null
                        ? await ReplayRoutes<TAggregate, TState, TEvent>.StateAsOfSequence(journal, kind, id, sequence, cancellationToken)
                        : Problems.Invalid("asOfSequence", "Give asOf (valid time) or asOfSequence (transaction time), not both.");
                }
                if (asOf is { } date)
                {
                    var (past, lastVersion, _) = await journal.FoldAsOfAsync<TAggregate, TState, TEvent>(StreamKeys.For(kind, id), date, cancellationToken);
                    return past is null
                        ? Problems.NotFound($"No {kind} {id} had been recorded as of {date:O}.")
                        : TypedResults.Ok(new StateResponse<TState>(id, lastVersion, date, past));
                }
                var view = await getState(grains, id);
                if (view is null)
                {
                    return Problems.NotFound($"No {kind} {id} has been recorded.");
                }
                var etag = CommandHeaders.ETag(view.Version);
                http.Response.Headers.ETag = etag;
                return http.Request.Headers.IfNoneMatch.ToString() == etag
                    ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                    : TypedResults.Ok(new StateResponse<TState>(id, view.Version, null, view.State));
            })
            .WithName($"{kind}-state")
            .WithSummary($"The {kind}'s current state (ETag: its version), or its state as of a date (asOf) or a global sequence number (asOfSequence)")
            .WithDescription("asOf is valid time: the fold of the events whose occurredAt is on or before it (what had happened by then). " +
                "asOfSequence is transaction time: the fold of the events the store had recorded up to that global sequence number " +
                "(what the system knew then); the two differ when history was entered late. Not both at once.");

        reads.MapGet("/{id}/events", async Task<Results<Ok<EventPage>, ProblemHttpResult>> (
                string id, long? fromVersion, int? limit, EventReader journal, CancellationToken cancellationToken) =>
            {
                if (Check.Id(id, "id") is { } badId)
                {
                    return Problems.For(badId);
                }
                var from = fromVersion ?? 1;
                var size = limit ?? 100;
                if (from < 1)
                {
                    return Problems.Invalid("fromVersion", "fromVersion starts at 1.");
                }
                if (size is < 1 or > MaxPageSize)
                {
                    return Problems.Invalid("limit", $"limit must lie between 1 and {MaxPageSize}.");
                }
                var events = await journal.ReadStreamAsync(StreamKeys.For(kind, id), from, size + 1, cancellationToken);
                if (events.Count == 0 && from == 1)
                {
                    return Problems.NotFound($"No {kind} {id} has been recorded.");
                }
                var page = events.Take(size).Select(e => e.WithData<object>(e.Data)).ToList();
                return TypedResults.Ok(new EventPage(StreamKeys.For(kind, id), page, events.Count > size ? page[^1].Version + 1 : null));
            })
            .WithName($"{kind}-events")
            .WithSummary($"The {kind}'s events in stream order, with their metadata, paged by version")
            .WithDescription("fromVersion (default 1) and limit (1 to 1000, default 100) page through the stream; nextFromVersion continues it and is null at its end. " +
                "data is the event's body, of the type named by type (see /api/event-types).");
        ReplayRoutes<TAggregate, TState, TEvent>.Map(reads, kind);
        return this;
    }

    private static string EventTypeName<T>() => EventCatalog.For(typeof(T)).Name;
}
