using LearningOrg.EventStore;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Hosting;

/// <summary>
/// Replaces a grain call's store failure (Npgsql's or Marten's exceptions, which Orleans cannot serialize) with a
/// <see cref="Abstractions.StoreUnavailableException"/>, so that the caller hears "retry later" and not a codec error.
/// </summary>
public sealed class StoreUnavailableFilter(ILogger<StoreUnavailableFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (StoreFailures.Translate(exception) is { } unavailable)
        {
            logger.LogWarning(exception, "{Grain}.{Method} failed: the event store did not answer", context.TargetId, context.MethodName);
            throw unavailable;
        }
    }
}
