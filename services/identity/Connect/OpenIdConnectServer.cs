using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Safeguard.Identity.Persistence;
using Safeguard.ServiceDefaults.Security;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Safeguard.Identity.Connect;

/// <summary>
/// OpenIddict as the platform's OpenID Connect server. People: authorization code with PKCE (required of every
/// client), short access tokens, refresh tokens that rotate at each use and are refused when used twice.
/// Institutions' systems: client credentials. Access tokens are signed JWTs (not encrypted) that every service
/// checks against the published keys.
/// </summary>
public static class OpenIdConnectServer
{
    /// <summary>A stolen access token is good for minutes only; the workspace refreshes it.</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>A refresh token lasts a shift; each use replaces it.</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromHours(8);

    /// <summary>The scope that asks for the platform's APIs; tokens for it carry the audience "safeguard".</summary>
    public const string ApiScope = "safeguard";

    /// <summary>Configuration "Identity:PublicUrl": where people and systems reach the identity service (the gateway).</summary>
    public static string PublicUrl(IConfiguration configuration) =>
        configuration["Identity:PublicUrl"] is { Length: > 0 } url
            ? url.TrimEnd('/') + "/"
            : throw new InvalidOperationException("Set Identity:PublicUrl: the gateway's address, the tokens' issuer.");

    /// <summary>Configuration "Identity:KeysPath": the folder of signing and encryption certificates (<see cref="SigningKeyRing"/>).</summary>
    public static string KeysPath(IConfiguration configuration) =>
        configuration["Identity:KeysPath"] is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("Set Identity:KeysPath: the folder of the token certificates.");

    public static WebApplicationBuilder AddOpenIdConnectServer(this WebApplicationBuilder builder)
    {
        var issuer = new Uri(PublicUrl(builder.Configuration));
        var keys = new TokenKeys(KeysPath(builder.Configuration));
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(keys);
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(keys);
        builder.Services.AddScoped<Clients.ClientRegistry>();
        builder.Services.AddHostedService<TokenPruning>();
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityServiceDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(issuer);
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow();
                server.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.OfflineAccess, ApiScope);
                server.SetAccessTokenLifetime(AccessTokenLifetime)
                    .SetRefreshTokenLifetime(RefreshTokenLifetime)
                    .SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(2))
                    // A refresh token used a second time is refused, however soon: with the leeway OpenIddict allows
                    // by default, a thief who replays it at once would get tokens too.
                    .SetRefreshTokenReuseLeeway(TimeSpan.Zero);
                // The certificates come from TokenKeys, read again at each rollover.
                server.DisableAccessTokenEncryption();
                var aspNetCore = server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (builder.Environment.IsDevelopment())
                {
                    // Local platforms speak plain HTTP on loopback (README); a deployment terminates TLS before the gateway.
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        return builder;
    }
}
