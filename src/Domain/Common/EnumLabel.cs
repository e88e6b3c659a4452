using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace LearningOrg.Domain.Common;

/// <summary>The plain-language label of an enum member: its <see cref="DisplayAttribute"/> name, else its code name.</summary>
public static class EnumLabel
{
    public static string Of(Enum value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.ToString();
        return value.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<DisplayAttribute>()?.GetName() ?? name;
    }
}
