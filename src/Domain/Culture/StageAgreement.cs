using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Culture;

/// <summary>
/// How well the derived stage agrees with the assessed one: one pair per stage assessment, the assessed stage against
/// the stage the indicators pointed to at that instant. Cohen's weighted kappa with quadratic weights
/// w = 1 − (i − j)² / (k − 1)² over the k = 4 ordered stages (Cohen 1968): 1 for perfect agreement, 0 for what the two
/// margins give by chance; near misses (Developing for Shared) cost less than far ones (Flat for Shared).
/// </summary>
/// <param name="Pairs">Assessments paired with a derived stage.</param>
/// <param name="WeightedKappa">Rounded to 4 decimal places; null with fewer than two pairs, or when both sides put every pair in one same stage (chance agreement is then total).</param>
/// <param name="ExactAgreement">The share of pairs where the stages are equal; null without pairs.</param>
/// <param name="Table">Counts by assessed stage (rows) and derived stage (columns), Flat to Shared.</param>
public sealed record StageAgreement(int Pairs, double? WeightedKappa, double? ExactAgreement, IReadOnlyList<IReadOnlyList<int>> Table)
{
    public static StageAgreement Of(IEnumerable<(LeadershipStage Assessed, LeadershipStage Derived)> pairs)
    {
        var k = Enum.GetValues<LeadershipStage>().Length;
        var table = new int[k][];
        for (var i = 0; i < k; i++)
        {
            table[i] = new int[k];
        }
        var n = 0;
        foreach (var (assessed, derived) in pairs)
        {
            table[(int)assessed][(int)derived]++;
            n++;
        }
        IReadOnlyList<IReadOnlyList<int>> counts = [.. table.Select(row => (IReadOnlyList<int>)[.. row])];
        if (n == 0)
        {
            return new StageAgreement(0, null, null, counts);
        }
        var rows = table.Select(row => (double)row.Sum() / n).ToArray();
        var columns = Enumerable.Range(0, k).Select(j => (double)table.Sum(row => row[j]) / n).ToArray();
        double observed = 0, chance = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var weight = 1 - ((double)(i - j) * (i - j) / ((k - 1) * (k - 1)));
                observed += weight * table[i][j] / n;
                chance += weight * rows[i] * columns[j];
            }
        }
        var exact = Math.Round((double)Enumerable.Range(0, k).Sum(i => table[i][i]) / n, 4, MidpointRounding.AwayFromZero);
        double? kappa = n < 2 || 1 - chance < 1e-12
            ? null
            : Math.Round((observed - chance) / (1 - chance), 4, MidpointRounding.AwayFromZero);
        return new StageAgreement(n, kappa, exact, counts);
    }
}
