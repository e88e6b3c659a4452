using LearningOrg.Domain.Culture;

namespace LearningOrg.ReadModels;

/// <summary>A school's culture indicators at the end of each month from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="FirstRoleMonth">The month the school's first teacher-leader seat was filled; null when none ever was.</param>
public sealed record TrajectoryResponse(
    string SchoolId,
    string Name,
    DateOnly From,
    DateOnly To,
    DateOnly? FirstRoleMonth,
    IReadOnlyList<CulturePoint> Points);

/// <summary>A member school of a network with its indicators at the comparison's date.</summary>
public sealed record SchoolComparison(string SchoolId, string Name, DateTimeOffset MemberSince, CulturePoint Indicators);

/// <summary>The schools of a network at <paramref name="At"/>, side by side.</summary>
public sealed record ComparisonResponse(string NetworkId, string Name, DateTimeOffset At, IReadOnlyList<SchoolComparison> Schools);

/// <summary>One month of a school's series, at its place on the aligned axis.</summary>
/// <param name="MonthIndex">
/// calendar: months since the series' first month (the same axis for every school); first-role: months since the
/// month of the school's first filled teacher-leader seat (0 is that month).
/// </param>
public sealed record AlignedPoint(int MonthIndex, CulturePoint Indicators);

/// <summary>A school's series; <paramref name="Points"/> is empty for a school with no teacher-leader seat ever filled, when aligned by first role.</summary>
public sealed record SchoolSeries(string SchoolId, string Name, DateOnly? FirstRoleMonth, IReadOnlyList<AlignedPoint> Points);

/// <summary>The indicator series of every school that has belonged to a network, aligned by calendar month or by first role.</summary>
/// <param name="From">calendar: the first month of the common axis; first-role: null (each school starts at its own month 0).</param>
public sealed record SeriesResponse(string NetworkId, string Name, string Align, DateOnly? From, DateOnly To, IReadOnlyList<SchoolSeries> Schools);
