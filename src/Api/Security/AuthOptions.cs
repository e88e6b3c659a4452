using System.Text;

namespace LearningOrg.Api.Security;

/// <summary>
/// Configuration section <c>Auth</c>: either a local issuer (Issuer, Audience, SigningKey: a symmetric key for
/// development, demos and tests) or a real OpenID Connect provider (Authority, Audience), whose metadata gives the keys.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>HMAC-SHA256 needs a key at least as long as its output.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>The issuer (iss) of local tokens.</summary>
    public string Issuer { get; set; } = "learningorg-local";

    /// <summary>The audience (aud) tokens must carry, local or from the provider.</summary>
    public string Audience { get; set; } = "learningorg-api";

    /// <summary>The local issuer's symmetric signing key (UTF-8, at least 32 bytes). No default: a deployment sets its own.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect provider (https://login.example.org/realms/schools): its metadata gives issuer and keys.</summary>
    public string? Authority { get; set; }

    /// <summary>How long local tokens and sign-in cookies last.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public LocalIssuerOptions LocalIssuer { get; set; } = new();

    public bool UsesAuthority => !string.IsNullOrWhiteSpace(Authority);

    public byte[] SigningKeyBytes => Encoding.UTF8.GetBytes(SigningKey ?? string.Empty);

    /// <summary>Why the app cannot start with these settings, or null when it can.</summary>
    public string? Problem()
    {
        if (UsesAuthority)
        {
            return string.IsNullOrWhiteSpace(Audience) ? "Auth:Audience is required with Auth:Authority." : null;
        }
        if (string.IsNullOrWhiteSpace(SigningKey))
        {
            return "Authentication is not configured: set Auth:Authority (and Auth:Audience) for an OpenID Connect provider, " +
                $"or Auth:SigningKey (at least {MinSigningKeyBytes} bytes) for the local issuer.";
        }
        if (SigningKeyBytes.Length < MinSigningKeyBytes)
        {
            return $"Auth:SigningKey must be at least {MinSigningKeyBytes} bytes long.";
        }
        return string.IsNullOrWhiteSpace(Issuer) || string.IsNullOrWhiteSpace(Audience)
            ? "Auth:Issuer and Auth:Audience are required with Auth:SigningKey."
            : null;
    }
}

/// <summary>Auth:LocalIssuer: the development token endpoint and the persona sign-in page.</summary>
public sealed class LocalIssuerOptions
{
    /// <summary>
    /// Maps POST /api/dev/tokens and the /signin persona page, which hand out tokens to anyone who asks: off by default,
    /// on only for demos and development (./run.sh).
    /// </summary>
    public bool Enabled { get; set; }
}
