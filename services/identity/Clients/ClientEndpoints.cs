using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Identity.Institutions;
using Safeguard.Identity.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.Clients;

public sealed class RegisterClientRequest
{
    [Required, RegularExpression("^[a-z0-9][a-z0-9.-]{2,63}$")]
    public string? ClientId { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? DisplayName { get; init; }

    /// <summary>"system": an institution's own system (client credentials); "front-end": an application people sign in through.</summary>
    [Required, RegularExpression("^(system|front-end)$")]
    public string? Kind { get; init; }

    /// <summary>A system's institution: every token it gets acts for it.</summary>
    [StringLength(40)]
    public string? Institution { get; init; }

    /// <summary>The roles a system may act in; they must belong to its institution's kind.</summary>
    [MaxLength(8)]
    public List<string>? Roles { get; init; }

    /// <summary>A front end's sign-in return addresses.</summary>
    [MaxLength(10)]
    public List<Uri>? RedirectUris { get; init; }

    [MaxLength(10)]
    public List<Uri>? PostLogoutRedirectUris { get; init; }
}

/// <param name="ClientSecret">A system's secret, shown this once: only its hash is kept.</param>
public sealed record RegisteredClient(string ClientId, string Kind, string? Institution, IReadOnlyList<string> Roles, string? ClientSecret);

public static class ClientEndpoints
{
    public static IEndpointRouteBuilder MapClientEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(IdentityService.Description.ApiPrefix + "/clients", RegisterAsync).WithTags("Clients").AllowRoles(PlatformRoles.PlatformAdmin)
            .WithName("RegisterClient").WithSummary("An institution's system (client credentials) or a front end (code flow with PKCE)")
            .Produces<RegisteredClient>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    private static async Task<IResult> RegisterAsync(RegisterClientRequest request, IdentityServiceDbContext db, ClientRegistry clients, CancellationToken cancellationToken)
    {
        if (await clients.ExistsAsync(request.ClientId!, cancellationToken))
        {
            return Problems.Conflict("clientId", "A client with this id is registered already.");
        }
        if (request.Kind == "front-end")
        {
            if (request.RedirectUris is not { Count: > 0 } redirects || redirects.Any(u => !u.IsAbsoluteUri))
            {
                return Problems.Invalid("redirectUris", "A front end needs at least one absolute return address.");
            }
            await clients.RegisterFrontEndAsync(request.ClientId!, request.DisplayName!, redirects, request.PostLogoutRedirectUris ?? [], cancellationToken);
            return TypedResults.Created($"{IdentityService.Description.ApiPrefix}/clients/{request.ClientId}",
                new RegisteredClient(request.ClientId!, "front-end", null, [], null));
        }
        var institution = request.Institution is { } code ? await db.Institutions.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, cancellationToken) : null;
        if (institution is null)
        {
            return Problems.Invalid("institution", "A system acts for a registered institution: name its code.");
        }
        if (request.Roles is not { Count: > 0 } roles)
        {
            return Problems.Invalid("roles", "A system acts in at least one role.");
        }
        if (institution.Misfit(roles) is { } misfit)
        {
            return Problems.Invalid("roles", misfit);
        }
        var secret = await clients.RegisterSystemAsync(request.ClientId!, request.DisplayName!, institution.Code, roles, cancellationToken);
        return TypedResults.Created($"{IdentityService.Description.ApiPrefix}/clients/{request.ClientId}",
            new RegisteredClient(request.ClientId!, "system", institution.Code, roles, secret));
    }
}
