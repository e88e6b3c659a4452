using LearningOrg.Domain;

namespace LearningOrg.EventStore;

/// <summary>
/// Stream keys are "{aggregate}/{id}", so a school and a teacher may share a slug without sharing a stream.
/// </summary>
public static class StreamKeys
{
    public const string School = AggregateKind.School;
    public const string Teacher = AggregateKind.Teacher;
    public const string Initiative = AggregateKind.Initiative;
    public const string Network = AggregateKind.Network;

    public static string For(string aggregate, string id) => $"{aggregate}/{id}";

    public static (string Aggregate, string Id) Parse(string streamKey)
    {
        var slash = streamKey.IndexOf('/', StringComparison.Ordinal);
        return (streamKey[..slash], streamKey[(slash + 1)..]);
    }
}
