using System.Globalization;
using LearningOrg.Domain.Common;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Http;

/// <summary>Reads a command's context: Idempotency-Key and If-Match from its headers, recordedBy from the signed-in caller.</summary>
public static class CommandHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string Replayed = "Idempotent-Replayed";

    public static (CommandContext? Context, RuleViolation? Problem) Read(HttpContext http)
    {
        var headers = http.Request.Headers;
        if (headers[IdempotencyKey].Count > 1)
        {
            // Joined, two keys would make a third one that matches neither retry.
            return (null, RuleViolation.Invalid(IdempotencyKey, $"Send one {IdempotencyKey}, not {headers[IdempotencyKey].Count}."));
        }
        var key = headers[IdempotencyKey].ToString();
        if (headers[IdempotencyKey].Count == 0)
        {
            // Without a key a retried request is a new command; clients that may retry must send one.
            key = Guid.NewGuid().ToString("D");
        }
        else if (key.Length == 0 || key.Length > CommandContext.MaxCommandIdLength || key.Any(c => c < '!' || c > '~'))
        {
            return (null, RuleViolation.Invalid(IdempotencyKey,
                $"{IdempotencyKey} must be 1 to {CommandContext.MaxCommandIdLength} printable ASCII characters without spaces."));
        }

        long? expected = null;
        var ifMatch = headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*")
        {
            if (!ifMatch.StartsWith('"') || !ifMatch.EndsWith('"') || ifMatch.Length < 3
                || !long.TryParse(ifMatch.AsSpan(1, ifMatch.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return (null, RuleViolation.Invalid("If-Match", "If-Match must be an ETag from this API, such as \"12\"."));
            }
            expected = version;
        }
        return (new CommandContext(key, RecordedByOf(http), expected), null);
    }

    /// <summary>
    /// Who records: the authenticated caller's subject (the sub claim), never a header the caller could set to anything.
    /// Every command route needs a signed-in caller, so "anonymous" only appears if one is mapped without a policy.
    /// </summary>
    public static string RecordedByOf(HttpContext http)
    {
        var subject = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name?.Trim() : null;
        return string.IsNullOrEmpty(subject) ? "anonymous"
            : subject.Length <= Limits.Name ? subject : subject[..Limits.Name];
    }

    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
