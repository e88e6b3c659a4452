using JasperFx.Events;
using LearningOrg.Domain.Common;
using Marten;

namespace LearningOrg.EventStore;

/// <summary>
/// <see cref="LadderStep"/> events of a stream, from just after the previous segment's end up to <see cref="ToVersion"/>,
/// and the earliest and latest occurredAt among them.
/// </summary>
public sealed record LadderSegment(long ToVersion, DateTimeOffset Earliest, DateTimeOffset Latest);

/// <summary>
/// A long stream's as-of ladder: its events cut into segments of <see cref="EventReader.LadderStep"/>, each with the
/// dates its events happened between, and a rung (a <see cref="Snapshot{TState}"/> of the fold of every event up to the
/// segment's end, id <c>{stream}@{version}</c>) at the end of each. A cache of the stream, rebuilt from it when its
/// <see cref="Format"/> is not the snapshots' current one, and deleted with the snapshot when the stream is masked.
/// </summary>
public sealed record AsOfLadder(string Id, int Format, IReadOnlyList<LadderSegment> Segments)
{
    public long End => Segments.Count == 0 ? 0 : Segments[^1].ToVersion;
}

/// <summary>The state as of a date: from the highest rung of the as-of ladder whose events had all happened by then.</summary>
public sealed partial class EventReader
{
    /// <summary>Events per segment of the as-of ladder; a stream shorter than this has no ladder and is folded whole.</summary>
    public const int LadderStep = 250;

    /// <summary>
    /// The state as of <paramref name="asOf"/> in valid time: the fold of the events that had happened by then
    /// (occurredAt on or before it), in stream order. Null when none had.
    /// </summary>
    /// <remarks>
    /// A long stream is not read whole. The fold starts from the highest rung of its <see cref="AsOfLadder"/> below which
    /// every event had happened by the date (so the rung's state is exactly the fold of those events), and goes on with
    /// the later events that had happened by then, read only from the segments whose earliest event is not after the
    /// date, and from the events after the ladder's end. An event entered late with an early date is such an event: its
    /// segment is read, and the rungs from it on are not used for dates before it. The first read after the stream has
    /// grown by a segment writes the new rungs.
    /// </remarks>
    public async Task<(TState? State, long LastVersion, int Events)> FoldAsOfAsync<TAggregate, TState, TEvent>(
        string streamKey, DateTimeOffset asOf, CancellationToken cancellationToken)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        await using var session = store.QuerySession();
        var ladder = await ClimbableLadderAsync<TAggregate, TState, TEvent>(session, streamKey, cancellationToken);
        if (ladder is null)
        {
            var events = await session.Events.FetchStreamAsync(streamKey, token: cancellationToken);
            return FoldHappened<TAggregate, TState, TEvent>(null, 0, 0, events, asOf);
        }

        // The highest rung whose events had all happened by the date.
        var climbed = -1;
        var latest = DateTimeOffset.MinValue;
        foreach (var segment in ladder.Segments)
        {
            latest = Later(latest, segment.Latest);
            if (latest > asOf)
            {
                break;
            }
            climbed++;
        }
        TState? state = null;
        long from = 1;
        if (climbed >= 0)
        {
            var rung = await session.LoadAsync<Snapshot<TState>>(RungId(streamKey, ladder.Segments[climbed].ToVersion), cancellationToken);
            if (rung is not { IsCurrent: true })
            {
                // A rung gone missing (deleted by a masking between the two reads): fold the whole stream this time.
                var events = await session.Events.FetchStreamAsync(streamKey, token: cancellationToken);
                return FoldHappened<TAggregate, TState, TEvent>(null, 0, 0, events, asOf);
            }
            (state, from) = (rung.State, rung.Version + 1);
        }

        // Later segments holding an event that had happened by the date, then everything after the ladder, in one round trip.
        var batch = session.CreateBatchQuery();
        var reads = new List<Task<IReadOnlyList<IEvent>>>();
        var segmentStart = from;
        foreach (var segment in ladder.Segments.Skip(climbed + 1))
        {
            if (segment.Earliest <= asOf)
            {
                reads.Add(batch.Events.FetchStream(streamKey, segment.ToVersion, null, segmentStart));
            }
            segmentStart = segment.ToVersion + 1;
        }
        reads.Add(batch.Events.FetchStream(streamKey, 0, null, ladder.End + 1));
        await batch.Execute(cancellationToken);
        var later = new List<IEvent>();
        foreach (var read in reads)
        {
            later.AddRange(await read);
        }
        return FoldHappened<TAggregate, TState, TEvent>(state, from - 1, (int)(from - 1), later, asOf);
    }

    /// <summary>
    /// The stream's ladder, first extended over every whole segment after its end; null for a stream too short to
    /// have one. Written by whichever read finds it behind; two at once write the same rungs.
    /// </summary>
    private async Task<AsOfLadder?> ClimbableLadderAsync<TAggregate, TState, TEvent>(IQuerySession session, string streamKey, CancellationToken cancellationToken)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        var ladder = await session.LoadAsync<AsOfLadder>(streamKey, cancellationToken);
        if (ladder is null || ladder.Format != Snapshot<TState>.CurrentFormat)
        {
            ladder = null;
        }
        var head = (await session.Events.FetchStreamStateAsync(streamKey, cancellationToken))?.Version ?? 0;
        var end = ladder?.End ?? 0;
        if (head - end < LadderStep)
        {
            return ladder;
        }

        TState? state = null;
        if (end > 0)
        {
            var rung = await session.LoadAsync<Snapshot<TState>>(RungId(streamKey, end), cancellationToken);
            if (rung is { IsCurrent: true })
            {
                state = rung.State;
            }
            else
            {
                (ladder, end) = (null, 0);
            }
        }
        var newEnd = end + ((head - end) / LadderStep * LadderStep);
        var events = await session.Events.FetchStreamAsync(streamKey, version: newEnd, fromVersion: end + 1, token: cancellationToken);
        var segments = new List<LadderSegment>(ladder?.Segments ?? []);
        await using var write = store.LightweightSession();
        foreach (var chunk in events.Chunk(LadderStep))
        {
            var happened = chunk.Select(e => ((DomainEvent)e.Data).OccurredAt).ToList();
            state = Aggregate.Fold<TAggregate, TState, TEvent>(state, chunk.Select(e => (TEvent)e.Data));
            var version = chunk[^1].Version;
            write.Store(new Snapshot<TState>(RungId(streamKey, version), version, Snapshot<TState>.CurrentFormat, state!));
            segments.Add(new LadderSegment(version, happened.Min(), happened.Max()));
        }
        ladder = new AsOfLadder(streamKey, Snapshot<TState>.CurrentFormat, segments);
        write.Store(ladder);
        await write.SaveChangesAsync(cancellationToken);
        return ladder;
    }

    /// <summary>
    /// Folds onto <paramref name="state"/> (the fold of the first <paramref name="version"/> events, all of which had
    /// happened) the <paramref name="later"/> events, in stream order, that had happened by <paramref name="asOf"/>.
    /// </summary>
    private static (TState? State, long LastVersion, int Events) FoldHappened<TAggregate, TState, TEvent>(
        TState? state, long version, int count, IEnumerable<IEvent> later, DateTimeOffset asOf)
        where TAggregate : IAggregate<TState, TEvent>
        where TState : class
        where TEvent : DomainEvent
    {
        foreach (var @event in later.OrderBy(e => e.Version))
        {
            var data = (TEvent)@event.Data;
            if (data.OccurredAt <= asOf)
            {
                state = state is null ? TAggregate.Create(data) : TAggregate.Apply(state, data);
                (version, count) = (@event.Version, count + 1);
            }
        }
        return (state, version, count);
    }

    /// <summary>The id of the rung at <paramref name="version"/>; '@' cannot occur in a stream key, so no stream's rungs are another's.</summary>
    public static string RungId(string streamKey, long version) => $"{streamKey}@{version}";

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
