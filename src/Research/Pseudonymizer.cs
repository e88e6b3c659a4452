using System.Security.Cryptography;
using System.Text;
using LearningOrg.Domain.Common;

namespace LearningOrg.Research;

/// <summary>
/// Keyed pseudonyms for research exports: HMAC-SHA256 under the configured key, truncated to 80 bits and written as
/// 20 lower-case hex digits. The same value always gets the same pseudonym under the same key; without the key the
/// pseudonyms cannot be reversed or recomputed, even though teacher ids are guessable slugs of names.
/// </summary>
/// <remarks>
/// Each kind of value has its own domain in the hash input, so a teacher and a user with the same id get unrelated
/// pseudonyms. Pseudonyms are valid LearningOrg identifiers (a slug of 22 characters).
/// </remarks>
public sealed class Pseudonymizer
{
    private const int Bytes = 10;

    private readonly byte[] key;

    public Pseudonymizer(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        this.key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>A teacher id as <c>t-</c> and 20 hex digits.</summary>
    public string Teacher(string teacherId) => "t-" + Hash("teacher", teacherId);

    /// <summary>Who recorded an event (a user name) as <c>u-</c> and 20 hex digits.</summary>
    public string User(string recordedBy) => "u-" + Hash("user", recordedBy);

    /// <summary>
    /// A command id (an Idempotency-Key the caller chose, which may embed anything) as <c>c-</c> and 20 hex digits,
    /// keeping a follow-up's step so that the events of one operation stay recognisable: <c>c-…/join</c>.
    /// </summary>
    public string Command(string commandId)
    {
        var slash = commandId.LastIndexOf('/');
        return slash > 0 && FollowUp.Steps.Contains(commandId[(slash + 1)..], StringComparer.Ordinal)
            ? $"c-{Hash("command", commandId[..slash])}/{commandId[(slash + 1)..]}"
            : "c-" + Hash("command", commandId);
    }

    private string Hash(string domain, string value)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{domain}\n{value}"), mac);
        return Convert.ToHexStringLower(mac[..Bytes]);
    }
}
