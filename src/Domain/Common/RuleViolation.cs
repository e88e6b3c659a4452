namespace LearningOrg.Domain.Common;

/// <summary>Why a proposed event may not be recorded.</summary>
public enum ViolationKind
{
    /// <summary>The event itself is malformed: a field is missing, too long or out of range.</summary>
    Invalid,
    /// <summary>The aggregate, or an entity inside it, does not exist.</summary>
    NotFound,
    /// <summary>The event is well formed but contradicts the history (a rule of the toolkits or of time).</summary>
    Conflict,
    /// <summary>The caller expected another version of the stream (If-Match).</summary>
    StaleVersion,
}

/// <summary>A broken rule, with a stable machine-readable code and the field it concerns, if any.</summary>
[GenerateSerializer, Immutable]
public sealed record RuleViolation(
    [property: Id(0)] ViolationKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message,
    [property: Id(3)] string? Field = null)
{
    public static RuleViolation Invalid(string field, string message) => new(ViolationKind.Invalid, "invalid-field", message, field);

    public static RuleViolation NotFound(string code, string message, string? field = null) => new(ViolationKind.NotFound, code, message, field);

    public static RuleViolation Conflict(string code, string message, string? field = null) => new(ViolationKind.Conflict, code, message, field);
}
