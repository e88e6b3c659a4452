using System.Collections.Immutable;
using LearningOrg.Domain.Common;

namespace LearningOrg.Domain.Networks;

/// <summary>An event in a network's stream.</summary>
[GenerateSerializer]
public abstract record NetworkEvent : DomainEvent;

/// <summary>Schools that agree to compare themselves on the same measures.</summary>
[GenerateSerializer, Alias("NetworkFormed.v1")]
[Meaning("Schools agreed to compare themselves on the same measures; the network's stream begins.")]
[Command(CommandAttribute.Creation, "Form a network")]
public sealed record NetworkFormed([property: Id(0)] string Name, [property: Id(1)] string Purpose) : NetworkEvent;

[GenerateSerializer, Alias("SchoolJoinedNetwork.v1")]
[Meaning("A school joined the network.")]
[Command("members", "Record that a school joined the network")]
public sealed record SchoolJoinedNetwork([property: Id(0), Touches(AggregateKind.School)] string SchoolId) : NetworkEvent;

[GenerateSerializer, Alias("SchoolLeftNetwork.v1")]
[Meaning("A school left the network.")]
[Command("departures", "Record that a school left the network")]
public sealed record SchoolLeftNetwork([property: Id(0), Touches(AggregateKind.School)] string SchoolId) : NetworkEvent;

[GenerateSerializer, Immutable]
[SnapshotFormat(3)]
public sealed record NetworkState(
    [property: Id(0)] string Name,
    [property: Id(1)] string Purpose,
    [property: Id(2)] DateTimeOffset FormedAt,
    [property: Id(3)] ImmutableDictionary<string, DateTimeOffset> Members);

/// <summary>The network aggregate: its rules and its fold.</summary>
public sealed class Network : IAggregate<NetworkState, NetworkEvent>
{
    public static bool IsCreation(NetworkEvent @event) => @event is NetworkFormed;

    public static NetworkState Create(NetworkEvent creation) => creation is NetworkFormed e
        ? new NetworkState(e.Name, e.Purpose, e.OccurredAt, [])
        : throw new InvalidOperationException($"A network's stream must begin with {nameof(NetworkFormed)}, not {creation.GetType().Name}.");

    public static NetworkState Apply(NetworkState state, NetworkEvent @event) => @event switch
    {
        SchoolJoinedNetwork e => state with { Members = state.Members.SetItem(e.SchoolId, e.OccurredAt) },
        SchoolLeftNetwork e => state with { Members = state.Members.Remove(e.SchoolId) },
        NetworkFormed => state,
        _ => throw new UnhandledEventException(AggregateKind.Network, @event),
    };

    public static Decision<NetworkEvent> Decide(NetworkState? state, NetworkEvent proposed, DateTimeOffset now)
    {
        if (Aggregate.CheckLifecycle<Network, NetworkState, NetworkEvent>(state, proposed, "network") is { } lifecycle)
        {
            return lifecycle;
        }
        var violation = Check.OccurredAt(proposed.OccurredAt, now, state?.FormedAt, "the network's formation") ?? proposed switch
        {
            NetworkFormed e => Check.Text(e.Name, "name", Limits.Name) ?? Check.Text(e.Purpose, "purpose", Limits.Note),
            SchoolJoinedNetwork e => Check.Id(e.SchoolId, "schoolId")
                ?? (state!.Members.ContainsKey(e.SchoolId) ? RuleViolation.Conflict("already-member", $"School {e.SchoolId} is already in the network.", "schoolId") : null),
            SchoolLeftNetwork e => Check.Id(e.SchoolId, "schoolId")
                ?? (!state!.Members.TryGetValue(e.SchoolId, out var since)
                    ? RuleViolation.Conflict("not-member", $"School {e.SchoolId} is not in the network.", "schoolId")
                    : e.OccurredAt < since ? RuleViolation.Conflict("before-history", "A school cannot leave before it joined.", "occurredAt") : null),
            _ => RuleViolation.Invalid("type", $"{proposed.GetType().Name} is not a network event."),
        };
        return violation is null ? Decision<NetworkEvent>.Accept(proposed) : violation;
    }
}
