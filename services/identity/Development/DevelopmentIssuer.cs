using System.ComponentModel.DataAnnotations;
using Safeguard.Identity.Connect;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.Development;

/// <summary>
/// POST /dev/token: a token for a given person, institution and roles without a sign-in, signed with the identity
/// service's own key, for local runs (eng/token.sh) and tests. It exists only in the Development environment, when
/// asked for (Auth:DevelopmentIssuer) and when the platform trusts this identity service (no other authority);
/// asked for in any other environment, the service refuses to start.
/// </summary>
public static class DevelopmentIssuer
{
    private const string Setting = "Auth:DevelopmentIssuer";
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public sealed class TokenRequest
    {
        /// <summary>The person's stable id at her institution (never her name).</summary>
        [Required, StringLength(100, MinimumLength = 1)]
        public string? Subject { get; init; }

        [Required, MinLength(1)]
        public string[]? Roles { get; init; }

        /// <summary>Her institution's code: the centre's ("SK") for a CSR, the municipality's for its officer.</summary>
        [Required, StringLength(40, MinimumLength = 2)]
        public string? Institution { get; init; }

        /// <summary>csr, police, health, school, employment, ngo, municipality, prison, probation, ministry…</summary>
        [Required, StringLength(40, MinimumLength = 2)]
        public string? InstitutionKind { get; init; }

        [EmailAddress]
        public string? Email { get; init; }

        /// <summary>At most 12 hours: a working shift, not a standing credential.</summary>
        [Range(1, 720)]
        public int? LifetimeMinutes { get; init; }
    }

    public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

    /// <summary>Refuses to start when the development issuer is asked for outside Development.</summary>
    public static void CheckEnvironment(WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>(Setting) && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                $"{Setting} is set in the {builder.Environment.EnvironmentName} environment: the development issuer exists only in Development.");
        }
    }

    public static bool IsEnabled(WebApplication app) =>
        app.Environment.IsDevelopment()
        && app.Configuration.GetValue<bool>(Setting)
        && string.Equals(app.Services.GetRequiredService<AuthSettings>().Authority.TrimEnd('/'), OpenIdConnectServer.PublicUrl(app.Configuration).TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    public static WebApplication MapDevelopmentIssuer(this WebApplication app)
    {
        if (!IsEnabled(app))
        {
            // Answered plainly here, not by the authorization that guards unknown routes: there is no issuer.
            app.MapPost("/dev/token", () => Results.Problem(statusCode: StatusCodes.Status404NotFound,
                title: "There is no development issuer here: sign in through /connect/authorize.")).AllowAnonymous().ExcludeFromDescription();
            return app;
        }
        var settings = app.Services.GetRequiredService<AuthSettings>();
        var issuer = OpenIdConnectServer.PublicUrl(app.Configuration);
        app.MapPost("/dev/token", (TokenRequest request, TokenKeys keys) =>
        {
            if (request.Roles!.FirstOrDefault(r => !PlatformRoles.All.Contains(r)) is { } unknown)
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["roles"] = [$"Unknown role '{unknown}'. Known: {string.Join(", ", PlatformRoles.All)}."] });
            }
            var lifetime = request.LifetimeMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : DefaultLifetime;
            // The real clock: a test moving the services' clock must not make tokens that are already expired.
            var now = DateTimeOffset.UtcNow;
            var signer = new TokenSigner(issuer, settings.Audience, keys.CurrentSigningCredentials(now));
            var token = DevelopmentTokens.Issue(signer,
                new TokenSubject(request.Subject!, request.Roles!, request.Institution!, request.InstitutionKind!, request.Email), lifetime, now);
            return Results.Ok(new TokenResponse(token, "Bearer", now + lifetime));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
