using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace LearningOrg.GrainStorage.Azure;

/// <summary>
/// Blob and container names for grain state. A blob is named provider/grain-type/key/state, each part escaped so
/// that any grain type, key or state name gives a valid blob name and no two grain states share one.
/// </summary>
public static partial class BlobNames
{
    // Azure allows 1,024 characters in a blob name; a part longer than this is shortened with a hash of its value.
    private const int MaxPartLength = 200;

    /// <summary>The blob holding one grain state.</summary>
    public static string For(string providerName, GrainId grainId, string stateName) =>
        string.Join('/', Part(providerName), Part(grainId.Type.ToString()!), Part(grainId.Key.ToString()!), Part(stateName));

    /// <summary>
    /// One part of a blob name: letters, digits and hyphens as they are, every other UTF-8 byte as _XX (hex).
    /// Escaping '_' too keeps the mapping one-to-one, and '/' and '.' never appear, so no part can add a level
    /// or read as "." or "..". A part escaped longer than 200 characters keeps its start and ends with ~ and the
    /// SHA-256 of its value: '~' appears in no escaped part, so a shortened part never equals a plain one.
    /// </summary>
    public static string Part(string value)
    {
        if (value.Length == 0)
        {
            return "_";
        }
        var escaped = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-')
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('_').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        if (escaped.Length <= MaxPartLength)
        {
            return escaped.ToString();
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return string.Concat(escaped.ToString(0, 100), "~", hash);
    }

    /// <summary>Azure's container name rules, checked before the silo starts rather than on the first write.</summary>
    public static bool IsValidContainerName(string name) =>
        name.Length is >= 3 and <= 63 && ContainerNamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex ContainerNamePattern();
}
