using System.Globalization;
using LearningOrg.Domain.Common;

namespace LearningOrg.Api.Web;

/// <summary>How the pages write dates, numbers and the contract's enum names for people to read.</summary>
public static class Display
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>An enum value's label (<see cref="Labels"/>): "PrincipalConsulted" as "Principal consulted".</summary>
    public static string Words<TEnum>(TEnum value)
        where TEnum : struct, Enum => Labels.Of(value);

    public static string Words(string pascalCase) => Labels.Words(pascalCase);

    /// <summary>"30 Jun 2024", in UTC, as the API's dates are.</summary>
    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", Invariant);

    public static string Date(DateTimeOffset? at) => at is { } value ? Date(value) : "–";

    /// <summary>"Sep 2021".</summary>
    public static string Month(DateOnly month) => month.ToString("MMM yyyy", Invariant);

    /// <summary>"2021-09", as the API's month parameters are written.</summary>
    public static string MonthParameter(DateOnly month) => month.ToString("yyyy-MM", Invariant);

    /// <summary>"2024-06-30", as the API's date parameters are written.</summary>
    public static string DateParameter(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    public static string Percent(double? ratio) => ratio is { } value ? (value * 100).ToString("0.#", Invariant) + "%" : "–";

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.00", Invariant) : "–";

    public static string Number(decimal value) => value.ToString("0.###", Invariant);

    public static string Number(double? value) => value is { } v ? v.ToString("0.##", Invariant) : "–";

    public static string Count(int? value) => value is { } v ? v.ToString(Invariant) : "–";
}
