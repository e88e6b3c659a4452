using JasperFx.Events;
using LearningOrg.Domain;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using Marten;
using Marten.Events.Projections;

namespace LearningOrg.ReadModels;

/// <summary>
/// Counts each school's events by month and kind (<see cref="SchoolMonthActivity"/>). It runs in the async daemon,
/// not inline: a count is not needed the moment a write returns, and the daemon keeps it off the command path. The
/// daemon commits each batch's documents with its progress in one transaction, so after a restart or a failover a
/// batch is either counted and marked done, or neither.
/// </summary>
public sealed class SchoolActivityProjection : IProjection
{
    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var counted = events
            .Where(e => e.Data is SchoolEvent && e.StreamKey is not null)
            .Select(e => (School: StreamKeys.Parse(e.StreamKey!).Id, Month: SchoolMonthActivity.MonthOf(((SchoolEvent)e.Data).OccurredAt), Kind: EventCatalog.For(e.Data.GetType()).Kind))
            .GroupBy(e => SchoolMonthActivity.IdFor(e.School, e.Month))
            .ToList();
        if (counted.Count == 0)
        {
            return;
        }

        var existing = (await operations.LoadManyAsync<SchoolMonthActivity>(cancellation, counted.Select(g => g.Key)))
            .ToDictionary(a => a.Id);
        foreach (var group in counted)
        {
            var first = group.First();
            var byKind = existing.TryGetValue(group.Key, out var before) ? new Dictionary<string, int>(before.ByKind) : [];
            foreach (var e in group)
            {
                byKind[e.Kind] = byKind.GetValueOrDefault(e.Kind) + 1;
            }
            operations.Store(new SchoolMonthActivity(group.Key, first.School, first.Month, (before?.Events ?? 0) + group.Count(), byKind));
        }
    }
}
