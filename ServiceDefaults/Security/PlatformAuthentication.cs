using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>
/// Bearer tokens (JWT) checked at the gateway and again in every service: no service trusts the network.
/// Configuration section "Auth": Authority, the OpenID Connect provider (the platform's identity service, or a
/// deployment's own), whose discovery document names the issuer and publishes the signing keys; Audience.
/// No service holds a signing secret.
/// </summary>
public static class PlatformAuthentication
{
    public const string DefaultAudience = "safeguard";

    /// <summary>
    /// How soon a service looks at the published keys again after meeting a token signed by a key it does not know
    /// (a rollover); the next key is published before it signs anything, so this is a safety net.
    /// </summary>
    public static readonly TimeSpan KeyRefreshInterval = TimeSpan.FromSeconds(30);

    /// <summary>How often a service reads the published keys unasked: a key announced for a rollover is known within it.</summary>
    public static readonly TimeSpan KeyReadInterval = TimeSpan.FromMinutes(10);

    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var settings = AuthSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            // Claims keep their JWT names ("sub", "roles"), not the long WS-Federation URIs.
            options.MapInboundClaims = false;
            options.Audience = settings.Audience;
            var validation = options.TokenValidationParameters;
            validation.NameClaimType = PlatformClaims.Subject;
            validation.RoleClaimType = PlatformClaims.Roles;
            validation.ClockSkew = TimeSpan.FromSeconds(30);
            validation.RequireExpirationTime = true;
            options.Authority = settings.Authority;
            options.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            options.RefreshInterval = KeyRefreshInterval;
            options.AutomaticRefreshInterval = KeyReadInterval;
            // Only the asymmetric algorithms the identity service signs with: no "none", no HMAC with a public key.
            validation.ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256];
            // A token that passed is not checked in full again on each request while its key is still published.
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new ValidatedTokens());
        });
        // Closed by default: an endpoint without its own rule still needs a valid token, for an institution its roles fit.
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(InstitutionFitRequirement.Instance).Build());
        return builder;
    }

    /// <summary>Checks the token, then the endpoint's rule. <paramref name="beforeAuthorization"/> runs between (the gateway's rate limits key on the token).</summary>
    public static WebApplication UsePlatformAuthentication(this WebApplication app, Action<WebApplication>? beforeAuthorization = null)
    {
        app.UseAuthentication();
        beforeAuthorization?.Invoke(app);
        app.UseAuthorization();
        return app;
    }

    /// <summary>Only these roles may call the endpoint, from an institution their role fits (on top of the record rules the endpoint applies itself).</summary>
    public static TBuilder AllowRoles<TBuilder>(this TBuilder endpoint, params string[] roles) where TBuilder : IEndpointConventionBuilder =>
        endpoint.RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(roles).AddRequirements(InstitutionFitRequirement.Instance));
}

public sealed record AuthSettings(string Authority, string Audience)
{
    public static AuthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        var authority = section["Authority"] is { Length: > 0 } a
            ? a
            : throw new InvalidOperationException("Set Auth:Authority: the OpenID Connect provider whose tokens the platform accepts.");
        return new AuthSettings(authority, section["Audience"] ?? PlatformAuthentication.DefaultAudience);
    }
}
