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
/// <param name="Network">Each indicator's median and interquartile range over the schools listed.</param>
public sealed record ComparisonResponse(string NetworkId, string Name, DateTimeOffset At, IReadOnlyList<SchoolComparison> Schools, NetworkSpread Network);

/// <summary>One month of a school's series, at its place on the aligned axis.</summary>
/// <param name="MonthIndex">
/// calendar: months since the series' first month (the same axis for every school); otherwise months since the
/// school's own month 0 (its first teacher-leadership seat filled, first shared decision, or enrolment in the initiative).
/// </param>
public sealed record AlignedPoint(int MonthIndex, CulturePoint Indicators);

/// <summary>A school's series; <paramref name="Points"/> is empty when the school has no month 0 for the alignment (no role ever filled, say).</summary>
/// <param name="MonthZero">The school's month 0 for the alignment: null with calendar, or when the school has none.</param>
public sealed record SchoolSeries(string SchoolId, string Name, DateOnly? FirstRoleMonth, DateOnly? MonthZero, IReadOnlyList<AlignedPoint> Points);

/// <summary>The network's spread at one place on the axis, over the schools with a point there.</summary>
/// <param name="Month">calendar: the month; otherwise null (each school's month differs).</param>
public sealed record NetworkMonth(int MonthIndex, DateOnly? Month, NetworkSpread Indicators);

/// <summary>The indicator series of every school that has belonged to a network, aligned by calendar month or by each school's own month 0.</summary>
/// <param name="From">calendar: the first month of the common axis; otherwise null (each school starts at its own month 0).</param>
/// <param name="Initiative">With align=initiative, the initiative whose enrolment is month 0.</param>
/// <param name="Network">The median and interquartile range of each indicator at each place on the axis.</param>
/// <param name="Agreement">The derived stage against every stage assessment of these schools (weighted kappa).</param>
public sealed record SeriesResponse(
    string NetworkId,
    string Name,
    string Align,
    string? Initiative,
    DateOnly? From,
    DateOnly To,
    IReadOnlyList<SchoolSeries> Schools,
    IReadOnlyList<NetworkMonth> Network,
    StageAgreement Agreement);

/// <summary>A group of schools compared side by side with others: a network's member schools, or a district's registered schools.</summary>
/// <param name="Kind"><c>network</c> or <c>district</c>.</param>
/// <param name="Id">The network's id, or the district's name as its schools were registered with it.</param>
/// <param name="Name">The network's name, or the district's.</param>
public sealed record ComparedGroup(string Kind, string Id, string Name);

/// <summary>
/// One school's value of one indicator at the end of one month, beside the median and interquartile range of that
/// indicator over its group's schools that month. The CSV has one column per property, named as here.
/// </summary>
/// <param name="MemberSince">When the school joined the network, or was registered in the district.</param>
/// <param name="Value">The school's value; null when the indicator's null rule applies (docs/indicators.md).</param>
/// <param name="GroupSchools">How many of the group's schools had a value.</param>
public sealed record GroupComparisonRow(
    string GroupKind,
    string GroupId,
    string GroupName,
    DateOnly Month,
    string SchoolId,
    string SchoolName,
    DateTimeOffset MemberSince,
    string Indicator,
    double? Value,
    int GroupSchools,
    double? GroupMedian,
    double? GroupLowerQuartile,
    double? GroupUpperQuartile);

/// <summary>Several networks or districts side by side, month by month from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="Rows">Group by group as asked, then month by month, school by school, indicator by indicator.</param>
public sealed record GroupComparisonResponse(DateOnly From, DateOnly To, IReadOnlyList<ComparedGroup> Groups, IReadOnlyList<GroupComparisonRow> Rows);
