using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.EventSourcing;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.Schools;

public sealed class SchoolGrain(EventSourcedGrainServices services, ILogger<SchoolGrain> logger)
    : EventSourcedGrain<School, SchoolState, SchoolEvent>(services, logger), ISchoolGrain
{
    protected override string AggregateKind => StreamKeys.School;

    protected override IEnumerable<string> SchoolsConcerned(SchoolEvent appended, SchoolState newState) => [Id];

    public Task<CommandOutcome> Record(CommandContext context, SchoolEvent proposed) => Decide(context, proposed);
}
