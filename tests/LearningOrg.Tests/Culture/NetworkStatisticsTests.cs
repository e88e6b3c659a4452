using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;
using static LearningOrg.Domain.Schools.LeadershipStage;

namespace LearningOrg.Tests.Culture;

/// <summary>The network's spread of an indicator and the agreement of derived with assessed stages, computed by hand.</summary>
public sealed class NetworkStatisticsTests
{
    [Fact]
    public void Quartiles_interpolate_between_order_statistics_and_nulls_are_left_out()
    {
        // Sorted 0.1, 0.2, 0.4, 0.8: h = 3p → Q1 at 0.75: 0.1 + 0.75·0.1 = 0.175; median at 1.5: 0.3; Q3 at 2.25: 0.4 + 0.25·0.4 = 0.5.
        var spread = Spread.Of([0.4, null, 0.1, 0.8, 0.2]);

        Assert.Equal(new Spread(4, 0.3, 0.175, 0.5), spread);
    }

    [Fact]
    public void One_school_is_its_own_median_and_quartiles_and_none_gives_nulls()
    {
        Assert.Equal(new Spread(1, 0.25, 0.25, 0.25), Spread.Of([0.25]));
        Assert.Equal(new Spread(0, null, null, null), Spread.Of([null, null]));
    }

    [Fact]
    public void Weighted_kappa_of_a_near_miss_is_computed_with_quadratic_weights()
    {
        // Observed: three exact, one Emerging assessed as derived Developing (weight 8/9): Po = 35/36.
        // Margins: assessed ¼ each; derived Flat ¼, Developing ½, Shared ¼: Pe = 26/36. κ = (9/36)/(10/36) = 0.9.
        var agreement = StageAgreement.Of([(Flat, Flat), (Emerging, Developing), (Developing, Developing), (Shared, Shared)]);

        Assert.Equal((4, 0.9, 0.75), (agreement.Pairs, agreement.WeightedKappa!.Value, agreement.ExactAgreement!.Value));
        Assert.Equal(1, agreement.Table[(int)Emerging][(int)Developing]);
    }

    [Fact]
    public void Perfect_agreement_is_1_and_too_little_or_no_variation_gives_no_kappa()
    {
        Assert.Equal(1.0, StageAgreement.Of([(Flat, Flat), (Shared, Shared)]).WeightedKappa);
        Assert.Null(StageAgreement.Of([(Flat, Flat)]).WeightedKappa);
        Assert.Null(StageAgreement.Of([(Emerging, Emerging), (Emerging, Emerging)]).WeightedKappa);
        Assert.Equal((0, (double?)null), (StageAgreement.Of([]).Pairs, StageAgreement.Of([]).ExactAgreement));
    }

    [Fact]
    public void Derived_stages_opposite_to_assessed_ones_give_a_negative_kappa()
    {
        // Po = 0 (weights 0 at distance 3); Pe = ½·½·(1 + 1 + 0 + 0) = ½: κ = −1.
        var agreement = StageAgreement.Of([(Flat, Shared), (Shared, Flat)]);

        Assert.Equal(-1.0, agreement.WeightedKappa);
    }

    [Fact]
    public void Each_assessment_is_paired_with_the_stage_derived_at_its_instant()
    {
        var at = new DateTimeOffset(2024, 3, 15, 12, 0, 0, TimeSpan.Zero);
        var history = History.School(staffCount: 10)
            .Stage(Emerging, at.AddDays(-200))
            .Role("facilitator", 2, at.AddDays(-100))
            .Assign("facilitator", "t1", at.AddDays(-90)).Assign("facilitator", "t2", at.AddDays(-90))
            .Decision("a", DecisionMode.StaffConsensus, at.AddDays(-20))
            .Stage(Shared, at);

        Assert.Equal([(Emerging, Flat), (Shared, Shared)], history.Trajectory().AssessedAgainstDerived());
    }
}
