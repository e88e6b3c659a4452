using System.Collections.Immutable;

namespace LearningOrg.Domain.Common;

/// <summary>
/// What the rules say of a proposed event: the events to record (usually just it), or why not.
/// </summary>
public readonly record struct Decision<TEvent>(ImmutableArray<TEvent> Events, RuleViolation? Violation)
    where TEvent : DomainEvent
{
    public bool IsAccepted => Violation is null;

    public static Decision<TEvent> Accept(params TEvent[] events) => new([.. events], null);

    public static Decision<TEvent> Reject(RuleViolation violation) => new([], violation);

    public static implicit operator Decision<TEvent>(RuleViolation violation) => Reject(violation);
}

/// <summary>
/// An aggregate as a pure function pair: the rules that decide whether a proposed event may be recorded, and the
/// fold that builds the state from recorded events. The grains and the replay read side share them.
/// </summary>
public interface IAggregate<TState, TEvent>
    where TState : class
    where TEvent : DomainEvent
{
    /// <summary>Whether this event starts the aggregate's stream.</summary>
    static abstract bool IsCreation(TEvent @event);

    /// <summary>The state after the creation event.</summary>
    static abstract TState Create(TEvent creation);

    /// <summary>The state after one more event.</summary>
    static abstract TState Apply(TState state, TEvent @event);

    /// <summary>The rules: may <paramref name="proposed"/> be recorded on top of <paramref name="state"/> at <paramref name="now"/>?</summary>
    static abstract Decision<TEvent> Decide(TState? state, TEvent proposed, DateTimeOffset now);

    /// <summary>
    /// What recording <paramref name="recorded"/> asks other aggregates to record; <paramref name="state"/> already
    /// includes it. None unless the aggregate takes part in two-aggregate operations.
    /// </summary>
    static virtual IEnumerable<FollowUp> FollowUpsOf(string id, TState state, TEvent recorded) => [];

    /// <summary>
    /// The events that record a follow-up another aggregate sent: none when <paramref name="state"/> already shows it,
    /// else the follow-up, after whatever the aggregate must record first to let it in. They still go through
    /// <see cref="Decide"/>.
    /// </summary>
    static virtual ImmutableArray<TEvent> ReceiveFollowUp(TState? state, TEvent followUp) => [followUp];
}

public static class Aggregate
{
    /// <summary>Folds events into state; null when there are none.</summary>
    public static TState? Fold<TAggregate, TState, TEvent>(TState? state, IEnumerable<TEvent> events)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        foreach (var @event in events)
        {
            state = state is null ? TAggregate.Create(@event) : TAggregate.Apply(state, @event);
        }
        return state;
    }

    /// <summary>The rule every aggregate shares: a stream begins with its creation event and only once.</summary>
    public static RuleViolation? CheckLifecycle<TAggregate, TState, TEvent>(TState? state, TEvent proposed, string what)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent =>
        (state, TAggregate.IsCreation(proposed)) switch
        {
            (null, false) => RuleViolation.NotFound("not-found", $"No {what} with this id has been recorded."),
            (not null, true) => RuleViolation.Conflict("already-exists", $"This {what} has already been recorded."),
            _ => null,
        };
}
