using System.Text;
using LearningOrg.ReadModels;
using Marten;

namespace LearningOrg.Research;

/// <summary>
/// Free text for a pseudonymized reader: every name the store knows (<see cref="KnownPerson"/>) that the text spells
/// out in full becomes the teacher's pseudonym, or <see cref="Withheld"/> for anyone else. The names are looked up by
/// the words the texts hold, in one query, so the cost follows the answer's size, not the store's.
/// </summary>
public sealed class NameMask
{
    /// <summary>What stands for a person who is no teacher, or whose name several teachers share.</summary>
    public const string Withheld = "[name withheld]";

    private readonly Dictionary<string, string> replacements;

    private NameMask(Dictionary<string, string> replacements) => this.replacements = replacements;

    /// <summary>The mask for these texts: the names among their words, each with what replaces it.</summary>
    public static async Task<NameMask> ForAsync(IDocumentStore store, IEnumerable<string> texts, Func<string, string> teacher, CancellationToken cancellationToken)
    {
        var candidates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var words = PersonNames.Words(text);
            for (var start = 0; start < words.Count; start++)
            {
                var key = new StringBuilder();
                for (var end = start; end < words.Count && end - start < PersonNames.MaxWords; end++)
                {
                    key.Append(end == start ? "" : " ").Append(words[end].Word);
                    if (key.Length >= PersonNames.MinLength)
                    {
                        candidates.Add(key.ToString());
                    }
                }
            }
        }
        if (candidates.Count == 0)
        {
            return new NameMask([]);
        }
        await using var session = store.QuerySession();
        var known = await session.LoadManyAsync<KnownPerson>(cancellationToken, [.. candidates]);
        return new NameMask(known.ToDictionary(p => p.Id, p => p.TeacherId is { Length: > 0 } id ? teacher(id) : Withheld, StringComparer.Ordinal));
    }

    /// <summary>The text with each known name, longest first, replaced.</summary>
    public string Apply(string text)
    {
        if (replacements.Count == 0)
        {
            return text;
        }
        var words = PersonNames.Words(text);
        var masked = new StringBuilder();
        var copied = 0;
        for (var start = 0; start < words.Count; start++)
        {
            for (var length = Math.Min(PersonNames.MaxWords, words.Count - start); length >= 1; length--)
            {
                var key = string.Join(' ', words.Skip(start).Take(length).Select(w => w.Word));
                if (replacements.TryGetValue(key, out var replacement))
                {
                    masked.Append(text, copied, words[start].Start - copied).Append(replacement);
                    copied = words[start + length - 1].End;
                    start += length - 1;
                    break;
                }
            }
        }
        return copied == 0 ? text : masked.Append(text, copied, text.Length - copied).ToString();
    }
}
