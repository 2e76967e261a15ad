using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.JsonWebTokens;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Workspace.Sessions;

/// <summary>
/// People sign in to the workspace through the platform's identity service: the authorization code flow with
/// PKCE (the identity service asks for her second factor), tokens kept in her server-side session, a cookie that
/// holds only the session's key. The person's roles and institution come from her access token, so a page shows
/// what the APIs will let her do.
/// </summary>
public static class WorkspaceSignIn
{
    /// <summary>The workspace's client at the identity service (registered there on start).</summary>
    public const string ClientId = "workspace";

    /// <summary>Where the gateway routes the workspace.</summary>
    public const string PathBase = "/workspace";

    public static WebApplicationBuilder AddWorkspaceSignIn(this WebApplicationBuilder builder)
    {
        // The sign-in cookie and the tokens it carries are protected with the workspace's own wrapped key ring.
        builder.AddWrappedKeyRing();
        var publicUrl = PublicUrl(builder.Configuration);
        // Her token travels with every call to the gateway: over TLS outside Development (issue 24 §12).
        builder.RequireEncrypted("workspace to gateway", TransportSecurity.HttpWeakness(publicUrl.ToString()));
        var authority = AuthSettings.From(builder.Configuration).Authority;
        builder.Services.AddServerSideSessions();
        builder.Services.AddHttpClient(nameof(SessionTokens));
        builder.Services.AddScoped<SessionTokens>();
        builder.Services.AddScoped<IdleSignOut>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = "safeguard.workspace";
                cookie.Cookie.Path = PathBase;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = ServerSideSessions.IdleTimeout;
                cookie.SlidingExpiration = true;
            })
            .AddOpenIdConnect(oidc =>
            {
                oidc.Authority = authority;
                oidc.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
                oidc.ClientId = ClientId;
                oidc.ResponseType = "code";
                // The code comes back in the address of a redirect, not in a self-posting form: the gateway's
                // content-security policy lets no inline script run on the identity service's answers.
                oidc.ResponseMode = "query";
                oidc.UsePkce = true;
                // The redirect back is a top-level navigation: Lax cookies travel with it.
                oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
                oidc.NonceCookie.SameSite = SameSiteMode.Lax;
                oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                oidc.SaveTokens = true;
                oidc.MapInboundClaims = false;
                oidc.GetClaimsFromUserInfoEndpoint = false;
                oidc.Scope.Clear();
                foreach (var scope in new[] { "openid", "email", "offline_access", "safeguard" })
                {
                    oidc.Scope.Add(scope);
                }
                oidc.CallbackPath = "/signin-oidc";
                oidc.SignedOutCallbackPath = "/signed-out";
                oidc.SignedOutRedirectUri = PathBase + "/";
                oidc.TokenValidationParameters.NameClaimType = PlatformClaims.Email;
                oidc.TokenValidationParameters.RoleClaimType = PlatformClaims.Roles;
                oidc.Events.OnRedirectToIdentityProvider = context =>
                {
                    // Only a page she opens is sent to sign in. A circuit reconnecting in the background gets 401:
                    // followed, the redirect would sign her in again behind a sign-out or an idle end, with no password.
                    if (context.Request.Path.StartsWithSegments("/_blazor")
                        || (context.Request.Headers["Sec-Fetch-Mode"] is [{ } mode] && mode != "navigate"))
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.HandleResponse();
                        return Task.CompletedTask;
                    }
                    // Behind the gateway the workspace does not see its public address: it says it.
                    context.ProtocolMessage.RedirectUri = new Uri(publicUrl, "workspace/signin-oidc").ToString();
                    return Task.CompletedTask;
                };
                oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
                {
                    context.ProtocolMessage.PostLogoutRedirectUri = new Uri(publicUrl, "workspace/signed-out").ToString();
                    return Task.CompletedTask;
                };
                oidc.Events.OnTokenValidated = context =>
                {
                    AddAccessTokenClaims(context.Principal!, context.TokenEndpointResponse?.AccessToken);
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    /// <summary>The gateway's public address, under which the workspace, the identity service and the APIs are reached.</summary>
    public static Uri PublicUrl(IConfiguration configuration) =>
        new(configuration["Workspace:PublicUrl"] is { Length: > 0 } url
            ? url.TrimEnd('/') + "/"
            : throw new InvalidOperationException("Set Workspace:PublicUrl: the gateway's public address."));

    /// <summary>
    /// Her roles and institution, as the access token the identity service just issued states them (received
    /// over the back channel, from the token endpoint): the id token carries only who she is.
    /// </summary>
    private static void AddAccessTokenClaims(ClaimsPrincipal principal, string? accessToken)
    {
        if (accessToken is null || principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }
        var token = new JsonWebToken(accessToken);
        foreach (var claim in token.Claims.Where(c => c.Type is PlatformClaims.Roles or PlatformClaims.Institution or PlatformClaims.InstitutionKind))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }
    }
}
