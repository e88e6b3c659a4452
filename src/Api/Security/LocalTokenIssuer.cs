using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LearningOrg.Api.Security;

/// <summary>What a local token or sign-in says about its holder.</summary>
public sealed record Identity(
    string Subject,
    string Role,
    IReadOnlyList<string>? Schools = null,
    IReadOnlyList<string>? Networks = null,
    IReadOnlyList<string>? Initiatives = null,
    bool ResearchIdentifiable = false,
    string? Name = null,
    IReadOnlyList<string>? Districts = null)
{
    public IEnumerable<Claim> Claims()
    {
        yield return new Claim(ClaimNames.Subject, Subject);
        yield return new Claim(ClaimNames.Name, Name ?? Subject);
        yield return new Claim(ClaimNames.Role, Role);
        foreach (var school in Schools ?? [])
        {
            yield return new Claim(ClaimNames.School, school);
        }
        foreach (var network in Networks ?? [])
        {
            yield return new Claim(ClaimNames.Network, network);
        }
        foreach (var initiative in Initiatives ?? [])
        {
            yield return new Claim(ClaimNames.Initiative, initiative);
        }
        foreach (var district in Districts ?? [])
        {
            yield return new Claim(ClaimNames.District, district);
        }
        if (ResearchIdentifiable)
        {
            yield return new Claim(ClaimNames.ResearchIdentifiable, "true");
        }
    }

    /// <summary>A principal for the sign-in cookie, with the same claim names a token has.</summary>
    public ClaimsPrincipal Principal(string authenticationType) =>
        new(new ClaimsIdentity(Claims(), authenticationType, ClaimNames.Subject, ClaimNames.Role));
}

/// <summary>
/// Signs JWTs with the local symmetric key (Auth:SigningKey), for development, demos and tests. A deployment with a
/// real identity provider (Auth:Authority) has no local key and never issues tokens.
/// </summary>
public sealed class LocalTokenIssuer(IOptions<AuthOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler handler = new();

    public static SymmetricSecurityKey KeyFor(AuthOptions auth) => new(auth.SigningKeyBytes);

    public string Issue(Identity identity)
    {
        var auth = options.Value;
        if (auth.UsesAuthority || string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            throw new InvalidOperationException("The local issuer has no signing key: tokens come from Auth:Authority.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + auth.TokenLifetime,
            Subject = new ClaimsIdentity(identity.Claims()),
            SigningCredentials = new SigningCredentials(KeyFor(auth), SecurityAlgorithms.HmacSha256),
        });
    }
}
