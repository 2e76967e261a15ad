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
/// Configuration section "Auth":
/// <list type="bullet">
/// <item>Authority (+ Audience): an OpenID Connect provider; keys come from its discovery document.</item>
/// <item>SigningKey (+ Issuer, Audience): the development issuer's HMAC key (base64), for local runs and tests only.</item>
/// </list>
/// </summary>
public static class PlatformAuthentication
{
    public const string DevelopmentIssuer = "safeguard-dev";
    public const string DefaultAudience = "safeguard";

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
            if (settings.Authority is { } authority)
            {
                options.Authority = authority;
                options.RequireHttpsMetadata = !builder.Environment.IsDevelopment();
            }
            else
            {
                validation.ValidIssuer = settings.Issuer;
                validation.IssuerSigningKey = settings.DevelopmentKey;
                // Only the algorithm the key is for: no "none", no algorithm confusion.
                validation.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }
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

public sealed record AuthSettings(string? Authority, string Issuer, string Audience, SymmetricSecurityKey? DevelopmentKey)
{
    public static AuthSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        var authority = section["Authority"] is { Length: > 0 } a ? a : null;
        var key = section["SigningKey"] is { Length: > 0 } k ? new SymmetricSecurityKey(Convert.FromBase64String(k)) : null;
        if (authority is null && key is null)
        {
            throw new InvalidOperationException("Set Auth:Authority (an OpenID Connect provider) or Auth:SigningKey (development issuer).");
        }
        if (key is { KeySize: < 256 })
        {
            throw new InvalidOperationException("Auth:SigningKey must hold at least 256 bits.");
        }
        return new AuthSettings(authority, section["Issuer"] ?? PlatformAuthentication.DevelopmentIssuer,
            section["Audience"] ?? PlatformAuthentication.DefaultAudience, key);
    }
}
