using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Identity.Accounts;
using Safeguard.Identity.Connect;
using Safeguard.Identity.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.Institutions;

public sealed class RegisterInstitutionRequest
{
    /// <summary>Its code on the platform: a centre's ("SK"), a municipality's, a station's.</summary>
    [Required, RegularExpression("^[A-Za-z0-9][A-Za-z0-9-]{1,39}$")]
    public string? Code { get; init; }

    /// <summary>csr, police, health, school, employment, ngo, municipality, prison, probation, ministry, national-committee, platform.</summary>
    [Required, RegularExpression("^[a-z][a-z-]{1,39}$")]
    public string? Kind { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? Name { get; init; }

    [Required, RegularExpression("^(mk|sq|sr|en)$")]
    public string? Language { get; init; }

    /// <summary>Its first administrator: for a centre, its supervisor, who then registers the centre's case workers.</summary>
    [Required]
    public RegisterAccountRequest? Administrator { get; init; }
}

public sealed record InstitutionView(string Code, string Kind, string Name, string Language, DateTimeOffset RegisteredAt, Guid? AdministratorId = null);

public static class InstitutionEndpoints
{
    public static readonly IReadOnlyList<string> Kinds =
        ["csr", "police", "health", "school", "employment", "ngo", "prosecution", "municipality", "prison", "probation", "ministry", "national-committee", "platform"];

    public static IEndpointRouteBuilder MapInstitutionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(IdentityService.Description.ApiPrefix + "/institutions").WithTags("Institutions").AllowRoles(PlatformRoles.PlatformAdmin);
        group.MapPost("/", RegisterAsync).WithName("RegisterInstitution")
            .WithSummary("An institution and its first administrator, who gets an e-mail to choose her password")
            .Produces<InstitutionView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", async (IdentityServiceDbContext db, CancellationToken ct) => TypedResults.Ok(await db.Institutions.AsNoTracking()
                .OrderBy(i => i.Code).Select(i => new InstitutionView(i.Code, i.Kind, i.Name, i.Language, i.RegisteredAt, null)).ToListAsync(ct)))
            .WithName("ListInstitutions").WithSummary("Every registered institution");
        return app;
    }

    private static async Task<IResult> RegisterAsync(RegisterInstitutionRequest request, HttpContext http, IdentityServiceDbContext db,
        Invitations invitations, IConfiguration configuration, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!Kinds.Contains(request.Kind))
        {
            return Problems.Invalid("kind", $"Unknown kind of institution. Known: {string.Join(", ", Kinds)}.");
        }
        if (await db.Institutions.AnyAsync(i => i.Code == request.Code, cancellationToken))
        {
            return Problems.Conflict("code", "An institution with this code is registered already.");
        }
        var caller = http.Caller();
        var institution = new Institution
        {
            Code = request.Code!, Kind = request.Kind!, Name = request.Name!, Language = request.Language!,
            RegisteredAt = time.GetUtcNow(), RegisteredBy = caller.Subject,
        };
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        db.Institutions.Add(institution);
        await db.SaveChangesAsync(cancellationToken);
        var administrator = request.Administrator!;
        var (account, problems) = await invitations.RegisterAsync(institution,
            new NewAccount(administrator.Email!, administrator.Roles!, administrator.Language), caller.Subject, OpenIdConnectServer.PublicUrl(configuration));
        if (problems is not null)
        {
            // Nothing of the institution stays without its administrator.
            return Results.ValidationProblem(problems.ToDictionary(p => "administrator." + p.Key, p => p.Value));
        }
        // The account's creation is committed with its audit entry, never without it.
        AuditTrail.Add(db, http, "change", AccountAccessRules.AccountRecord, account!.Id, StatusCodes.Status201Created);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"{IdentityService.Description.ApiPrefix}/institutions/{institution.Code}",
            new InstitutionView(institution.Code, institution.Kind, institution.Name, institution.Language, institution.RegisteredAt, account.Id));
    }
}
