using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace LearningOrg.Domain.Common;

/// <summary>
/// The limits every text and identifier obeys. They are part of the public contract and listed in docs/rules-and-limits.md.
/// </summary>
public static partial class Limits
{
    public const int Name = 200;
    public const int Label = 100;
    public const int ShortText = 500;
    public const int Note = 2000;
    public const int LongText = 4000;
    public const int ListItems = 50;
    public const int Participants = 200;
    public const int IdLength = 64;

    /// <summary>How far in the future an occurredAt may lie, to forgive clocks that run a little fast.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    // \z, not $: in .NET "$" also matches before a final "\n", which would let "ana\n" pass as an identifier.
    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?\z", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    /// <summary>Identifiers are short lower-case slugs (letters, digits, inner hyphens) or lower-case GUIDs, so one identity has one spelling.</summary>
    public static bool IsIdentifier(string? value) =>
        value is not null && (SlugPattern().IsMatch(value) || IsLowerCaseGuid(value));

    // Guid parsing trims white space (" {guid}\n" parses), which would give one identity a second spelling.
    private static bool IsLowerCaseGuid(string value) =>
        value.Length == 36 && Guid.TryParseExact(value, "D", out _) && !value.Any(char.IsUpper);
}

/// <summary>
/// Field checks shared by every aggregate's rules. Each returns the first problem it finds, or null, so rules read
/// as a list: <c>Check.Text(...) ?? Check.Id(...) ?? ...</c>.
/// </summary>
public static class Check
{
    public static RuleViolation? Text(string? value, string field, int max, bool required = true)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return required ? RuleViolation.Invalid(field, $"{field} is required.") : null;
        }
        if (value.Length > max)
        {
            return RuleViolation.Invalid(field, $"{field} is {value.Length} characters long; at most {max} are allowed.");
        }
        return value.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')
            ? RuleViolation.Invalid(field, $"{field} contains control characters.")
            : null;
    }

    public static RuleViolation? Id(string? value, string field) =>
        Limits.IsIdentifier(value)
            ? null
            : RuleViolation.Invalid(field, $"{field} must be a lower-case slug (a-z, 0-9, inner hyphens, at most {Limits.IdLength} characters) or a GUID.");

    public static RuleViolation? Ids(ImmutableArray<string> values, string field, int maxItems)
    {
        if (values.IsDefault)
        {
            return RuleViolation.Invalid(field, $"{field} is required (it may be empty).");
        }
        if (values.Length > maxItems)
        {
            return RuleViolation.Invalid(field, $"{field} has {values.Length} entries; at most {maxItems} are allowed.");
        }
        if (values.Distinct(StringComparer.Ordinal).Count() != values.Length)
        {
            return RuleViolation.Invalid(field, $"{field} lists the same identifier twice.");
        }
        return values.Select(v => Id(v, field)).FirstOrDefault(v => v is not null);
    }

    public static RuleViolation? Texts(ImmutableArray<string> values, string field, int maxItems = Limits.ListItems, int maxLength = Limits.ShortText)
    {
        if (values.IsDefault)
        {
            return RuleViolation.Invalid(field, $"{field} is required (it may be empty).");
        }
        if (values.Length > maxItems)
        {
            return RuleViolation.Invalid(field, $"{field} has {values.Length} entries; at most {maxItems} are allowed.");
        }
        return values.Select(v => Text(v, field, maxLength)).FirstOrDefault(v => v is not null);
    }

    public static RuleViolation? Range(decimal value, string field, decimal min, decimal max) =>
        value < min || value > max ? RuleViolation.Invalid(field, $"{field} must lie between {min} and {max}; it was {value}.") : null;

    public static RuleViolation? Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? null
            : RuleViolation.Invalid(field, $"{field} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    /// <summary>
    /// occurredAt is not in the future (beyond a small clock skew) and not before the aggregate was created.
    /// </summary>
    public static RuleViolation? OccurredAt(DateTimeOffset occurredAt, DateTimeOffset now, DateTimeOffset? notBefore = null, string? notBeforeWhat = null)
    {
        if (occurredAt > now + Limits.ClockSkew)
        {
            return RuleViolation.Invalid("occurredAt", $"occurredAt {occurredAt:O} lies in the future.");
        }
        if (occurredAt.Year < 1900)
        {
            return RuleViolation.Invalid("occurredAt", "occurredAt must be a date after 1900.");
        }
        return notBefore is { } first && occurredAt < first
            ? RuleViolation.Conflict("before-history", $"occurredAt {occurredAt:O} lies before {notBeforeWhat ?? "the record was created"} ({first:O}).", "occurredAt")
            : null;
    }
}
