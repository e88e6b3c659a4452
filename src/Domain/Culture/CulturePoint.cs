using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Culture;

/// <summary>Breaking-ranks episodes in a period (a month, or a month up to a day).</summary>
/// <param name="Opened">Episodes opened in the period.</param>
/// <param name="Open">Episodes open at the period's end: opened by then and not resolved by then.</param>
/// <param name="Resolved">Episodes resolved in the period.</param>
/// <param name="MedianDaysToResolution">
/// The median, over every episode resolved by the period's end (not only in it), of the days from opening to
/// resolution; null when none has been resolved.
/// </param>
/// <param name="HighestLevel">
/// The highest level reached, by the period's end, among the episodes open at any instant of the period; null when
/// none was open.
/// </param>
public sealed record BreakingRanksSummary(
    int Opened,
    int Open,
    int Resolved,
    double? MedianDaysToResolution,
    BreakingRanksLevel? HighestLevel);

/// <summary>
/// A school's culture indicators at the end of a period, computed from its events alone (docs/indicators.md).
/// Ratios are rounded to 4 decimal places.
/// </summary>
/// <param name="Month">The month the period lies in (its first day).</param>
/// <param name="At">The instant the indicators are evaluated at: events with occurredAt on or before it count.</param>
/// <param name="StaffCount">The school's staff count at <paramref name="At"/>; null before it was registered.</param>
/// <param name="FilledSeats">Teacher-leader seats held at <paramref name="At"/>.</param>
/// <param name="LeadershipDensity">FilledSeats / StaffCount.</param>
/// <param name="Decisions90Days">Decisions in the 90 days up to <paramref name="At"/>.</param>
/// <param name="SharedDecisions90Days">Of those, the ones taken Shared, TeacherLed or by StaffConsensus.</param>
/// <param name="SharedDecisionShare">SharedDecisions90Days / Decisions90Days; null without decisions.</param>
/// <param name="Decisions180Days">Decisions in the 180 days up to <paramref name="At"/>.</param>
/// <param name="CoParticipants">The nodes of their co-participation graph (the principal counts as one).</param>
/// <param name="DecisionCentralization">Freeman degree centralization of that graph; null with 0 or 2 nodes.</param>
/// <param name="ActiveTeacherLeaders">Teachers who held a role or were observed leading informally in the 90 days up to <paramref name="At"/>.</param>
/// <param name="AssessedStage">The latest assessed stage at <paramref name="At"/>; null before the first assessment.</param>
/// <param name="StageAssessedAt">When that assessment happened.</param>
/// <param name="DerivedStage">The stage the indicators point to, by the thresholds of <see cref="StageThresholds"/>.</param>
public sealed record CulturePoint(
    DateOnly Month,
    DateTimeOffset At,
    int? StaffCount,
    int FilledSeats,
    double? LeadershipDensity,
    int Decisions90Days,
    int SharedDecisions90Days,
    double? SharedDecisionShare,
    int Decisions180Days,
    int CoParticipants,
    double? DecisionCentralization,
    int ActiveTeacherLeaders,
    BreakingRanksSummary BreakingRanks,
    LeadershipStage? AssessedStage,
    DateTimeOffset? StageAssessedAt,
    LeadershipStage DerivedStage);
