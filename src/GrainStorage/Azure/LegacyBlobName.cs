using System.Globalization;
using System.Text;

namespace LearningOrg.GrainStorage.Azure;

/// <summary>
/// A blob name in the layout of LearningOrg's own Azure grain storage, which Orleans' provider replaced:
/// <c>{storage}/{grain type}/{grain key}/{state name}</c>, each part with letters, digits and '-' kept and every other
/// UTF-8 byte written as <c>_XX</c> (one '_' alone for an empty part). A part too long for that layout was cut and
/// ended with '~' and a hash, so its value cannot be read back.
/// </summary>
public sealed record LegacyBlobName(string Storage, GrainId GrainId, string StateName)
{
    /// <summary>
    /// True when <paramref name="name"/> has the legacy layout. Orleans' names always hold a '.' (they end in
    /// ".json") and the legacy ones never do, so the two layouts never mix up in one container.
    /// </summary>
    public static bool IsLegacy(string name) =>
        !name.Contains('.', StringComparison.Ordinal)
        && name.Split('/') is { Length: 4 } parts
        && parts.All(part => part.Length > 0 && part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '~'));

    /// <summary>The grain state a legacy blob holds; null when the name is not legacy or cannot be read back (a part cut to a hash).</summary>
    public static LegacyBlobName? TryParse(string name)
    {
        if (!IsLegacy(name))
        {
            return null;
        }
        var parts = name.Split('/').Select(Unescape).ToArray();
        // A grain id has a type and a key: a name with either empty was never written for a grain.
        return parts is [{ } storage, { Length: > 0 } type, { Length: > 0 } key, { } state]
            ? new LegacyBlobName(storage, GrainId.Create(type, key), state)
            : null;
    }

    /// <summary>Where Orleans' AzureBlobGrainStorage keeps the same state: <c>{state name}-{grain type}/{grain key}.json</c>.</summary>
    public string OrleansBlobName => $"{StateName}-{GrainId}.json";

    private static string? Unescape(string part)
    {
        if (part == "_")
        {
            return "";
        }
        if (part.Contains('~', StringComparison.Ordinal))
        {
            return null;
        }
        var bytes = new List<byte>(part.Length);
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '_')
            {
                bytes.Add((byte)part[i]);
            }
            else if (i + 2 < part.Length && byte.TryParse(part.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var escaped))
            {
                bytes.Add(escaped);
                i += 2;
            }
            else
            {
                return null;
            }
        }
        return Encoding.UTF8.GetString([.. bytes]);
    }
}
