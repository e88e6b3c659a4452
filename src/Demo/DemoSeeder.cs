using LearningOrg.Grains.Abstractions;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Demo;

/// <summary>What a seeding did.</summary>
/// <param name="Steps">The story's steps, all of which were sent.</param>
/// <param name="Recorded">Steps recorded now, for the first time.</param>
/// <param name="Replayed">Steps recorded by an earlier seeding, answered from its record and changing nothing.</param>
/// <param name="EventsAppended">
/// Events appended now to the streams the steps address. The grains' own follow-ups (a teacher joining the staff on
/// registration, taking a role on assignment) go to other streams and are not counted here.
/// </param>
public sealed record DemoSeedSummary(int Steps, int Recorded, int Replayed, int EventsAppended);

/// <summary>
/// Sends the demo story to the grains. Every step carries its fixed command id, so seeding a store that already holds
/// the story records nothing (each step gets its earlier answer), and a seeding interrupted half-way completes when run
/// again.
/// </summary>
public static class DemoSeeder
{
    public static async Task<DemoSeedSummary> SeedAsync(IGrainFactory grains, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(logger);
        var steps = DemoStory.Steps;
        logger.LogInformation("Seeding the demo story: {Steps} steps from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}",
            steps.Count, steps[0].OccurredAt, steps[^1].OccurredAt);

        int recorded = 0, replayed = 0, events = 0;
        foreach (var step in steps)
        {
            ct.ThrowIfCancellationRequested();
            CommandOutcome outcome;
            try
            {
                outcome = await step.Send(grains, new CommandContext(step.CommandId, DemoIds.RecordedBy));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"Demo step {step.Description} failed: {e.Message}", e);
            }
            if (outcome.Violation is { Code: "idempotency-key-reused" } && recorded == 0)
            {
                // The story's command ids follow its steps, so an edited story meets its own earlier edition here.
                throw new InvalidOperationException(
                    $"Demo step {step.Description} was rejected (idempotency-key-reused): its command id was recorded for another command. " +
                    "Most likely this database holds an earlier edition of " +
                    "the demo story. Seed into an empty database (infra/postgres.sh reset drops and recreates the private one) " +
                    "or another schema (LearningOrg:Schema).");
            }
            if (outcome.Violation is { } violation)
            {
                throw new InvalidOperationException(
                    $"Demo step {step.Description} was rejected ({violation.Kind}, {violation.Code}" +
                    $"{(violation.Field is null ? "" : $", field {violation.Field}")}): {violation.Message}");
            }
            if (outcome.Replayed)
            {
                replayed++;
            }
            else
            {
                recorded++;
                events += outcome.EventsAppended;
            }
        }

        var summary = new DemoSeedSummary(steps.Count, recorded, replayed, events);
        logger.LogInformation("Demo story seeded: {Recorded} steps recorded ({Events} events), {Replayed} already recorded before",
            summary.Recorded, summary.EventsAppended, summary.Replayed);
        return summary;
    }
}
