namespace LearningOrg.Api.Http;

/// <summary>Limits on requests, documented in docs/rules-and-limits.md.</summary>
public static class ApiLimits
{
    /// <summary>A command's body: the longest event fits many times over.</summary>
    public const long MaxBodyBytes = 256 * 1024;
}
