using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Safeguard.Identity.Accounts;
using Safeguard.Identity.Clients;
using Safeguard.Identity.Persistence;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Safeguard.Identity.Connect;

/// <summary>
/// The three OpenID Connect endpoints OpenIddict hands over once it has validated the request (client, redirect
/// URI, PKCE, grant): here the platform decides who gets which token.
/// </summary>
public static class ConnectEndpoints
{
    /// <summary>The "amr" value ASP.NET Core Identity sets when the sign-in used a second factor.</summary>
    private const string MultiFactor = "mfa";

    public static WebApplication MapConnectEndpoints(this WebApplication app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/connect/token", TokenAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], LogoutAsync).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext http, UserManager<Account> users, IdentityServiceDbContext db)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var account = session.Succeeded ? await users.GetUserAsync(session.Principal) : null;
        var signedInWithSecondFactor = session.Principal?.HasClaim("amr", MultiFactor) == true;
        if (account is null || !account.IsActive || request.HasPromptValue(PromptValues.Login)
            || (account.NeedsSecondFactor && !signedInWithSecondFactor))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "The person is not signed in.");
            }
            // Back to this very request once she has signed in.
            var returnUrl = http.Request.PathBase + http.Request.Path + QueryString.Create(
                http.Request.HasFormContentType ? [.. http.Request.Form.Select(f => KeyValuePair.Create(f.Key, (string?)f.Value.ToString()))]
                : [.. http.Request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString()))]);
            await http.SignOutAsync(IdentityConstants.ApplicationScheme);
            return Results.Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, [IdentityConstants.ApplicationScheme]);
        }
        return await SignInAsync(db, account, request.GetScopes(), Errors.AccessDenied);
    }

    /// <summary>The account's token, with her institution's claims; refused when the institution is not registered.</summary>
    private static async Task<IResult> SignInAsync(IdentityServiceDbContext db, Account account, IEnumerable<string> scopes, string refusal)
    {
        var institution = await db.Institutions.FindAsync(account.InstitutionCode);
        if (institution is null)
        {
            return Forbid(refusal, "The account's institution is not registered.");
        }
        return Results.SignIn(TokenClaims.ForAccount(account, institution, scopes), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> TokenAsync(HttpContext http, UserManager<Account> users, IdentityServiceDbContext db, ClientRegistry clients)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // OpenIddict has checked the code or refresh token (signature, expiry, PKCE, one use).
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var subject = granted.Principal?.GetClaim(Claims.Subject);
            var account = Guid.TryParse(subject, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
            // A disabled or locked-out account gets no new token, whatever it still holds.
            if (account is null || !account.IsActive || await users.IsLockedOutAsync(account))
            {
                return Forbid(Errors.InvalidGrant, "The account is disabled or locked.");
            }
            return await SignInAsync(db, account, granted.Principal!.GetScopes(), Errors.InvalidGrant);
        }
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the client's secret; the client acts for its institution in its registered roles.
            var client = await clients.FindAsync(request.ClientId!);
            var institution = client is null ? null : await db.Institutions.FindAsync(client.Institution);
            if (client is null || institution is null)
            {
                return Forbid(Errors.InvalidClient, "The client is not registered for an institution.");
            }
            return Results.SignIn(TokenClaims.ForClient(client.ClientId, client.Roles, institution, request.GetScopes()),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static async Task<IResult> LogoutAsync(HttpContext http, SignInManager<Account> signIn)
    {
        await signIn.SignOutAsync();
        // OpenIddict redirects to the client's registered post-logout address, if it sent one.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/account/login" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
