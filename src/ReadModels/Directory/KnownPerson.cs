namespace LearningOrg.ReadModels;

/// <summary>
/// A person's name the store has recorded in a name field (a teacher's registration, who assessed, who observed),
/// keyed by <see cref="PersonNames.Key"/>, so that a pseudonymized read can find it in free text with one lookup of
/// the words it shows, however many names the store holds.
/// </summary>
/// <param name="TeacherId">The teacher registered under this name; empty when several are, null when none is.</param>
public sealed record KnownPerson(string Id, string? TeacherId);
