using LearningOrg.Domain.Initiatives;

namespace LearningOrg.ReadModels;

/// <summary>
/// What an initiative's page shows beyond its state: the date each phase was advanced to, and every observation of
/// each measure (keyed by measure id) in the order they happened.
/// </summary>
public sealed record InitiativeProgress(
    IReadOnlyDictionary<Phase, DateTimeOffset> PhasesAdvanced,
    IReadOnlyDictionary<string, IReadOnlyList<MeasureObserved>> Observations);
