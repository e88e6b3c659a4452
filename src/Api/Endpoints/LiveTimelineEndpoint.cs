using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using LearningOrg.Api.Contracts;
using LearningOrg.Api.Http;
using LearningOrg.Api.Security;
using LearningOrg.Domain.Common;
using LearningOrg.Grains.Live;
using LearningOrg.ReadModels;
using Marten;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Orleans.Streams;

namespace LearningOrg.Api.Endpoints;

/// <summary>
/// GET /api/schools/{id}/timeline/live: the school's new timeline entries as server-sent events, fed by the school's
/// Orleans stream (<see cref="LiveUpdates"/>). Each entry is read back from the timeline read model, so it has the
/// timeline API's shape; its <c>id:</c> is the global event sequence, a cursor that Last-Event-ID (or <c>?after=</c>)
/// resumes from. A notification is only a wake-up: lost or dropped ones are made good by reading from the cursor.
/// </summary>
public static class LiveTimelineEndpoint
{
    /// <summary>Entries sent on resume; a client that missed more is told to reload (<c>event: reset</c>).</summary>
    public const int MaxCatchUpEntries = 500;

    /// <summary>Notifications a slow connection may have waiting; past that they are dropped and read back from the cursor.</summary>
    private const int MaxPendingNotifications = 64;

    /// <summary>Event ids remembered to send each entry once when a catch-up and a notification both bring it.</summary>
    private const int RememberedEntries = 1024;

    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapLiveTimeline(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/schools/{id}/timeline/live", Stream)
            .WithTags("Timelines")
            // Entries name teachers and are sent as they are, so pseudonym-only researchers use the timeline API instead.
            .RequireAuthorization(Policies.ReadSchoolWithNames)
            .WithName("school-timeline-live")
            .WithSummary("The school's new timeline entries as they are recorded, as server-sent events (text/event-stream)")
            .WithDescription("Each `event: entry` carries one entry in the shape of GET /api/schools/{id}/timeline's entries; its `id:` is a cursor. " +
                "Reconnecting with Last-Event-ID (or ?after=cursor) first sends what was recorded since; more than " +
                $"{MaxCatchUpEntries} missed entries give `event: reset` instead (reload the timeline). Comments every " +
                $"{HeartbeatInterval.TotalSeconds:0} seconds keep the connection open.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> Stream(
        string id,
        string? after,
        HttpContext http,
        IDocumentStore store,
        IClusterClient cluster,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggers)
    {
        // Ends when the client goes away, or when the server stops (rather than holding its shutdown up).
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        var cancellation = ending.Token;
        if (Check.Id(id, "id") is { } badId)
        {
            return Problems.For(badId);
        }
        var resumeFrom = http.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } lastEventId ? lastEventId : after;
        long? cursor = null;
        if (resumeFrom is not null)
        {
            if (!long.TryParse(resumeFrom, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.Invalid("after", "The cursor (Last-Event-ID or after) must be a whole number from 0, as sent in an event's id.");
            }
            cursor = parsed;
        }
        await using (var check = store.QuerySession())
        {
            if (!await check.SchoolExistsAsync(id, cancellation))
            {
                return Problems.NotFound($"No school {id} has been recorded.");
            }
        }

        var logger = loggers.CreateLogger(typeof(LiveTimelineEndpoint));
        var overflowed = 0;
        var notifications = Channel.CreateBounded<TimelineChanged>(
            new BoundedChannelOptions(MaxPendingNotifications) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Exchange(ref overflowed, 1));
        // Subscribed before the first read, so nothing recorded in between is missed.
        var subscription = await cluster.GetStreamProvider(LiveUpdates.ProviderName)
            .GetStream<TimelineChanged>(LiveUpdates.SchoolTimeline(id))
            .SubscribeAsync((change, _) =>
            {
                notifications.Writer.TryWrite(change);
                return Task.CompletedTask;
            });
        try
        {
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var writer = new LiveWriter(http.Response, json.Value.SerializerOptions, cursor ?? 0);
            await writer.CommentAsync("live timeline of " + id, cancellation);
            if (cursor is null)
            {
                await using var session = store.QuerySession();
                cursor = await session.EventHeadAsync(cancellation);
                await writer.CursorAsync(cursor.Value, cancellation);
                writer.Floor = cursor.Value;
            }
            else
            {
                await writer.CatchUpAsync(store, id, cursor.Value, cancellation);
            }

            while (!cancellation.IsCancellationRequested)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
                heartbeat.CancelAfter(HeartbeatInterval);
                try
                {
                    await notifications.Reader.WaitToReadAsync(heartbeat.Token);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    await writer.CommentAsync("heartbeat", cancellation);
                    continue;
                }
                if (Interlocked.Exchange(ref overflowed, 0) == 1)
                {
                    while (notifications.Reader.TryRead(out _))
                    {
                    }
                    await writer.CatchUpAsync(store, id, writer.Cursor ?? cursor.Value, cancellation);
                    continue;
                }
                await using var session = store.QuerySession();
                while (notifications.Reader.TryRead(out var change))
                {
                    if (await session.LiveEntryAsync(id, change.StreamId, change.Version, cancellation) is { } entry)
                    {
                        await writer.EntryAsync(entry, cancellation);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client went away: the normal end of a live connection.
        }
        finally
        {
            try
            {
                await subscription.UnsubscribeAsync();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogWarning(e, "Live timeline subscription of school {SchoolId} not removed", id);
            }
        }
        return Results.Empty;
    }

    /// <summary>Writes server-sent events and remembers what it sent.</summary>
    private sealed class LiveWriter(HttpResponse response, JsonSerializerOptions json, long floor)
    {
        private readonly HashSet<Guid> sent = [];
        private readonly Queue<Guid> sentOrder = new();

        /// <summary>
        /// The cursor the connection started from: entries at or before it were on the page or sent by the catch-up,
        /// and a notification still in flight for one of them is not sent again.
        /// </summary>
        public long Floor { get; set; } = floor;

        /// <summary>The highest cursor sent so far.</summary>
        public long? Cursor { get; private set; }

        public async Task CatchUpAsync(IDocumentStore store, string schoolId, long after, CancellationToken cancellation)
        {
            await using var session = store.QuerySession();
            var missed = await session.EntriesSinceAsync(schoolId, after, MaxCatchUpEntries, cancellation);
            if (missed.TooMany)
            {
                var head = await session.EventHeadAsync(cancellation);
                Cursor = Math.Max(Cursor ?? 0, head);
                Floor = Cursor.Value;
                await WriteAsync($"id: {Cursor.Value.ToString(CultureInfo.InvariantCulture)}\nevent: reset\ndata: {{}}\n\n", cancellation);
                return;
            }
            foreach (var entry in missed.Entries)
            {
                await EntryAsync(entry, cancellation);
            }
        }

        public async Task EntryAsync(SequencedTimelineEntry entry, CancellationToken cancellation)
        {
            if (entry.Sequence <= Floor || !sent.Add(entry.Entry.EventId))
            {
                return;
            }
            sentOrder.Enqueue(entry.Entry.EventId);
            if (sentOrder.Count > RememberedEntries)
            {
                sent.Remove(sentOrder.Dequeue());
            }
            // A commit that lands after a later one keeps the cursor where it was, so a resume still asks from there.
            Cursor = Math.Max(Cursor ?? 0, entry.Sequence);
            var data = JsonSerializer.Serialize(TimelineItem.From(entry.Entry), json);
            await WriteAsync($"id: {Cursor.Value.ToString(CultureInfo.InvariantCulture)}\nevent: entry\ndata: {data}\n\n", cancellation);
        }

        /// <summary>An event with only an id: the browser resumes from it, though nothing was sent yet.</summary>
        public Task CursorAsync(long cursor, CancellationToken cancellation)
        {
            Cursor = cursor;
            return WriteAsync($"retry: 3000\nid: {cursor.ToString(CultureInfo.InvariantCulture)}\n\n", cancellation);
        }

        public Task CommentAsync(string text, CancellationToken cancellation) => WriteAsync($": {text}\n\n", cancellation);

        private async Task WriteAsync(string text, CancellationToken cancellation)
        {
            await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellation);
            await response.Body.FlushAsync(cancellation);
        }
    }
}
