namespace LearningOrg.Domain;

/// <summary>
/// The kinds of aggregate. Each names its streams (<c>{kind}/{id}</c>), its group of events in the catalog and its
/// API routes.
/// </summary>
public static class AggregateKind
{
    public const string School = "school";
    public const string Teacher = "teacher";
    public const string Initiative = "initiative";
    public const string Network = "network";
}
