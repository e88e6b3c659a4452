using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text;

namespace LearningOrg.Domain.Common;

/// <summary>
/// The words a person reads for a contract name: an enum member's <see cref="DisplayAttribute"/> name, or else the
/// PascalCase name split into words ("PrincipalConsulted" as "Principal consulted").
/// </summary>
public static class Labels
{
    private static readonly ConcurrentDictionary<(Type, string), string> Cache = new();

    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Of(typeof(TEnum), value.ToString());

    /// <summary>The label of the member <paramref name="name"/> of <paramref name="enumType"/>; an unknown name is split into words.</summary>
    public static string Of(Type enumType, string name)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return Cache.GetOrAdd((enumType, name), static key =>
            key.Item1.GetField(key.Item2, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<DisplayAttribute>()?.GetName()
            ?? Words(key.Item2));
    }

    /// <summary>Every member of <paramref name="enumType"/> in declaration order, with its label.</summary>
    public static IReadOnlyList<(string Name, string Label)> All(Type enumType)
    {
        ArgumentNullException.ThrowIfNull(enumType);
        return [.. Enum.GetNames(enumType).Select(n => (n, Of(enumType, n)))];
    }

    /// <summary>"DecisionRecorded" as "Decision recorded"; a run of capitals stays together ("PLCMeeting" as "PLC meeting").</summary>
    public static string Words(string pascalCase)
    {
        ArgumentNullException.ThrowIfNull(pascalCase);
        var text = new StringBuilder(pascalCase.Length + 8);
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (!char.IsUpper(pascalCase[i - 1]) || (i + 1 < pascalCase.Length && char.IsLower(pascalCase[i + 1])));
            if (startsWord)
            {
                text.Append(' ');
            }
            var nextIsLower = i + 1 < pascalCase.Length && char.IsLower(pascalCase[i + 1]);
            var inAcronym = char.IsUpper(c) && !nextIsLower && ((i + 1 < pascalCase.Length && char.IsUpper(pascalCase[i + 1])) || (i > 0 && char.IsUpper(pascalCase[i - 1])));
            text.Append(i > 0 && !inAcronym ? char.ToLowerInvariant(c) : c);
        }
        return text.ToString();
    }
}
