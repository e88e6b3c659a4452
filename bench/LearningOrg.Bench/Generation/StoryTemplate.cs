using System.Text.Json.Nodes;
using LearningOrg.Bench.Harness;
using LearningOrg.Demo;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;

namespace LearningOrg.Bench.Generation;

/// <summary>
/// The demo story as the grains record it: sent through the grains (so the rules apply and the follow-ups a command
/// causes in other streams are written), then read back in the order of the store. Every generator scales this, so the
/// benchmark data has the demo's mix of event types and its shapes.
/// </summary>
public sealed class StoryTemplate(IReadOnlyList<TemplateEvent> events)
{
    /// <summary>Every event of the story, in the order the store recorded them.</summary>
    public IReadOnlyList<TemplateEvent> Events => events;

    /// <summary>Every aggregate id of the story: its schools, teachers, initiative and network.</summary>
    public IReadOnlySet<string> AggregateIds { get; } = events.Select(e => e.AggregateId).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<string> Schools { get; } =
        [.. events.Where(e => e.Aggregate == "school").Select(e => e.AggregateId).Distinct(StringComparer.Ordinal)];

    public DateTimeOffset Start => events.Min(e => e.OccurredAt);

    public DateTimeOffset End => events.Max(e => e.OccurredAt);

    public static async Task<StoryTemplate> RecordAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var schema = await context.FreshSchemaAsync("template", cancellationToken);
        await using var silo = await BenchSilo.StartAsync(context.ConnectionString, schema, cancellationToken);
        await DemoSeeder.SeedAsync(silo.Grains, NullLogger.Instance, cancellationToken);

        await using var session = silo.Store.QuerySession();
        var recorded = await session.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var serializer = silo.Store.Options.Serializer();
        var template = new StoryTemplate(
        [
            .. recorded.Select(e => new TemplateEvent(
                e.Id, e.StreamKey!, e.Version, e.EventTypeName, ((Domain.Common.DomainEvent)e.Data).OccurredAt, e.UserName, e.CausationId,
                JsonNode.Parse(serializer.ToJson(e.Data))!.AsObject())),
        ]);
        context.Say($"Demo story recorded: {template.Events.Count} events in {template.AggregateIds.Count} streams");
        return template;
    }
}
