using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Tests.Culture;

public sealed class CoParticipationTests
{
    private static CoParticipation Graph(params (string A, string B)[] edges)
    {
        var graph = new CoParticipation();
        foreach (var (a, b) in edges)
        {
            graph.Link(a, b);
        }
        return graph;
    }

    [Fact]
    public void A_star_has_centralization_1()
    {
        var star = Graph(("hub", "a"), ("hub", "b"), ("hub", "c"), ("hub", "d"));

        // Degrees 4,1,1,1,1: Σ(4 − d) = 12 = (5 − 1)(5 − 2).
        Assert.Equal(1.0, star.Centralization());
    }

    [Fact]
    public void A_triangle_has_centralization_0()
    {
        Assert.Equal(0.0, Graph(("a", "b"), ("b", "c"), ("a", "c")).Centralization());
    }

    [Fact]
    public void A_path_of_four_has_centralization_one_third()
    {
        // Degrees 1,2,2,1: Σ(2 − d) = 2; (4 − 1)(4 − 2) = 6.
        Assert.Equal(2.0 / 6.0, Graph(("a", "b"), ("b", "c"), ("c", "d")).Centralization()!.Value, 10);
    }

    [Fact]
    public void Isolated_nodes_count_with_degree_0()
    {
        var graph = Graph(("a", "b"));
        graph.Node("c");

        // Degrees 1,1,0: Σ(1 − d) = 1; (3 − 1)(3 − 2) = 2.
        Assert.Equal(0.5, graph.Centralization());
    }

    [Fact]
    public void No_nodes_and_two_nodes_have_no_centralization_and_one_node_has_1()
    {
        Assert.Null(new CoParticipation().Centralization());
        Assert.Null(Graph(("a", "b")).Centralization());
        var alone = new CoParticipation();
        alone.Node(CoParticipation.Principal);
        Assert.Equal(1.0, alone.Centralization());
    }

    [Fact]
    public void Principal_consulted_links_the_principal_to_each_participant_only()
    {
        var graph = new CoParticipation();
        graph.Add(DecisionMode.PrincipalConsulted, ["a", "b", "c"]);

        Assert.Equal(4, graph.Nodes);
        Assert.Equal(3, graph.Degrees[CoParticipation.Principal]);
        Assert.Equal(1, graph.Degrees["a"]);
        Assert.Equal(1, graph.Degrees["b"]);
        Assert.Equal(1, graph.Degrees["c"]);
        Assert.Equal(1.0, graph.Centralization());
    }

    [Fact]
    public void Shared_and_staff_consensus_link_the_principal_and_every_participant_pairwise()
    {
        foreach (var mode in (DecisionMode[])[DecisionMode.Shared, DecisionMode.StaffConsensus])
        {
            var graph = new CoParticipation();
            graph.Add(mode, ["a", "b", "c"]);

            Assert.Equal(4, graph.Nodes);
            Assert.All(graph.Degrees.Values, d => Assert.Equal(3, d));
            Assert.Equal(0.0, graph.Centralization());
        }
    }

    [Fact]
    public void Teacher_led_decisions_leave_the_principal_out()
    {
        var graph = new CoParticipation();
        graph.Add(DecisionMode.TeacherLed, ["a", "b", "c"]);

        Assert.Equal(3, graph.Nodes);
        Assert.False(graph.Degrees.ContainsKey(CoParticipation.Principal));
        Assert.Equal(0.0, graph.Centralization());
    }

    [Fact]
    public void A_principal_alone_decision_makes_the_principal_a_node_without_links()
    {
        var graph = new CoParticipation();
        graph.Add(DecisionMode.PrincipalAlone, []);
        graph.Add(DecisionMode.TeacherLed, ["a", "b"]);

        // Degrees: principal 0, a 1, b 1: Σ(1 − d) = 1; (3 − 1)(3 − 2) = 2.
        Assert.Equal(0, graph.Degrees[CoParticipation.Principal]);
        Assert.Equal(0.5, graph.Centralization());
    }

    [Fact]
    public void Two_decisions_sharing_a_pair_link_it_once()
    {
        var graph = new CoParticipation();
        graph.Add(DecisionMode.TeacherLed, ["a", "b"]);
        graph.Add(DecisionMode.TeacherLed, ["a", "b", "c"]);

        Assert.Equal(2, graph.Degrees["a"]);
        Assert.Equal(0.0, graph.Centralization());
    }
}
