using LearningOrg.Domain;
using LearningOrg.Domain.Initiatives;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.EventSourcing;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.Initiatives;

public sealed class InitiativeGrain(EventSourcedGrainServices services, ILogger<InitiativeGrain> logger)
    : EventSourcedGrain<Initiative, InitiativeState, InitiativeEvent>(services, logger), IInitiativeGrain
{
    protected override string AggregateKind => StreamKeys.Initiative;

    /// <summary>The schools the event names; an intervention's completion, the school where it started.</summary>
    protected override IEnumerable<string> SchoolsConcerned(InitiativeEvent appended, InitiativeState newState) => appended switch
    {
        InterventionCompleted completed when newState.Interventions.TryGetValue(completed.InterventionId, out var intervention) =>
            [intervention.Start.SchoolId],
        _ => EventCatalog.For(appended).Touched(appended, StreamKeys.School),
    };

    public async Task<CommandOutcome> Record(CommandContext context, InitiativeEvent proposed)
    {
        if (proposed is SchoolEnrolled e && State is not null && !State.EnrolledSchools.ContainsKey(e.SchoolId)
            && await CrossChecks.SchoolExists(GrainFactory, e.SchoolId, e.OccurredAt) is { } missing)
        {
            return await Refuse(context, proposed, missing);
        }
        return await Decide(context, proposed);
    }
}
