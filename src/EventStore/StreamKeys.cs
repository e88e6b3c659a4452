namespace LearningOrg.EventStore;

/// <summary>
/// Stream keys are "{aggregate}/{id}", so a school and a teacher may share a slug without sharing a stream.
/// </summary>
public static class StreamKeys
{
    public const string School = "school";
    public const string Teacher = "teacher";
    public const string Initiative = "initiative";
    public const string Network = "network";

    public static string For(string aggregate, string id) => $"{aggregate}/{id}";

    public static (string Aggregate, string Id) Parse(string streamKey)
    {
        var slash = streamKey.IndexOf('/', StringComparison.Ordinal);
        return (streamKey[..slash], streamKey[(slash + 1)..]);
    }
}
