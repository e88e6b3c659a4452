using LearningOrg.Domain.Common;
using LearningOrg.Domain.Networks;

namespace LearningOrg.Domain.Culture;

/// <summary>A school's spell in a network; <see cref="To"/> is null while it lasts.</summary>
public sealed record MembershipSpell(string SchoolId, DateTimeOffset From, DateTimeOffset? To)
{
    public bool Covers(DateTimeOffset at) => From <= at && (To is null || at < To);
}

/// <summary>Which schools belonged to a network when, from its events in the order they happened.</summary>
public static class NetworkMembership
{
    /// <summary>Every spell of every school, in the order the schools joined.</summary>
    public static IReadOnlyList<MembershipSpell> Spells(IEnumerable<DomainEvent> networkEvents)
    {
        var spells = new List<MembershipSpell>();
        foreach (var @event in networkEvents.OrderBy(e => e.OccurredAt))
        {
            switch (@event)
            {
                case SchoolJoinedNetwork e:
                    spells.Add(new MembershipSpell(e.SchoolId, e.OccurredAt, null));
                    break;
                case SchoolLeftNetwork e:
                    var open = spells.FindLastIndex(s => s.SchoolId == e.SchoolId && s.To is null);
                    if (open >= 0)
                    {
                        spells[open] = spells[open] with { To = e.OccurredAt };
                    }
                    break;
                default:
                    break;
            }
        }
        return spells;
    }

    /// <summary>The schools in the network at <paramref name="at"/>, in the order they joined.</summary>
    public static IReadOnlyList<string> MembersAt(IEnumerable<DomainEvent> networkEvents, DateTimeOffset at) =>
        [.. Spells(networkEvents).Where(s => s.Covers(at)).Select(s => s.SchoolId).Distinct(StringComparer.Ordinal)];

    /// <summary>Every school that has ever been in the network, in the order they first joined.</summary>
    public static IReadOnlyList<string> EverMembers(IEnumerable<DomainEvent> networkEvents) =>
        [.. Spells(networkEvents).Select(s => s.SchoolId).Distinct(StringComparer.Ordinal)];
}
