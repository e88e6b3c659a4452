using LearningOrg.EventStore;
using Marten;
using Weasel.Core;

namespace LearningOrg.ReadModels;

/// <summary>
/// Builds the indicator table again from the recorded events: every school's history is read once, in groups that
/// share round trips, and its rows computed once, then written by bulk copy. Replaying the events batch by batch
/// through <see cref="IndicatorProjection"/> would compute a school again for every batch that touches it.
/// </summary>
public static class IndicatorRebuild
{
    /// <summary>How many schools share a read of their histories and a bulk write of their rows.</summary>
    public const int SchoolsPerGroup = 100;

    public static async Task RebuildAsync(IDocumentStore store, CancellationToken cancellation)
    {
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(SchoolMonthIndicators), cancellation);
        await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(SchoolIndicatorSummary), cancellation);
        var schoolIds = await new EventReader(store).StreamIdsAsync(StreamKeys.For(StreamKeys.School, ""), cancellation);
        var reader = new SchoolHistoryReader(store);
        foreach (var group in schoolIds.Chunk(SchoolsPerGroup))
        {
            var histories = await reader.ReadSchoolsAsync(group, cancellation);
            var computed = histories.Values.Select(h => SchoolIndicatorSummary.Compute(h)).ToList();
            await store.BulkInsertAsync<SchoolIndicatorSummary>([.. computed.Select(c => c.Summary)], BulkInsertMode.OverwriteExisting, cancellation: cancellation);
            await store.BulkInsertAsync<SchoolMonthIndicators>([.. computed.SelectMany(c => c.Rows)], BulkInsertMode.OverwriteExisting, cancellation: cancellation);
        }
    }
}
