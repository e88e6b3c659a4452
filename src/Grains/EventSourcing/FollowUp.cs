using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Grains.EventSourcing;

/// <summary>The second write of a two-aggregate operation.</summary>
internal static class FollowUp
{
    /// <summary>
    /// A follow-up the first aggregate's rules made certain should never be refused; if it is, the operation is
    /// half-applied, and the caller must hear so (and may retry with the same command id) rather than see success.
    /// </summary>
    public static void EnsureAccepted(CommandOutcome outcome, CommandContext context)
    {
        if (!outcome.IsAccepted)
        {
            throw new InvalidOperationException(
                $"Command {context.CommandId} was recorded on its first aggregate, but {outcome.StreamId} refused the follow-up: " +
                $"{outcome.Violation!.Message} Retry with the same Idempotency-Key once the cause is fixed.");
        }
    }
}
