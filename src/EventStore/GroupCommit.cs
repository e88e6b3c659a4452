using System.Diagnostics;
using System.Threading.Channels;
using JasperFx;
using JasperFx.Events;
using LearningOrg.EventStore.Telemetry;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace LearningOrg.EventStore;

/// <summary>The result of an attempt to append a command's events.</summary>
public enum AppendResult
{
    Appended,
    /// <summary>Another writer appended first: re-read the tail and decide again.</summary>
    VersionConflict,
    /// <summary>This command id has been processed before: look up its answer.</summary>
    DuplicateCommand,
}

/// <summary>
/// The grains' one way to write: takes the appends of many grains and commits the ones that are waiting in one Marten
/// transaction (their events with each stream's expected version, their commands' records, due snapshots, the
/// follow-ups they add to and remove from the outbox; the inline projections run in it). An append's task completes only once that transaction has committed. A lone append is
/// committed at once; under load, the appends that arrive while one transaction commits form the next one
/// (<see cref="GroupCommitOptions.MaxBatchSize"/> at most, <see cref="GroupCommitOptions.MaxInFlight"/> transactions at
/// a time), so no append waits on a timer.
/// </summary>
/// <remarks>
/// A transaction that fails for one member's sake (a stream another writer moved on, a command id recorded meanwhile)
/// is tried again in halves until each member has its own answer, so none is lost or written twice. A store that does
/// not answer fails every member with the driver's exception, as a lone append would.
/// </remarks>
public sealed class GroupCommit : IAsyncDisposable, IDisposable
{
    /// <summary>How long disposing waits for the appends still queued to be committed.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public const string ActivitySourceName = "LearningOrg";

    private static readonly ActivitySource Tracing = new(ActivitySourceName);

    private readonly IDocumentStore store;
    private readonly GroupCommitOptions options;
    private readonly ILogger<GroupCommit> logger;
    private readonly LearningOrgMetrics? metrics;
    private readonly Channel<Member> waiting = Channel.CreateUnbounded<Member>(new UnboundedChannelOptions { SingleReader = false });
    private readonly Task[] committers;
    private long transactions;
    private long appendsCommitted;
    private int largestTransaction;

    public GroupCommit(IDocumentStore store, GroupCommitOptions options, ILogger<GroupCommit> logger, LearningOrgMetrics? metrics = null)
    {
        this.store = store;
        this.options = options;
        this.logger = logger;
        this.metrics = metrics;
        // The committers serve every caller: they must not carry the trace (or anything else) of the one whose call
        // happened to create this singleton.
        using (ExecutionContext.SuppressFlow())
        {
            committers = [.. Enumerable.Range(0, options.MaxInFlight).Select(_ => Task.Run(CommitWhatIsWaitingAsync))];
        }
    }

    /// <summary>Transactions committed, appends in them, and the most appends one of them held.</summary>
    public (long Transactions, long Appends, int Largest) Committed =>
        (Interlocked.Read(ref transactions), Interlocked.Read(ref appendsCommitted), Volatile.Read(ref largestTransaction));

    /// <summary>Appends once the transaction that holds it has committed; throws what the store threw when it did not answer.</summary>
    public Task<AppendResult> AppendAsync(PendingAppend append)
    {
        var member = new Member(append, Activity.Current);
        if (!waiting.Writer.TryWrite(member))
        {
            throw new InvalidOperationException("The group commit has stopped: the silo is shutting down.");
        }
        return member.Done.Task;
    }

    /// <summary>
    /// Commits these appends together, as if they had been waiting at the same moment: one transaction unless a member
    /// needs otherwise. One task per append, in order.
    /// </summary>
    public IReadOnlyList<Task<AppendResult>> CommitTogether(IReadOnlyList<PendingAppend> appends)
    {
        var members = appends.Select(a => new Member(a, Activity.Current)).ToList();
        _ = CommitAsync(members);
        return [.. members.Select(m => m.Done.Task)];
    }

    /// <summary>Takes no more appends, and commits the ones already waiting.</summary>
    public async ValueTask DisposeAsync()
    {
        waiting.Writer.TryComplete();
        await Task.WhenAll(committers).WaitAsync(DrainTimeout);
    }

    public void Dispose()
    {
        waiting.Writer.TryComplete();
        Task.WhenAll(committers).Wait(DrainTimeout);
    }

    private async Task CommitWhatIsWaitingAsync()
    {
        var reader = waiting.Reader;
        while (await reader.WaitToReadAsync())
        {
            var batch = new List<Member>(Math.Min(options.MaxBatchSize, reader.CanCount ? reader.Count : 1));
            while (batch.Count < options.MaxBatchSize && reader.TryRead(out var member))
            {
                batch.Add(member);
            }
            if (batch.Count > 0)
            {
                await CommitAsync(batch);
            }
        }
    }

    /// <summary>Settles every member; never throws.</summary>
    private async Task CommitAsync(IReadOnlyList<Member> members)
    {
        try
        {
            // A stream or a command id may appear once per transaction; a second comes in the next, where it meets the
            // first one's write (a version conflict, a recorded command) as it would have one after the other.
            var seenStreams = new HashSet<string>(StringComparer.Ordinal);
            var seenCommands = new HashSet<string>(StringComparer.Ordinal);
            var now = new List<Member>(members.Count);
            var later = new List<Member>();
            foreach (var member in members)
            {
                var distinct = seenStreams.Add(member.Append.StreamKey) & seenCommands.Add(member.Append.Command.Id);
                (distinct ? now : later).Add(member);
            }
            await CommitSeparatelyFromOthersAsync(now);
            if (later.Count > 0)
            {
                await CommitAsync(later);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Group commit failed unexpectedly");
            foreach (var member in members)
            {
                member.Done.TrySetException(e);
            }
        }
    }

    private async Task CommitSeparatelyFromOthersAsync(IReadOnlyList<Member> members)
    {
        IReadOnlyList<Member> pending = members;
        using var activity = StartActivity(members);
        try
        {
            await using var session = store.LightweightSession();
            pending = await UnprocessedAsync(session, members);
            if (pending.Count == 0)
            {
                return;
            }
            foreach (var member in pending)
            {
                Stage(session, member.Append);
            }
            await session.SaveChangesAsync(CancellationToken.None);
            Interlocked.Increment(ref transactions);
            Interlocked.Add(ref appendsCommitted, pending.Count);
            RaiseLargest(pending.Count);
            metrics?.GroupCommitted(pending.Count);
            foreach (var member in pending)
            {
                member.Done.TrySetResult(AppendResult.Appended);
            }
        }
        catch (Exception e) when (pending.Count > 1 && Has<PostgresException>(e, p => p.SqlState == PostgresErrorCodes.DeadlockDetected))
        {
            // Two transactions in flight, each upserting read-model documents of many streams, may lock the same rows
            // in opposite orders; PostgreSQL aborts one. Smaller transactions lock fewer rows.
            logger.LogDebug(e, "A transaction of {Count} appends was chosen as a deadlock victim; committing them in halves", pending.Count);
            await CommitInHalvesAsync(pending);
        }
        catch (Exception e) when (StoreFailures.IsUnavailable(e))
        {
            foreach (var member in pending)
            {
                member.Done.TrySetException(e);
            }
        }
        catch (Exception e) when (pending.Count == 1)
        {
            Settle(pending[0], e);
        }
        catch (Exception e)
        {
            // Which member the failure belongs to, the exception does not reliably say (Npgsql redacts the details):
            // halve until it is alone. The others still share transactions.
            logger.LogDebug(e, "A transaction of {Count} appends failed; committing them in halves", pending.Count);
            await CommitInHalvesAsync(pending);
        }
    }

    private async Task CommitInHalvesAsync(IReadOnlyList<Member> members)
    {
        var half = members.Count / 2;
        await CommitSeparatelyFromOthersAsync([.. members.Take(half)]);
        await CommitSeparatelyFromOthersAsync([.. members.Skip(half)]);
    }

    /// <summary>
    /// Answers the members whose command id the store already holds (a repeated command that the rules accepted
    /// again) and returns the others: one look-up for the whole transaction, and nothing of a repeated command reaches
    /// the append, so it burns no event sequence numbers.
    /// </summary>
    private static async Task<IReadOnlyList<Member>> UnprocessedAsync(IDocumentSession session, IReadOnlyList<Member> members)
    {
        var recorded = await session.LoadManyAsync<ProcessedCommand>(CancellationToken.None, members.Select(m => m.Append.Command.Id));
        if (recorded.Count == 0)
        {
            return members;
        }
        var ids = recorded.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var unprocessed = new List<Member>(members.Count);
        foreach (var member in members)
        {
            if (ids.Contains(member.Append.Command.Id))
            {
                member.Done.TrySetResult(AppendResult.DuplicateCommand);
            }
            else
            {
                unprocessed.Add(member);
            }
        }
        return unprocessed;
    }

    private static void Stage(IDocumentSession session, PendingAppend append)
    {
        // The session's CausationId, CorrelationId and LastModifiedBy would give every event of the transaction the
        // same values; set on the event, Marten keeps them.
        var events = new object[append.Events.Count];
        for (var i = 0; i < events.Length; i++)
        {
            var e = session.Events.BuildEvent(append.Events[i]);
            e.CausationId = append.Command.Id;
            e.CorrelationId = append.CorrelationId;
            e.UserName = append.RecordedBy;
            events[i] = e;
        }
        // A new stream too is an append with an expected version (0), so one transaction needs no second code path:
        // Marten's quick append checks every stream's version in the database, and refuses a stream that exists.
        session.Events.Append(append.StreamKey, append.NewVersion, events);
        session.Insert(append.Command);
        if (append.Snapshot is { } snapshot)
        {
            session.StoreObjects([snapshot]);
        }
        if (append.FollowUps is { Count: > 0 } followUps)
        {
            session.Insert<FollowUpMessage>([.. followUps]);
        }
        if (append.Delivers is { } delivered)
        {
            session.Delete<FollowUpMessage>(delivered);
        }
    }

    private static void Settle(Member member, Exception e)
    {
        if (IsVersionConflict(e))
        {
            member.Done.TrySetResult(AppendResult.VersionConflict);
        }
        else if (Has<DocumentAlreadyExistsException>(e))
        {
            member.Done.TrySetResult(AppendResult.DuplicateCommand);
        }
        else
        {
            member.Done.TrySetException(e);
        }
    }

    private static bool IsVersionConflict(Exception e) =>
        Has<ConcurrencyException>(e)
        || Has<JasperFx.Events.ExistingStreamIdCollisionException>(e)
        || Has<Marten.Exceptions.ExistingStreamIdCollisionException>(e)
        || Has<EventStreamUnexpectedMaxEventIdException>(e)
        // Two writers starting the same stream at once: the second one's row in mt_streams is a duplicate.
        || Has<PostgresException>(e, p => p is { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "mt_streams" });

    private static bool Has<T>(Exception e, Func<T, bool>? matches = null)
        where T : Exception
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is T found && (matches is null || matches(found)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A span for the transaction, linked to each member's trace. A lone member's transaction is part of that command's
    /// own work, so its span (and the SQL under it) lies in the command's trace.
    /// </summary>
    private static Activity? StartActivity(IReadOnlyList<Member> members)
    {
        var callers = members.Where(m => m.Caller is not null).Select(m => m.Caller!.Context).ToList();
        var parent = members.Count == 1 && callers.Count == 1 ? callers[0] : default;
        var activity = Tracing.StartActivity("group commit", ActivityKind.Internal, parent,
            [new("learningorg.group_commit.appends", members.Count)], members.Count == 1 ? null : callers.Select(c => new ActivityLink(c)));
        if (activity is null && members.Count == 1 && members[0].Caller is { } caller)
        {
            // Nobody listens to our source, but the driver's spans may still be recorded: keep them in the caller's trace.
            Activity.Current = caller;
        }
        return activity;
    }

    private void RaiseLargest(int count)
    {
        var largest = Volatile.Read(ref largestTransaction);
        while (count > largest && Interlocked.CompareExchange(ref largestTransaction, count, largest) != largest)
        {
            largest = Volatile.Read(ref largestTransaction);
        }
    }

    private sealed class Member(PendingAppend append, Activity? caller)
    {
        public PendingAppend Append => append;

        public Activity? Caller => caller;

        public TaskCompletionSource<AppendResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
