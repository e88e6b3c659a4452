using System.Collections.Immutable;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;
using LearningOrg.EventStore.Telemetry;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.EventSourcing;

/// <summary>
/// A grain whose state is the fold of its Marten stream. A command is decided by the aggregate's pure rules against
/// the in-memory state, appended with the expected stream version, its idempotency record and the follow-ups it sends
/// to other aggregates (the outbox) in one transaction (shared with other grains' appends: <see cref="GroupCommit"/>),
/// and only then applied. Another writer having appended first makes it re-read the tail and decide again; it never
/// overwrites. Activation loads the latest snapshot and replays only the events after it.
/// </summary>
/// <remarks>
/// A grain never calls another grain's write while it holds its turn: two grains doing so at once would wait on each
/// other until the call timed out. Follow-ups wait in the outbox until their aggregate's grain is asked to record them
/// (<see cref="RecordWaitingFollowUps"/>): by the caller's dispatcher right after the command
/// (<see cref="CommandDispatch"/>), or by a silo's sweep (<see cref="FollowUpSweep"/>) after a failure in between.
/// </remarks>
public abstract class EventSourcedGrain<TAggregate, TState, TEvent>(EventSourcedGrainServices services, ILogger logger) : Grain
    where TAggregate : IAggregate<TState, TEvent>
    where TState : class
    where TEvent : DomainEvent
{
    private const int MaxAttempts = 3;

    /// <summary>Follow-ups recorded per call at most, so that a long backlog does not hold one call near its timeout.</summary>
    private const int MaxFollowUpsPerCall = 64;

    private readonly EventJournal journal = services.Journal;
    private readonly GroupCommit groupCommit = services.GroupCommit;
    private readonly FollowUpOutbox outbox = services.Outbox;
    private readonly LearningOrgMetrics metrics = services.Metrics;
    private readonly TimeProvider clock = services.Clock;

    private TState? state;
    private long version;

    /// <summary>The kind of stream, one of <see cref="StreamKeys"/>.</summary>
    protected abstract string AggregateKind { get; }

    protected string Id => this.GetPrimaryKeyString();

    protected string StreamKey => StreamKeys.For(AggregateKind, Id);

    protected TState? State => state;

    protected long Version => version;

    protected DateTimeOffset Now => clock.GetUtcNow();

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
        metrics.GrainActivated(AggregateKind, clock.GetElapsedTime(started));
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
        var type = EventCatalog.For(proposed.GetType());
        var outcome = type.FollowUpOf is { } causes
            ? Reject(new RuleViolation(ViolationKind.Invalid, "follow-up-only",
                $"{type.Kind} is recorded only by the system, as the follow-up of {string.Join(" or ", causes)}: record that instead.", "type"))
            : type.SupersededBy is { } next
                ? Reject(new RuleViolation(ViolationKind.Invalid, "superseded",
                    $"{type.Name} is an older version, kept only to read stored events: record {EventCatalog.For(next).Name} instead.", "type"))
                : await DecideAndAppend(context, proposed);
        metrics.CommandHandled(AggregateKind, outcome.Replayed, outcome.Violation);
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
                    $"The {AggregateKind} is at version {version}, not {expected}: reload it and try again."), proposed);
            }
            var decision = TAggregate.Decide(state, proposed, Now);
            if (!decision.IsAccepted)
            {
                return await RefuseUnlessProcessed(context, payloadHash, decision.Violation!, proposed);
            }
            var (result, followUpTargets) = await Append(context.CommandId, context.RecordedBy, Activity.Current?.TraceId.ToString(),
                decision.Events, payloadHash, proposed.OccurredAt, delivers: null);
            switch (result)
            {
                case AppendResult.Appended:
                    return CommandOutcome.Accepted(StreamKey, version, decision.Events.Length, proposed.OccurredAt) with { FollowUpTargets = followUpTargets };
                case AppendResult.DuplicateCommand:
                    // Processed before, here or by another activation: its record is in the store.
                    return await EarlierAnswer(context, payloadHash, proposed)
                        ?? throw new InvalidOperationException($"Command {context.CommandId} was reported as a duplicate but has no record.");
                case AppendResult.VersionConflict when attempt < MaxAttempts:
                    logger.LogInformation("Stream {StreamKey} moved past version {Version} under us; re-reading its tail", StreamKey, version);
                    (state, version) = await journal.LoadAsync<TAggregate, TState, TEvent>(StreamKey, state, version, CancellationToken.None);
                    break;
                default:
                    return await RefuseUnlessProcessed(context, payloadHash, RuleViolation.Conflict("concurrent-writers",
                        $"Other writers kept changing this {AggregateKind}; nothing was recorded. Try again."), proposed);
            }
        }
    }

    /// <summary>
    /// Appends the events of one command, with its record and the follow-ups they send, on top of this activation's
    /// version; once committed, applies them and tells the timelines. The streams the follow-ups wait for, when appended.
    /// </summary>
    private async Task<(AppendResult Result, ImmutableArray<string> FollowUpTargets)> Append(string commandId, string recordedBy, string? correlationId,
        ImmutableArray<TEvent> events, string payloadHash, DateTimeOffset occurredAt, string? delivers)
    {
        var newState = Aggregate.Fold<TAggregate, TState, TEvent>(state, events)!;
        var newVersion = version + events.Length;
        var followUps = FollowUpsOf(commandId, recordedBy, correlationId, events, newState, newVersion);
        var record = new ProcessedCommand(commandId, StreamKey, payloadHash, newVersion, events.Length, occurredAt, Now);
        var result = await groupCommit.AppendAsync(new PendingAppend(StreamKey, version, ImmutableArray<DomainEvent>.CastUp(events), record,
            recordedBy, correlationId, EventJournal.SnapshotDue(StreamKey, version, newVersion, newState), followUps, delivers));
        if (result != AppendResult.Appended)
        {
            return (result, []);
        }
        (state, version) = (newState, newVersion);
        metrics.EventsAppendedTo(AggregateKind, events.Length);
        logger.LogDebug("Appended {EventCount} events to {StreamKey}, now at version {Version}", events.Length, StreamKey, newVersion);
        await PublishTimelineChanges(events, newVersion - events.Length + 1);
        return (result, [.. followUps.Select(f => f.Target).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The outbox rows for what the appended events ask other aggregates to record.</summary>
    private List<FollowUpMessage> FollowUpsOf(string commandId, string recordedBy, string? correlationId,
        ImmutableArray<TEvent> events, TState newState, long newVersion)
    {
        var messages = new List<FollowUpMessage>();
        for (var i = 0; i < events.Length; i++)
        {
            foreach (var followUp in TAggregate.FollowUpsOf(Id, newState, events[i]))
            {
                messages.Add(FollowUpMessage.For(FollowUpMessage.IdFor(commandId, followUp.Step, i, events.Length), StreamKey, newVersion,
                    messages.Count, followUp, recordedBy, correlationId, Now));
            }
        }
        return messages;
    }

    /// <summary>
    /// Records the follow-ups the outbox holds for this aggregate. Each is recorded under its own command id, with the
    /// removal of its outbox row, in one transaction; one the state already shows is only removed. A follow-up the
    /// rules refuse stays, and so do the later ones of its source, which must not overtake it.
    /// </summary>
    public async Task<FollowUpReceipt> RecordWaitingFollowUps()
    {
        var waiting = await outbox.WaitingForAsync(StreamKey, MaxFollowUpsPerCall + 1, CancellationToken.None);
        var blockedSources = new HashSet<string>(StringComparer.Ordinal);
        var targets = new HashSet<string>(StringComparer.Ordinal);
        var recorded = 0;
        string? refused = null;
        foreach (var message in waiting.Take(MaxFollowUpsPerCall))
        {
            if (blockedSources.Contains(message.Source))
            {
                continue;
            }
            var (violation, followUpTargets) = await RecordFollowUp(message);
            if (violation is not null)
            {
                blockedSources.Add(message.Source);
                refused ??= $"follow-up {message.Id} ({message.EventType}) was refused: {violation.Code}: {violation.Message}";
                logger.LogWarning("{StreamKey} refused follow-up {FollowUpId} ({EventType}) from {Source}: {Code}: {Message}; it stays in the outbox",
                    StreamKey, message.Id, message.EventType, message.Source, violation.Code, violation.Message);
                continue;
            }
            recorded++;
            targets.UnionWith(followUpTargets);
        }
        return new FollowUpReceipt(recorded, [.. targets], waiting.Count > MaxFollowUpsPerCall, refused);
    }

    /// <summary>Records one follow-up and removes it from the outbox; or, when the rules refuse it, why.</summary>
    private async Task<(RuleViolation? Refused, ImmutableArray<string> FollowUpTargets)> RecordFollowUp(FollowUpMessage message)
    {
        if (message.ToEvent() is not TEvent followUp)
        {
            return (RuleViolation.Invalid("type", $"A {message.EventType} is not a {AggregateKind} event."), []);
        }
        var payloadHash = HashOf(followUp);
        for (var attempt = 1; ; attempt++)
        {
            var (events, violation) = DecideInTurn(TAggregate.ReceiveFollowUp(state, followUp));
            if (violation is not null)
            {
                return (violation, []);
            }
            if (events.IsEmpty)
            {
                await outbox.RemoveAsync(message.Id, CancellationToken.None);
                return (null, []);
            }
            var (result, followUpTargets) = await Append(message.Id, message.RecordedBy, message.CorrelationId, events, payloadHash, followUp.OccurredAt, message.Id);
            switch (result)
            {
                case AppendResult.Appended:
                    return (null, followUpTargets);
                case AppendResult.DuplicateCommand when (await journal.FindCommandAsync(message.Id, CancellationToken.None))?.PayloadHash == payloadHash:
                    // Recorded already, by an activation whose transaction removed the row this one read: catch up.
                    (state, version) = await journal.LoadAsync<TAggregate, TState, TEvent>(StreamKey, state, version, CancellationToken.None);
                    await outbox.RemoveAsync(message.Id, CancellationToken.None);
                    return (null, []);
                case AppendResult.DuplicateCommand:
                    return (RuleViolation.Conflict("idempotency-key-reused", $"Command id {message.Id} was used for another command."), []);
                case AppendResult.VersionConflict when attempt < MaxAttempts:
                    (state, version) = await journal.LoadAsync<TAggregate, TState, TEvent>(StreamKey, state, version, CancellationToken.None);
                    break;
                default:
                    return (RuleViolation.Conflict("concurrent-writers", $"Other writers kept changing this {AggregateKind}."), []);
            }
        }
    }

    /// <summary>Decides each event on the state the ones before it made: the events to append, or the first refusal.</summary>
    private (ImmutableArray<TEvent> Events, RuleViolation? Violation) DecideInTurn(ImmutableArray<TEvent> proposed)
    {
        var decided = ImmutableArray.CreateBuilder<TEvent>(proposed.Length);
        var folded = state;
        foreach (var e in proposed)
        {
            var decision = TAggregate.Decide(folded, e, Now);
            if (!decision.IsAccepted)
            {
                return ([], decision.Violation);
            }
            decided.AddRange(decision.Events);
            folded = Aggregate.Fold<TAggregate, TState, TEvent>(folded, decision.Events);
        }
        return (decided.ToImmutable(), null);
    }

    /// <summary>The refusal, unless this command id was processed before: then its first answer.</summary>
    private async Task<CommandOutcome> RefuseUnlessProcessed(CommandContext context, string payloadHash, RuleViolation violation, TEvent proposed) =>
        await EarlierAnswer(context, payloadHash, proposed) ?? Reject(violation);

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

    /// <summary>
    /// The answer given the first time this command id was processed, if it was, naming the streams its follow-ups went
    /// to: a retry after a failure between the two halves has them recorded.
    /// </summary>
    private async Task<CommandOutcome?> EarlierAnswer(CommandContext context, string payloadHash, TEvent proposed)
    {
        var earlier = await journal.FindCommandAsync(context.CommandId, CancellationToken.None);
        if (earlier is null)
        {
            return null;
        }
        if (earlier.PayloadHash != payloadHash)
        {
            return Reject(RuleViolation.Conflict("idempotency-key-reused",
                "This Idempotency-Key was already used for a different command; use a new key for a new command.", "Idempotency-Key"));
        }
        var answer = CommandOutcome.Accepted(earlier.StreamKey, earlier.Version, earlier.EventsAppended, earlier.OccurredAt, replayed: true);
        return state is null
            ? answer
            : answer with { FollowUpTargets = [.. TAggregate.FollowUpsOf(Id, state, proposed).Select(FollowUpMessage.TargetOf).Distinct(StringComparer.Ordinal)] };
    }

    /// <summary>
    /// Refuses a command for a reason found outside the aggregate's rules, unless this command id was processed before:
    /// then the earlier answer, since what the reason rests on may have changed since.
    /// </summary>
    protected async Task<CommandOutcome> Refuse(CommandContext context, TEvent proposed, RuleViolation violation)
    {
        var outcome = string.IsNullOrWhiteSpace(context.CommandId) ? Reject(violation) : await RefuseUnlessProcessed(context, HashOf(proposed), violation, proposed);
        metrics.CommandHandled(AggregateKind, outcome.Replayed, outcome.Violation);
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
