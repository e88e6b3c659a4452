using LearningOrg.Domain.Initiatives;

namespace LearningOrg.ReadModels;

/// <summary>A phase the initiative entered, in which cycle, and when.</summary>
public sealed record PhaseBegun(int Cycle, Phase Phase, DateTimeOffset At);

/// <summary>
/// What an initiative's page shows beyond its state: each phase it entered, cycle by cycle (its launch begins the first
/// cycle's Planning), and every observation of each measure (keyed by measure id) in the order they happened.
/// </summary>
public sealed record InitiativeProgress(
    IReadOnlyList<PhaseBegun> Phases,
    IReadOnlyDictionary<string, IReadOnlyList<MeasureObserved>> Observations);
