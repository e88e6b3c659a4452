using LearningOrg.Bench.Generation;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;
using LearningOrg.Grains.Abstractions;
using Marten;

namespace LearningOrg.Bench.Ingest;

/// <summary>A command for a grain called in this process: the aggregate's id, the event and its command id.</summary>
public sealed record GrainCommand(string AggregateId, DomainEvent Event, string CommandId);

/// <summary>
/// The same commands sent straight to the grains in the bench's own silo, without HTTP: what the API layer costs is
/// the difference between this and the API process.
/// </summary>
public sealed class GrainCommands(IGrainFactory grains)
{
    public const string RecordedBy = "bench-ingest";

    public static IReadOnlyList<IReadOnlyList<GrainCommand>> Prepare(IngestWorkload workload, ISerializer serializer) =>
    [
        .. workload.Queues.Select(queue =>
            (IReadOnlyList<GrainCommand>)[.. queue.Select(e => new GrainCommand(e.AggregateId, e.ToEvent(serializer), $"bench-{e.EventId:N}"))]),
    ];

    public async Task<(SendOutcome Outcome, string? Problem)> SendAsync(GrainCommand command, CancellationToken cancellationToken)
    {
        var context = new CommandContext(command.CommandId, RecordedBy);
        var outcome = await grains.RecordAsync(command.AggregateId, context, command.Event);
        return outcome switch
        {
            { IsAccepted: true, Replayed: true } => (SendOutcome.Replayed, null),
            { IsAccepted: true } => (SendOutcome.Accepted, null),
            _ => (SendOutcome.Rejected, $"{outcome.Violation!.Kind} {outcome.Violation.Code}"),
        };
    }
}
