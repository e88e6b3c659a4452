namespace LearningOrg.Api.ApiDocument;

/// <summary>
/// Marks a route that records a command: it reads Idempotency-Key and If-Match, and may answer 409 (the history refuses
/// it, or the key was used with another body) or 412 (If-Match is stale). The API document describes these from it.
/// </summary>
public sealed class CommandEndpoint
{
    public static readonly CommandEndpoint Metadata = new();

    private CommandEndpoint()
    {
    }
}
