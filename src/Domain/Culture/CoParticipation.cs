using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Culture;

/// <summary>
/// The decision co-participation graph: who took part in the same decisions as whom. Its nodes are the teachers who
/// took part in a decision and, for the decisions the principal took part in, the principal (one node for the office,
/// whoever holds it). Edges are undirected and unweighted: two people are linked once however many decisions they
/// shared.
/// </summary>
public sealed class CoParticipation
{
    /// <summary>The principal's node. It is not a valid identifier, so no teacher can share it.</summary>
    public const string Principal = "(principal)";

    private readonly Dictionary<string, HashSet<string>> neighbours = new(StringComparer.Ordinal);

    /// <summary>The number of people in the graph.</summary>
    public int Nodes => neighbours.Count;

    /// <summary>Each person's degree: the number of distinct others they shared a decision with.</summary>
    public IReadOnlyDictionary<string, int> Degrees => neighbours.ToDictionary(n => n.Key, n => n.Value.Count, StringComparer.Ordinal);

    /// <summary>The graph of some decisions.</summary>
    public static CoParticipation Of(IEnumerable<DecisionRecorded> decisions)
    {
        var graph = new CoParticipation();
        foreach (var decision in decisions)
        {
            graph.Add(decision.Mode, decision.Participants.IsDefault ? [] : [.. decision.Participants]);
        }
        return graph;
    }

    /// <summary>
    /// Adds one decision. PrincipalAlone and PrincipalConsulted: the principal, linked to each participant (a star: the
    /// decision ran through the principal). Shared and StaffConsensus: the principal and the participants, all linked
    /// pairwise. TeacherLed: the participants only, linked pairwise.
    /// </summary>
    public void Add(DecisionMode mode, IReadOnlyCollection<string> participants)
    {
        var people = participants.Distinct(StringComparer.Ordinal).ToList();
        switch (mode)
        {
            case DecisionMode.PrincipalAlone or DecisionMode.PrincipalConsulted:
                Node(Principal);
                foreach (var person in people)
                {
                    Link(Principal, person);
                }
                break;
            case DecisionMode.Shared or DecisionMode.StaffConsensus:
                Clique([Principal, .. people]);
                break;
            case DecisionMode.TeacherLed:
                Clique(people);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown decision mode.");
        }
    }

    /// <summary>Adds a person with no link yet.</summary>
    public void Node(string person)
    {
        if (!neighbours.ContainsKey(person))
        {
            neighbours[person] = new HashSet<string>(StringComparer.Ordinal);
        }
    }

    /// <summary>Links two people (and adds them).</summary>
    public void Link(string a, string b)
    {
        Node(a);
        Node(b);
        if (a != b)
        {
            neighbours[a].Add(b);
            neighbours[b].Add(a);
        }
    }

    private void Clique(List<string> people)
    {
        for (var i = 0; i < people.Count; i++)
        {
            Node(people[i]);
            for (var j = i + 1; j < people.Count; j++)
            {
                Link(people[i], people[j]);
            }
        }
    }

    /// <summary>
    /// Freeman's degree centralization: Σ(max degree − degree_i) / ((n−1)(n−2)) over the n nodes. 1 for a star (every
    /// link runs through one person), 0 when every person has the same degree. With one node it is 1 (every decision
    /// involved that one person alone); with none, or with two (who cannot be ranked against each other), it is null.
    /// </summary>
    public double? Centralization()
    {
        var n = neighbours.Count;
        if (n == 0 || n == 2)
        {
            return null;
        }
        if (n == 1)
        {
            return 1;
        }
        var degrees = neighbours.Values.Select(v => v.Count).ToList();
        var max = degrees.Max();
        var sum = degrees.Sum(d => (long)(max - d));
        return (double)sum / ((long)(n - 1) * (n - 2));
    }
}
