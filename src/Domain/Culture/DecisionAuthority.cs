using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Culture;

/// <summary>
/// Who holds the authority over a school's decisions. Each decision is one unit of authority, split equally among the
/// people who took it: the principal alone for <c>PrincipalAlone</c> and <c>PrincipalConsulted</c> (consulting is not
/// deciding); the principal and the participants for <c>Shared</c> and <c>StaffConsensus</c>; the participants for
/// <c>TeacherLed</c>. A <c>StaffConsensus</c> without participants listed is the whole staff's, spread evenly. A
/// <c>Shared</c> or <c>TeacherLed</c> decision without participants listed names no one who took it, so it is left out.
/// The principal is one person for the office, whoever holds it.
/// </summary>
public sealed class DecisionAuthority
{
    /// <summary>The principal's key. It is not a valid identifier, so no teacher can share it.</summary>
    public const string Principal = "(principal)";

    // Per person, how many decisions they took in a group of each size: the share is the sum of count/size taken in
    // the order of sizes, so it is the same number whatever order the decisions were added in.
    private readonly Dictionary<string, SortedDictionary<int, int>> takenBy = new(StringComparer.Ordinal);
    private int wholeStaffDecisions;

    /// <summary>The decisions whose deciders are known (the ones counted).</summary>
    public int Decisions { get; private set; }

    /// <summary>The authority of some decisions.</summary>
    public static DecisionAuthority Of(IEnumerable<DecisionRecorded> decisions)
    {
        var authority = new DecisionAuthority();
        foreach (var decision in decisions)
        {
            authority.Add(decision.Mode, decision.Participants.IsDefault ? [] : [.. decision.Participants]);
        }
        return authority;
    }

    /// <summary>Adds one decision.</summary>
    public void Add(DecisionMode mode, IReadOnlyCollection<string> participants)
    {
        var people = participants.Where(p => p != Principal).Distinct(StringComparer.Ordinal).ToList();
        switch (mode)
        {
            case DecisionMode.PrincipalAlone or DecisionMode.PrincipalConsulted:
                Give([Principal]);
                break;
            case DecisionMode.StaffConsensus when people.Count == 0:
                wholeStaffDecisions++;
                Decisions++;
                break;
            case DecisionMode.Shared or DecisionMode.StaffConsensus when people.Count > 0:
                Give([Principal, .. people]);
                break;
            case DecisionMode.TeacherLed when people.Count > 0:
                Give(people);
                break;
            case DecisionMode.Shared or DecisionMode.TeacherLed:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown decision mode.");
        }
    }

    /// <summary>
    /// The share of the authority held by the person who holds the most, among <paramref name="people"/> people (the
    /// principal and the staff); null without a counted decision or with fewer than two people.
    /// </summary>
    public double? LargestShare(int people)
    {
        var n = Math.Max(people, takenBy.Count);
        if (Decisions == 0 || n < 2)
        {
            return null;
        }
        var spread = (double)wholeStaffDecisions / n;
        var largest = takenBy.Count == 0 ? 0 : takenBy.Values.Max(Named);
        return (largest + spread) / Decisions;
    }

    /// <summary>
    /// Freeman's centralization index applied to the shares of authority s_i of the n people (the principal and the
    /// staff): Σ(max s − s_i) / max over every distribution of that sum = (n·max s − 1) / (n − 1). 1 when one person
    /// took every decision, 0 when everyone holds the same share; null as <see cref="LargestShare"/> is.
    /// </summary>
    public double? Centralization(int people)
    {
        var n = Math.Max(people, takenBy.Count);
        return LargestShare(people) is { } largest ? Math.Clamp(((n * largest) - 1) / (n - 1), 0, 1) : null;
    }

    private static double Named(SortedDictionary<int, int> groups) => groups.Sum(g => (double)g.Value / g.Key);

    private void Give(List<string> people)
    {
        foreach (var person in people)
        {
            if (!takenBy.TryGetValue(person, out var groups))
            {
                takenBy[person] = groups = [];
            }
            groups[people.Count] = groups.GetValueOrDefault(people.Count) + 1;
        }
        Decisions++;
    }
}
