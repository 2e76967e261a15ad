using System.Security.Claims;
using OpenIddict.Abstractions;
using Safeguard.Identity.Accounts;
using Safeguard.Identity.Institutions;
using Safeguard.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Safeguard.Identity.Connect;

/// <summary>
/// What a token says about its holder, read from the account and its institution at every issue (a sign-in, each
/// refresh), so a changed role or a disabled account shows in the next token, not only at the next sign-in.
/// </summary>
public static class TokenClaims
{
    /// <summary>A person: also her language (<c>locale</c>, OpenID Connect's standard claim), for the front end she signs in to.</summary>
    public static ClaimsPrincipal ForAccount(Account account, Institution institution, IEnumerable<string> scopes)
    {
        var principal = Principal(account.Id.ToString(), account.Roles, institution, account.Email, scopes);
        var locale = new Claim(Claims.Locale, account.Language);
        locale.SetDestinations(Destinations.IdentityToken);
        ((ClaimsIdentity)principal.Identity!).AddClaim(locale);
        return principal;
    }

    /// <summary>An institution's system: its client id is the subject; it acts only in the roles it was registered for.</summary>
    public static ClaimsPrincipal ForClient(string clientId, IReadOnlyList<string> roles, Institution institution, IEnumerable<string> scopes) =>
        Principal(clientId, roles, institution, email: null, scopes);

    private static ClaimsPrincipal Principal(string subject, IEnumerable<string> roles, Institution institution, string? email, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            authenticationType: "safeguard", nameType: PlatformClaims.Subject, roleType: PlatformClaims.Roles);
        identity.SetClaim(PlatformClaims.Subject, subject)
            .SetClaim(PlatformClaims.Institution, institution.Code)
            .SetClaim(PlatformClaims.InstitutionKind, institution.Kind)
            .SetClaims(PlatformClaims.Roles, [.. roles]);
        if (email is { Length: > 0 })
        {
            identity.SetClaim(PlatformClaims.Email, email.ToLowerInvariant());
        }
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(scopes);
        principal.SetResources(OpenIdConnectServer.ApiScope);
        // Everything goes into the access token the services read; the identity token (for the front end)
        // names only who signed in.
        identity.SetDestinations(claim => claim.Type is PlatformClaims.Subject or PlatformClaims.Email
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return principal;
    }
}
