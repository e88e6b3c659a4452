using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.Live;
using LearningOrg.Grains.Persistence;
using LearningOrg.Grains.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.EventSourcing;

/// <summary>
/// A grain whose state is the fold of its Marten stream. A command is decided by the aggregate's pure rules against
/// the in-memory state, appended with the expected stream version and its idempotency record in one transaction
/// (shared with other grains' appends: <see cref="GroupCommit"/>), and only then applied. Another writer having
/// appended first makes it re-read the tail and decide again; it never overwrites. Activation loads the latest
/// snapshot and replays only the events after it.
/// </summary>
public abstract class EventSourcedGrain<TAggregate, TState, TEvent>(EventJournal journal, TimeProvider clock, ILogger logger) : Grain
    where TAggregate : IAggregate<TState, TEvent>
    where TState : class
    where TEvent : DomainEvent
{
    private const int MaxAttempts = 3;

    private TState? state;
    private long version;

    /// <summary>The kind of stream, one of <see cref="StreamKeys"/>.</summary>
    protected abstract string AggregateKind { get; }

    protected string Id => this.GetPrimaryKeyString();

    protected string StreamKey => StreamKeys.For(AggregateKind, Id);

    protected TState? State => state;

    protected long Version => version;

    protected DateTimeOffset Now => clock.GetUtcNow();

    // Resolved once per activation (not per command) and here rather than in the constructor, so the four grains'
    // constructors need not change.
    private LearningOrgMetrics Metrics => metrics ??= ServiceProvider.GetRequiredService<LearningOrgMetrics>();

    private LearningOrgMetrics? metrics;

    private GroupCommit GroupCommit => groupCommit ??= ServiceProvider.GetRequiredService<GroupCommit>();

    private GroupCommit? groupCommit;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        try
        {
            (state, version) = await journal.LoadAsync<TAggregate, TState, TEvent>(StreamKey, null, 0, cancellationToken);
        }
        catch (Exception exception) when (StoreFailures.Translate(exception) is { } unavailable)
        {
            // A failed activation reaches the caller as its exception; grain call filters do not see it.
            logger.LogWarning(exception, "{StreamKey} could not be loaded: the event store did not answer", StreamKey);
            throw unavailable;
        }
        Metrics.GrainActivated(AggregateKind, clock.GetElapsedTime(started));
    }

    public Task<AggregateView<TState>?> GetState() =>
        Task.FromResult(state is null ? null : new AggregateView<TState>(Id, version, state));

    /// <summary>
    /// Folds the stream again from its first event, then rewrites the snapshot from that state. It runs as one grain
    /// turn, so no append of this activation (which would snapshot the old state) can fall between the two.
    /// </summary>
    public async Task Reload()
    {
        (state, version) = await journal.ReplayAsync<TAggregate, TState, TEvent>(StreamKey, CancellationToken.None);
        await journal.ReplaceSnapshotAsync(StreamKey, version, state, CancellationToken.None);
    }

    /// <summary>Decides, appends and applies one proposed event; idempotent by the command id.</summary>
    protected async Task<CommandOutcome> Decide(CommandContext context, TEvent proposed)
    {
        var outcome = await DecideAndAppend(context, proposed);
        Metrics.CommandHandled(AggregateKind, outcome);
        return outcome;
    }

    private async Task<CommandOutcome> DecideAndAppend(CommandContext context, TEvent proposed)
    {
        if (string.IsNullOrWhiteSpace(context.CommandId) || context.CommandId.Length > CommandContext.MaxCommandIdLength)
        {
            return Reject(RuleViolation.Invalid("Idempotency-Key", $"A command id of 1 to {CommandContext.MaxCommandIdLength} characters is required."));
        }
        var payloadHash = HashOf(proposed);
        // The command id is not looked up before deciding: that was a round trip per command. A repeated command
        // either passes the rules again, and then the group commit finds its record (one look-up for the whole
        // transaction) and appends nothing, burning no sequence numbers; or the rules refuse it, and then it is looked
        // up before the refusal is answered (RefuseUnlessProcessed). Either way it gets its first answer.
        if (proposed.OccurredAt == default)
        {
            proposed = (TEvent)((DomainEvent)proposed with { OccurredAt = Now });
        }
        if (context.ExpectedVersion > version)
        {
            // The caller saw a version this activation has not: another writer (an API node of another cluster, say)
            // moved the stream on. Catch up before judging If-Match, or a current ETag would be refused as stale.
            (state, version) = await journal.LoadAsync<TAggregate, TState, TEvent>(StreamKey, state, version, CancellationToken.None);
        }
        for (var attempt = 1; ; attempt++)
        {
            if (context.ExpectedVersion is { } expected && expected != version)
            {
                return await RefuseUnlessProcessed(context, payloadHash, new RuleViolation(ViolationKind.StaleVersion, "stale-version",
                    $"The {AggregateKind} is at version {version}, not {expected}: reload it and try again."));
            }
            var decision = TAggregate.Decide(state, proposed, Now);
            if (!decision.IsAccepted)
            {
                return await RefuseUnlessProcessed(context, payloadHash, decision.Violation!);
            }
            var newState = Aggregate.Fold<TAggregate, TState, TEvent>(state, decision.Events)!;
            var newVersion = version + decision.Events.Length;
            var record = new ProcessedCommand(context.CommandId, StreamKey, payloadHash, newVersion, decision.Events.Length, proposed.OccurredAt, Now);
            var result = await GroupCommit.AppendAsync(new PendingAppend(StreamKey, version, ImmutableArray<DomainEvent>.CastUp(decision.Events), record,
                context.RecordedBy, Activity.Current?.TraceId.ToString(), EventJournal.SnapshotDue(StreamKey, version, newVersion, newState)));
            switch (result)
            {
                case AppendResult.Appended:
                    (state, version) = (newState, newVersion);
                    Metrics.EventsAppendedTo(AggregateKind, decision.Events.Length);
                    logger.LogDebug("Appended {EventCount} events to {StreamKey}, now at version {Version}", decision.Events.Length, StreamKey, newVersion);
                    await PublishTimelineChanges(decision.Events, newVersion - decision.Events.Length + 1);
                    return CommandOutcome.Accepted(StreamKey, newVersion, decision.Events.Length, proposed.OccurredAt);
                case AppendResult.DuplicateCommand:
                    // Processed before, here or by another activation: its record is in the store.
                    return await EarlierAnswer(context, payloadHash)
                        ?? throw new InvalidOperationException($"Command {context.CommandId} was reported as a duplicate but has no record.");
                case AppendResult.VersionConflict when attempt < MaxAttempts:
                    logger.LogInformation("Stream {StreamKey} moved past version {Version} under us; re-reading its tail", StreamKey, version);
                    (state, version) = await journal.LoadAsync<TAggregate, TState, TEvent>(StreamKey, state, version, CancellationToken.None);
                    break;
                default:
                    return await RefuseUnlessProcessed(context, payloadHash, RuleViolation.Conflict("concurrent-writers",
                        $"Other writers kept changing this {AggregateKind}; nothing was recorded. Try again."));
            }
        }
    }

    /// <summary>The refusal, unless this command id was processed before: then its first answer.</summary>
    private async Task<CommandOutcome> RefuseUnlessProcessed(CommandContext context, string payloadHash, RuleViolation violation) =>
        await EarlierAnswer(context, payloadHash) ?? Reject(violation);

    /// <summary>The schools on whose timeline an appended event appears, given the state it produced.</summary>
    protected abstract IEnumerable<string> SchoolsConcerned(TEvent appended, TState newState);

    /// <summary>
    /// Tells each school concerned that its timeline has a new entry. Called only after the commit; a failure is logged
    /// and swallowed, since the store is the truth and an open page catches up from its cursor.
    /// </summary>
    private async Task PublishTimelineChanges(IReadOnlyList<TEvent> appended, long firstVersion)
    {
        try
        {
            var provider = this.GetStreamProvider(LiveUpdates.ProviderName);
            for (var i = 0; i < appended.Count; i++)
            {
                var e = appended[i];
                var type = EventCatalog.For(e.GetType()).Name;
                foreach (var schoolId in SchoolsConcerned(e, state!).Distinct(StringComparer.Ordinal))
                {
                    await provider.GetStream<TimelineChanged>(LiveUpdates.SchoolTimeline(schoolId))
                        .OnNextAsync(new TimelineChanged(schoolId, StreamKey, firstVersion + i, type, e.OccurredAt));
                }
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Live update for {StreamKey} up to version {Version} not published; open timelines catch up when they reconnect", StreamKey, version);
        }
    }

    /// <summary>The answer given the first time this command id was processed, if it was.</summary>
    private async Task<CommandOutcome?> EarlierAnswer(CommandContext context, string payloadHash)
    {
        var earlier = await journal.FindCommandAsync(context.CommandId, CancellationToken.None);
        if (earlier is null)
        {
            return null;
        }
        return earlier.PayloadHash == payloadHash
            ? CommandOutcome.Accepted(earlier.StreamKey, earlier.Version, earlier.EventsAppended, earlier.OccurredAt, replayed: true)
            : Reject(RuleViolation.Conflict("idempotency-key-reused",
                "This Idempotency-Key was already used for a different command; use a new key for a new command.", "Idempotency-Key"));
    }

    /// <summary>
    /// Refuses a command for a reason found outside the aggregate's rules, unless this command id was processed before:
    /// then the earlier answer, since what the reason rests on may have changed since.
    /// </summary>
    protected async Task<CommandOutcome> Refuse(CommandContext context, TEvent proposed, RuleViolation violation)
    {
        var outcome = string.IsNullOrWhiteSpace(context.CommandId) ? Reject(violation) : await RefuseUnlessProcessed(context, HashOf(proposed), violation);
        Metrics.CommandHandled(AggregateKind, outcome);
        return outcome;
    }

    protected CommandOutcome Reject(RuleViolation violation) => CommandOutcome.Rejected(StreamKey, version, violation);

    /// <summary>The payload as the caller sent it (before "now" fills a missing occurredAt), with its stream.</summary>
    private string HashOf(TEvent proposed)
    {
        var json = JsonSerializer.Serialize(proposed, proposed.GetType(), PayloadJson.Options);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{StreamKey}\n{proposed.GetType().FullName}\n{json}"));
        return Convert.ToHexString(bytes);
    }
}
