using LearningOrg.Domain.Common;

namespace LearningOrg.Research;

/// <summary>A line of an import read and checked, ready to be sent to its aggregate's grain.</summary>
/// <param name="Number">Its line number in the file, from 1.</param>
/// <param name="AggregateId">The id of the aggregate whose stream it belongs to.</param>
/// <param name="Touches">The stream keys it touches: its own first, then the ones its event reaches.</param>
internal sealed record ImportLine(long Number, Guid EventId, string AggregateId, DomainEvent Event, string[] Touches);
