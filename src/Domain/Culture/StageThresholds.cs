using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Culture;

/// <summary>
/// The stage the indicators point to, as opposed to the stage a review team assessed. A stage is reached when all
/// its conditions hold; a condition on an indicator that is null does not hold. Thresholds apply to the rounded
/// values the API shows. They are judgements, set so that the demo's schools are read the way their review teams
/// read them, not estimated from data; the agreement with assessed stages (weighted kappa) says how far to trust them.
/// <list type="table">
/// <item><term>Shared</term><description>density ≥ 0.20, shared share ≥ 0.50 and centralization ≤ 0.50</description></item>
/// <item><term>Developing</term><description>density ≥ 0.10 and shared share ≥ 0.40</description></item>
/// <item><term>Emerging</term><description>density ≥ 0.08, or at least one teacher leader and shared share ≥ 0.25</description></item>
/// <item><term>Flat</term><description>otherwise</description></item>
/// </list>
/// </summary>
public static class StageThresholds
{
    public const double SharedDensity = 0.20;
    public const double SharedShare = 0.50;
    public const double SharedMaxCentralization = 0.50;
    public const double DevelopingDensity = 0.10;
    public const double DevelopingShare = 0.40;
    public const double EmergingDensity = 0.08;
    public const double EmergingShare = 0.25;

    public static LeadershipStage Derive(double? density, double? sharedShare, double? centralization)
    {
        if (density >= SharedDensity && sharedShare >= SharedShare && centralization <= SharedMaxCentralization)
        {
            return LeadershipStage.Shared;
        }
        if (density >= DevelopingDensity && sharedShare >= DevelopingShare)
        {
            return LeadershipStage.Developing;
        }
        // Shared decisions alone do not make a school Emerging: some teacher must hold a teacher-leadership role.
        return density >= EmergingDensity || (density > 0 && sharedShare >= EmergingShare) ? LeadershipStage.Emerging : LeadershipStage.Flat;
    }
}
