using System.Text.RegularExpressions;

namespace LearningOrg.ReadModels;

/// <summary>
/// How names are compared: as their words (letters and digits, joined by apostrophes or hyphens), lower-cased, one
/// space apart. A name field may add who the person is in brackets ("Joan Ferreira (network facilitator)"); the name
/// is what comes before them.
/// </summary>
public static partial class PersonNames
{
    /// <summary>Names shorter than this are not looked for in free text: too many ordinary words would match.</summary>
    public const int MinLength = 4;

    /// <summary>The most words a name is looked for with; longer names are found by their first words.</summary>
    public const int MaxWords = 5;

    /// <summary>The words of a text, in order, with where each starts and ends.</summary>
    public static IReadOnlyList<(int Start, int End, string Word)> Words(string text) =>
        [.. Word().Matches(text).Select(m => (m.Index, m.Index + m.Length, m.Value.ToLowerInvariant()))];

    /// <summary>The key of a name as a name field holds it, or null when it is too short to look for.</summary>
    public static string? Key(string nameField)
    {
        var bracket = nameField.IndexOf('(', StringComparison.Ordinal);
        var name = (bracket > 0 ? nameField[..bracket] : nameField).Trim();
        var words = Words(name).Take(MaxWords).Select(w => w.Word).ToList();
        var key = string.Join(' ', words);
        return key.Length >= MinLength ? key : null;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();
}
