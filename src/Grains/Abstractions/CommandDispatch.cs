using System.Collections.Frozen;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;

namespace LearningOrg.Grains.Abstractions;

/// <summary>
/// How a command is sent from outside the grains (the API, the importer, the demo, the benchmark): to its aggregate's
/// grain, and then, outside that grain's turn, on to the aggregates its follow-ups wait for, so that the answer comes
/// once the whole operation is recorded and the caller's next command sees both halves. No grain waits on another's
/// write while it holds its turn; what a failure here leaves waiting, a retry with the same command id or the silo's
/// sweep (<c>FollowUpSweep</c>) records.
/// </summary>
public static class CommandDispatch
{
    /// <summary>Records <paramref name="proposed"/> on the aggregate <paramref name="aggregateId"/> of its kind, and its follow-ups.</summary>
    /// <exception cref="InvalidOperationException">A follow-up was refused by its aggregate: the command is recorded, the operation half done.</exception>
    public static async Task<CommandOutcome> RecordAsync(this IGrainFactory grains, string aggregateId, CommandContext context, DomainEvent proposed)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var outcome = await GrainsByAggregate[EventCatalog.For(proposed).Aggregate].Record(grains, aggregateId, context, proposed);
        if (outcome.IsAccepted && !outcome.FollowUpTargets.IsDefaultOrEmpty)
        {
            await grains.RecordFollowUpsAsync(outcome.FollowUpTargets);
        }
        return outcome;
    }

    /// <summary>
    /// Has each of <paramref name="targets"/> (stream keys) record the follow-ups waiting for it, and the streams those
    /// send follow-ups to in turn, until none is left waiting.
    /// </summary>
    /// <exception cref="InvalidOperationException">A follow-up was refused by its aggregate's rules; it stays waiting.</exception>
    public static async Task RecordFollowUpsAsync(this IGrainFactory grains, IEnumerable<string> targets)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var round = targets.Distinct(StringComparer.Ordinal).ToList();
        while (round.Count > 0)
        {
            // One target after the other, in the order the command wrote them (a move's departure before its arrival):
            // the inline projections keep one document per teacher of their staff changes, which two transactions at
            // once would each overwrite.
            var next = new List<string>();
            foreach (var target in round)
            {
                var receipt = await Recipient(grains, target).RecordWaitingFollowUps();
                if (receipt.Refused is not null)
                {
                    throw new InvalidOperationException(
                        $"The command was recorded, but {target} refused a follow-up it sent: {receipt.Refused} " +
                        "The follow-up stays waiting; once the cause is fixed, a retry with the same Idempotency-Key records it.");
                }
                if (receipt.More)
                {
                    next.Add(target);
                }
                next.AddRange(receipt.FollowUpTargets);
            }
            round = [.. next.Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>The grain of the stream <paramref name="streamKey"/>, whichever its aggregate.</summary>
    public static IReloadableGrain GrainOf(this IGrainFactory grains, string streamKey)
    {
        var (kind, id) = StreamKeys.Parse(streamKey);
        return GrainsByAggregate.TryGetValue(kind, out var grain)
            ? grain.Get(grains, id)
            : throw new ArgumentException($"{kind} is no aggregate ({streamKey}).", nameof(streamKey));
    }

    /// <summary>The aggregates that have a grain, by the kind the catalog files their events under.</summary>
    public static IReadOnlyCollection<string> AggregatesWithGrains => GrainsByAggregate.Keys;

    private static IFollowUpRecipient Recipient(IGrainFactory grains, string streamKey) =>
        grains.GrainOf(streamKey) as IFollowUpRecipient
        ?? throw new InvalidOperationException($"A {StreamKeys.Parse(streamKey).Aggregate} records no follow-ups ({streamKey}).");

    /// <summary>How a command reaches the grain of its event's aggregate, and how that grain is found by id.</summary>
    private sealed record AggregateGrain(
        Func<IGrainFactory, string, CommandContext, DomainEvent, Task<CommandOutcome>> Record,
        Func<IGrainFactory, string, IReloadableGrain> Get);

    // The one place that ties the catalog's aggregate kinds to grain interfaces.
    private static readonly FrozenDictionary<string, AggregateGrain> GrainsByAggregate = new Dictionary<string, AggregateGrain>(StringComparer.Ordinal)
    {
        [AggregateKind.School] = new((g, id, c, e) => g.GetGrain<ISchoolGrain>(id).Record(c, (SchoolEvent)e), (g, id) => g.GetGrain<ISchoolGrain>(id)),
        [AggregateKind.Teacher] = new((g, id, c, e) => g.GetGrain<ITeacherGrain>(id).Record(c, (TeacherEvent)e), (g, id) => g.GetGrain<ITeacherGrain>(id)),
        [AggregateKind.Initiative] = new((g, id, c, e) => g.GetGrain<IInitiativeGrain>(id).Record(c, (InitiativeEvent)e), (g, id) => g.GetGrain<IInitiativeGrain>(id)),
        [AggregateKind.Network] = new((g, id, c, e) => g.GetGrain<INetworkGrain>(id).Record(c, (NetworkEvent)e), (g, id) => g.GetGrain<INetworkGrain>(id)),
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
