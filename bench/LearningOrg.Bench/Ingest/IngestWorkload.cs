using LearningOrg.Bench.Generation;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;

namespace LearningOrg.Bench.Ingest;

/// <summary>
/// Scenario 1's data: copies of the demo story, enough for the schools asked for. Each copy's history up to the
/// story's middle date is set up in the store beforehand; the events from that date on are sent as commands, each
/// copy by one client, in story order, so the rules see what they saw when the story was recorded.
/// </summary>
/// <param name="Seeded">The first half of every copy (by date), written before the measured phase.</param>
/// <param name="Queues">Per client: the commands of its copies, in story order, the copies interleaved.</param>
/// <param name="SeededVersions">Each stream's version after the seeded half, where the raw baseline's appends continue.</param>
public sealed record IngestWorkload(
    int Copies,
    int Schools,
    DateTimeOffset Cut,
    IReadOnlyList<TemplateEvent> Seeded,
    IReadOnlyList<IReadOnlyList<TemplateEvent>> Queues,
    IReadOnlyDictionary<string, long> SeededVersions)
{
    /// <summary>Events the grains write themselves as the second write of a two-aggregate command (see docs/two-aggregate-operations.md).</summary>
    private static readonly HashSet<string> FollowUpTypes = [.. EventCatalog.All.Where(t => t.IsFollowUpOnly).Select(t => t.Name)];

    public long Commands => Queues.Sum(q => (long)q.Count);

    public static IngestWorkload Build(StoryTemplate template, int schools, int clients)
    {
        var copies = Math.Max(1, (int)Math.Ceiling(schools / (double)template.Schools.Count));
        var dates = template.Events.Select(e => e.OccurredAt).Order().ToList();
        var cut = dates[dates.Count / 2];
        var seeded = new List<TemplateEvent>();
        var perClient = Enumerable.Range(0, clients).Select(_ => new List<(int Index, int Copy, TemplateEvent Event)>()).ToList();
        for (var copy = 0; copy < copies; copy++)
        {
            var index = 0;
            foreach (var e in ScaledStory.Copy(template, copy))
            {
                if (e.OccurredAt < cut)
                {
                    seeded.Add(e);
                }
                else if (!IsFollowUp(e))
                {
                    perClient[copy % clients].Add((index, copy, e));
                }
                index++;
            }
        }
        var versions = seeded.GroupBy(e => e.StreamKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        IReadOnlyList<IReadOnlyList<TemplateEvent>> queues =
        [
            .. perClient.Select(q => (IReadOnlyList<TemplateEvent>)[.. q.OrderBy(c => c.Index).ThenBy(c => c.Copy).Select(c => c.Event)]),
        ];
        return new IngestWorkload(copies, copies * template.Schools.Count, cut, seeded, queues, versions);
    }

    private static bool IsFollowUp(TemplateEvent e) =>
        FollowUpTypes.Contains(e.Type)
        || (e.CommandId is { } id && id.Split('/').Skip(1).Any(segment => FollowUp.Steps.Contains(segment, StringComparer.Ordinal)));
}
