using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>Who a development token is for: a person, her institution and her roles.</summary>
public sealed record TokenSubject(string Subject, IReadOnlyList<string> Roles, string Institution, string InstitutionKind, string? Email = null);

/// <summary>Who signs a development token, and for whom it is meant.</summary>
public sealed record TokenSigner(string Issuer, string Audience, SigningCredentials Credentials);

/// <summary>
/// Signs tokens for a given person without a sign-in: the identity service's development issuer (POST /dev/token,
/// Development only) and the tests, with the identity service's own signing certificate, so the services check
/// them as they check every other token (issuer, audience, the published keys).
/// </summary>
public static class DevelopmentTokens
{
    public static string Issue(TokenSigner signer, TokenSubject subject, TimeSpan lifetime, DateTimeOffset? now = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, subject.Subject),
            new(PlatformClaims.Institution, subject.Institution),
            new(PlatformClaims.InstitutionKind, subject.InstitutionKind),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange(subject.Roles.Select(role => new Claim(PlatformClaims.Roles, role)));
        if (subject.Email is { Length: > 0 } email)
        {
            claims.Add(new Claim(PlatformClaims.Email, email));
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = signer.Issuer,
            Audience = signer.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = signer.Credentials,
        });
    }
}
