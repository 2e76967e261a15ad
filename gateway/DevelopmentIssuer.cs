using System.ComponentModel.DataAnnotations;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Gateway;

/// <summary>
/// POST /dev/token: a token for a given person, institution and roles, signed with the development key.
/// Mapped only when the AppHost turns it on (Auth:DevelopmentIssuer, set together with the development key)
/// and never where an identity provider (Auth:Authority) is configured, so a deployment cannot hand out
/// tokens. `eng/token.sh` calls it (README, "Access, audit and privacy").
/// </summary>
public static class DevelopmentIssuer
{
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

        /// <summary>csr, police, health, school, employment, ngo, municipality, prison, probation, training…</summary>
        [Required, StringLength(40, MinimumLength = 2)]
        public string? InstitutionKind { get; init; }

        /// <summary>Her work address: team membership is matched on it.</summary>
        [EmailAddress]
        public string? Email { get; init; }

        /// <summary>At most 12 hours: a working shift, not a standing credential.</summary>
        [Range(1, 720)]
        public int? LifetimeMinutes { get; init; }
    }

    public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

    public static WebApplication MapDevelopmentIssuer(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<AuthSettings>();
        if (!app.Configuration.GetValue<bool>("Auth:DevelopmentIssuer") || settings.Authority is not null || settings.DevelopmentKey is null)
        {
            return app;
        }
        app.MapPost("/dev/token", (TokenRequest request, TimeProvider time) =>
        {
            if (request.Roles!.FirstOrDefault(r => !PlatformRoles.All.Contains(r)) is { } unknown)
            {
                return Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["roles"] = [$"Unknown role '{unknown}'. Known: {string.Join(", ", PlatformRoles.All)}."] });
            }
            var lifetime = request.LifetimeMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : DefaultLifetime;
            var now = time.GetUtcNow();
            var token = DevelopmentTokens.Issue(settings,
                new TokenSubject(request.Subject!, request.Roles!, request.Institution!, request.InstitutionKind!, request.Email), lifetime, now);
            return Results.Ok(new TokenResponse(token, "Bearer", now + lifetime));
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
