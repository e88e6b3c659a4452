namespace LearningOrg.Demo;

/// <summary>
/// The identifiers the demo story uses, for the docs, the tests and the UI to refer to. They are slugs, as every
/// LearningOrg identifier is.
/// </summary>
public static class DemoIds
{
    /// <summary>The Riverbend Learning Network, which the three schools join in the autumn of 2021.</summary>
    public const string Network = "riverbend-learning-network";

    /// <summary>The district's "Teacher Leadership Pathways" initiative (sponsor: District).</summary>
    public const string Initiative = "teacher-leadership-pathways";

    /// <summary>Maple Grove Elementary: moves fast, from Flat in 2021 to Shared by 2024.</summary>
    public const string MapleGrove = "maple-grove-elementary";

    /// <summary>Cedar Hill Middle School: moves slowly, Flat for two years, Developing only in 2025.</summary>
    public const string CedarHill = "cedar-hill-middle";

    /// <summary>Harbor View High School: stalls under its first principal, recovers after a new principal arrives in 2023.</summary>
    public const string HarborView = "harbor-view-high";

    /// <summary>The school that moves fast.</summary>
    public const string FastSchool = MapleGrove;

    /// <summary>The school that moves slowly.</summary>
    public const string SlowSchool = CedarHill;

    /// <summary>The school that stalls, then recovers.</summary>
    public const string RecoveringSchool = HarborView;

    /// <summary>Who the demo's events are recorded by.</summary>
    public const string RecordedBy = "demo-seed";

    /// <summary>Every demo command id starts with this, followed by the step's four-digit number.</summary>
    public const string CommandIdPrefix = "demo-";

    /// <summary>The three schools, in the order they were registered.</summary>
    public static IReadOnlyList<string> Schools { get; } = [MapleGrove, CedarHill, HarborView];
}
