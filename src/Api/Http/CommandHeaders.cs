using System.Globalization;
using LearningOrg.Domain.Common;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Http;

/// <summary>Reads a command's context from its HTTP headers: Idempotency-Key, If-Match and X-Recorded-By.</summary>
public static class CommandHeaders
{
    public const string IdempotencyKey = "Idempotency-Key";
    public const string RecordedBy = "X-Recorded-By";
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
        if (key.Length == 0)
        {
            // Without a key a retried request is a new command; clients that may retry must send one.
            key = Guid.NewGuid().ToString("D");
        }
        else if (key.Length > CommandContext.MaxCommandIdLength || key.Any(c => c < '!' || c > '~'))
        {
            return (null, RuleViolation.Invalid(IdempotencyKey,
                $"{IdempotencyKey} must be 1 to {CommandContext.MaxCommandIdLength} printable ASCII characters without spaces."));
        }

        var recordedBy = http.User.Identity?.Name ?? headers[RecordedBy].ToString();
        if (Check.Text(recordedBy, RecordedBy, Limits.Name, required: false) is { } badName)
        {
            return (null, badName);
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
        return (new CommandContext(key, string.IsNullOrWhiteSpace(recordedBy) ? "anonymous" : recordedBy.Trim(), expected), null);
    }

    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
