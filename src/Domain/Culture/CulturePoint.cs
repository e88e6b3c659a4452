using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Culture;

/// <summary>Breaking-ranks episodes in a period (a month, or a month up to a day), and how long they take to resolve.</summary>
/// <param name="Opened">Episodes opened in the period.</param>
/// <param name="Open">Episodes open at the period's end: opened by then and not closed by then.</param>
/// <param name="Resolved">Episodes resolved in the period: closed as Accepted or Negotiated.</param>
/// <param name="ClosedUnresolved">Episodes closed in the period without a resolution: Withdrawn or Unresolved.</param>
/// <param name="EpisodesInWindow">Episodes opened in the trailing 365 days: the sample of the median.</param>
/// <param name="MedianDaysToResolution">
/// The Kaplan-Meier median of the days from opening to resolution of the episodes opened in the trailing 365 days:
/// open episodes are censored at the evaluation instant, those closed without a resolution at their closing; null
/// while the estimated share still unresolved has not fallen to one half.
/// </param>
/// <param name="HighestLevel">
/// The highest level reached, by the period's end, among the episodes open at any instant of the period; null when
/// none was open.
/// </param>
public sealed record BreakingRanksSummary(
    int Opened,
    int Open,
    int Resolved,
    int ClosedUnresolved,
    int EpisodesInWindow,
    double? MedianDaysToResolution,
    BreakingRanksLevel? HighestLevel);

/// <summary>
/// A school's culture indicators at the end of a period, computed from its events alone (docs/indicators.md). Ratios
/// are rounded to 4 decimal places and days to 2, away from zero at the midpoint.
/// </summary>
/// <param name="Month">The month the period lies in (its first day).</param>
/// <param name="At">The instant the indicators are evaluated at: events with occurredAt on or before it count.</param>
/// <param name="StaffCount">The school's declared staff count at <paramref name="At"/>; null before it was registered.</param>
/// <param name="TeachersOnStaff">Teachers recorded on the staff at <paramref name="At"/>.</param>
/// <param name="FilledSeats">Teacher-leadership seats held at <paramref name="At"/> (a teacher with two roles holds two).</param>
/// <param name="TeacherLeaders">Distinct teachers holding a teacher-leadership role at <paramref name="At"/>.</param>
/// <param name="AdministrativeAppointees">Distinct teachers holding an administrative role at <paramref name="At"/>.</param>
/// <param name="LeadershipDensity">TeacherLeaders / the staff: the larger of StaffCount and the teachers recorded on the staff or holding a role; null before registration.</param>
/// <param name="Decisions180Days">Decisions in the 180 days up to <paramref name="At"/>.</param>
/// <param name="SharedDecisions180Days">Of those, the ones taken Shared, TeacherLed or by StaffConsensus.</param>
/// <param name="SharedDecisionShare">SharedDecisions180Days / Decisions180Days; null without decisions.</param>
/// <param name="AttributedDecisions180Days">Of those, the ones whose deciders are known (<see cref="DecisionAuthority"/>).</param>
/// <param name="DecisionCentralization">Freeman centralization of decision authority over the principal and the staff.</param>
/// <param name="ActiveTeacherLeaders">Teachers who held a teacher-leadership role or were observed leading informally in the 180 days up to <paramref name="At"/>.</param>
/// <param name="ActiveTeacherLeaderRate">ActiveTeacherLeaders per member of staff; null before registration.</param>
/// <param name="AssessedStage">The latest assessed stage at <paramref name="At"/>; null before the first assessment.</param>
/// <param name="StageAssessedAt">When that assessment happened.</param>
/// <param name="DerivedStage">The stage the indicators point to, by the thresholds of <see cref="StageThresholds"/>.</param>
public sealed record CulturePoint(
    DateOnly Month,
    DateTimeOffset At,
    int? StaffCount,
    int TeachersOnStaff,
    int FilledSeats,
    int TeacherLeaders,
    int AdministrativeAppointees,
    double? LeadershipDensity,
    int Decisions180Days,
    int SharedDecisions180Days,
    double? SharedDecisionShare,
    int AttributedDecisions180Days,
    double? DecisionCentralization,
    int ActiveTeacherLeaders,
    double? ActiveTeacherLeaderRate,
    BreakingRanksSummary BreakingRanks,
    LeadershipStage? AssessedStage,
    DateTimeOffset? StageAssessedAt,
    LeadershipStage DerivedStage);
