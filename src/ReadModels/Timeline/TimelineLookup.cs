namespace LearningOrg.ReadModels;

/// <summary>
/// A fact the timeline projection needs later and an event does not carry: the school of an intervention (for its
/// completion) and the teacher of a breaking-ranks episode (for its escalations and resolution).
/// </summary>
public sealed record TimelineLookup(string Id, string Value)
{
    public static string Intervention(string initiativeId, string interventionId) => $"intervention/{initiativeId}/{interventionId}";

    public static string Episode(string schoolId, string episodeId) => $"episode/{schoolId}/{episodeId}";
}
