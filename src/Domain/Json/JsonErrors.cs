using System.Text.Json;
using System.Text.RegularExpressions;

namespace LearningOrg.Domain.Json;

/// <summary>What a caller reads when a JSON body or an imported event breaks the contract (<see cref="JsonContract"/>).</summary>
public static partial class JsonErrors
{
    // JsonException messages name .NET types; say what a caller can act on instead.
    public static string Describe(JsonException json, string field)
    {
        var message = json.Message;
        if (json is ContractJsonException)
        {
            return $"{field} {message}";
        }
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
        {
            return $"{field} has the wrong type, is out of range, or is not one of the allowed values (see /api/event-types).";
        }
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            return $"{field} is not a field of this command.";
        }
        if (Listed(json) is { Count: > 0 } missing)
        {
            return $"Required fields are missing: {string.Join(", ", missing)}.";
        }
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return "The body is not valid JSON: " + (cut > 0 ? message[..cut] : message);
    }

    /// <summary>The fields named by a "missing required properties" exception; empty for any other exception.</summary>
    public static IReadOnlyList<string> Listed(JsonException json)
    {
        var message = json.Message;
        var start = message.IndexOf("missing required properties including:", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }
        var end = message.IndexOf(" Path:", start, StringComparison.Ordinal);
        var list = end < 0 ? message[start..] : message[start..end];
        return [.. QuotedName().Matches(list).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex("'(?<name>[^']+)'")]
    private static partial Regex QuotedName();
}
