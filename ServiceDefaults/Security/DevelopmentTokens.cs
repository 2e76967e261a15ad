using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>Who a development token is for: a person, her institution and her roles.</summary>
public sealed record TokenSubject(string Subject, IReadOnlyList<string> Roles, string Institution, string InstitutionKind, string? Email = null);

/// <summary>
/// Signs tokens with the development key. Used by the gateway's development issuer (POST /dev/token) and by
/// the tests; never where Auth:Authority names a real identity provider.
/// </summary>
public static class DevelopmentTokens
{
    public static string Issue(AuthSettings settings, TokenSubject subject, TimeSpan lifetime, DateTimeOffset? now = null)
    {
        var key = settings.DevelopmentKey ?? throw new InvalidOperationException("No development signing key: tokens come from Auth:Authority.");
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
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
