using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Safeguard.ServiceDefaults.Security;

/// <summary>Who is asking, as the validated token says: the only identity services act on.</summary>
public sealed record Caller(string Subject, IReadOnlySet<string> Roles, string Institution, string InstitutionKind, string? Email)
{
    public bool Is(string role) => Roles.Contains(role);

    public bool IsAny(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A CSR worker of this centre (case worker or supervisor).</summary>
    public bool WorksAtCentre(string centreCode) =>
        IsAny(PlatformRoles.Csr) && InstitutionKind == "csr" && string.Equals(Institution, centreCode, StringComparison.Ordinal);

    public static Caller From(ClaimsPrincipal user) => new(
        user.FindFirstValue(PlatformClaims.Subject) ?? "",
        user.FindAll(PlatformClaims.Roles).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
        user.FindFirstValue(PlatformClaims.Institution) ?? "",
        user.FindFirstValue(PlatformClaims.InstitutionKind) ?? "",
        user.FindFirstValue(PlatformClaims.Email)?.ToLowerInvariant());
}

public static class CallerExtensions
{
    /// <summary>The authenticated caller. Endpoints only run for authenticated callers (the fallback policy).</summary>
    public static Caller Caller(this HttpContext http) =>
        http.Items.TryGetValue(typeof(Caller), out var cached) && cached is Caller caller
            ? caller
            : (Caller)(http.Items[typeof(Caller)] = Security.Caller.From(http.User));
}
