using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using LearningOrg.EventStore;
using Microsoft.Extensions.Options;

namespace LearningOrg.Research;

/// <summary>
/// Finds the teacher a pseudonym stands for, so that pseudonyms work as keys. Pseudonyms are keyed hashes and cannot be
/// reversed: every pseudonym this process has computed is remembered, and one it has not seen is looked for among the
/// teachers' ids (the stream table, one row per teacher) once, then remembered too.
/// </summary>
public sealed partial class PseudonymDirectory(EventReader journal, IOptionsMonitor<ResearchOptions> research)
{
    private Keyed? current;

    /// <summary>The pseudonymizer of the configured key, or null when no key is configured.</summary>
    public Pseudonymizer? Pseudonyms => For()?.Pseudonyms;

    /// <summary>Whether the text has the shape of a teacher's pseudonym (t- and 20 hex digits).</summary>
    public static bool IsTeacherPseudonym(string text) => TeacherPseudonym().IsMatch(text);

    /// <summary>A teacher's pseudonym, remembered for <see cref="TeacherAsync"/>.</summary>
    public string Teacher(string teacherId)
    {
        var keyed = For() ?? throw new InvalidOperationException("No pseudonym key is configured.");
        var pseudonym = keyed.Pseudonyms.Teacher(teacherId);
        keyed.TeacherOf.TryAdd(pseudonym, teacherId);
        return pseudonym;
    }

    /// <summary>The id of the teacher whose pseudonym this is, or null when no teacher has it.</summary>
    public async Task<string?> TeacherAsync(string pseudonym, CancellationToken cancellationToken)
    {
        if (For() is not { } keyed || !IsTeacherPseudonym(pseudonym))
        {
            return null;
        }
        if (keyed.TeacherOf.TryGetValue(pseudonym, out var teacherId))
        {
            return teacherId;
        }
        foreach (var id in await journal.StreamIdsAsync(StreamKeys.Teacher + "/", cancellationToken))
        {
            keyed.TeacherOf.TryAdd(keyed.Pseudonyms.Teacher(id), id);
        }
        return keyed.TeacherOf.GetValueOrDefault(pseudonym);
    }

    private Keyed? For()
    {
        var key = research.CurrentValue.PseudonymKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }
        var keyed = current;
        if (keyed?.Key != key)
        {
            // A new key makes new pseudonyms: what was remembered under the old one no longer applies.
            keyed = new Keyed(key, new Pseudonymizer(key), new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
            current = keyed;
        }
        return keyed;
    }

    private sealed record Keyed(string Key, Pseudonymizer Pseudonyms, ConcurrentDictionary<string, string> TeacherOf);

    [GeneratedRegex("^t-[0-9a-f]{20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TeacherPseudonym();
}
