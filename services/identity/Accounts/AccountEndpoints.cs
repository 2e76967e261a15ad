using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Identity.Connect;
using Safeguard.Identity.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.Accounts;

public sealed class RegisterAccountRequest
{
    /// <summary>Her work e-mail: she signs in with it and her invitation goes there.</summary>
    [Required, EmailAddress, StringLength(256)]
    public string? Email { get; init; }

    [Required, MinLength(1), MaxLength(8)]
    public List<string>? Roles { get; init; }

    /// <summary>mk, sq, sr or en; her institution's language when left out.</summary>
    [RegularExpression("^(mk|sq|sr|en)$")]
    public string? Language { get; init; }
}

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var prefix = IdentityService.Description.ApiPrefix;
        var managers = app.MapGroup(prefix).WithTags("Accounts").AllowRoles(PlatformRoles.PlatformAdmin, PlatformRoles.CsrSupervisor);
        managers.MapPost("/institutions/{code}/accounts", RegisterAsync).WithName("RegisterAccount")
            .WithSummary("An account at the institution; its holder gets an e-mail to choose her password and enrol her authenticator")
            .Produces<AccountView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .AuditCollection(AccountAccessRules.AccountRecord);
        managers.MapGet("/institutions/{code}/accounts", ListAsync).WithName("ListAccounts").WithSummary("The institution's accounts")
            .Produces<AccountView[]>().ProducesProblem(StatusCodes.Status403Forbidden)
            .AuditCollection(AccountAccessRules.AccountRecord);
        managers.MapGet("/accounts/{id:guid}", GetAsync).WithName("GetAccount").WithSummary("One account")
            .Produces<AccountView>().ProducesProblem(StatusCodes.Status404NotFound)
            .GuardRecord(AccountAccessRules.AccountRecord);
        managers.MapPost("/accounts/{id:guid}/disable", DisableAsync).WithName("DisableAccount")
            .WithSummary("Disables the account at once: no sign-in, no new token. Accounts are never deleted, so what they signed keeps a name")
            .Produces<AccountView>().ProducesProblem(StatusCodes.Status404NotFound)
            .GuardRecord(AccountAccessRules.AccountRecord);
        managers.MapPost("/accounts/{id:guid}/reset", ResetAsync).WithName("ResetAccount")
            .WithSummary("Sends the holder a new one-time link to choose a new password and enrol her authenticator again (a forgotten password, a lost phone)")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .GuardRecord(AccountAccessRules.AccountRecord);
        return app;
    }

    private static async Task<IResult> RegisterAsync(string code, RegisterAccountRequest request, HttpContext http, IdentityServiceDbContext db,
        Invitations invitations, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        var institution = await db.Institutions.FindAsync([code], cancellationToken);
        if (institution is null)
        {
            return Problems.NotFound("There is no such institution.");
        }
        if (!AccountAccessRules.MayManage(caller, code, request.Roles!))
        {
            return Problems.Forbidden("roles", "A centre's supervisor registers case workers of her own centre; other accounts are registered by the platform's administrators.");
        }
        await using var transaction = await db.BeginChangeAsync(cancellationToken);
        var (account, problems) = await invitations.RegisterAsync(institution, new NewAccount(request.Email!, request.Roles!, request.Language),
            caller.Subject, OpenIdConnectServer.PublicUrl(http.RequestServices.GetRequiredService<IConfiguration>()));
        if (problems is not null)
        {
            return Results.ValidationProblem(problems);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"{IdentityService.Description.ApiPrefix}/accounts/{account!.Id}", AccountView.Of(account, time.GetUtcNow()));
    }

    private static async Task<IResult> ListAsync(string code, HttpContext http, IdentityServiceDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!AccountAccessRules.MayList(http.Caller(), code))
        {
            return Problems.Forbidden("code", "A centre's supervisor sees the accounts of her own centre only.");
        }
        var now = time.GetUtcNow();
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.InstitutionCode == code).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(accounts.Select(a => AccountView.Of(a, now)).ToList());
    }

    private static async Task<IResult> GetAsync(Guid id, IdentityServiceDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } account
            ? TypedResults.Ok(AccountView.Of(account, time.GetUtcNow()))
            : Problems.NotFound("There is no such account.");

    private static async Task<IResult> ResetAsync(Guid id, IdentityServiceDbContext db, Invitations invitations, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Problems.NotFound("There is no such account.");
        }
        if (account.IsDisabled)
        {
            return Problems.Conflict("id", "The account is disabled: it is not reset.");
        }
        var institution = await db.Institutions.SingleAsync(i => i.Code == account.InstitutionCode, cancellationToken);
        await invitations.InviteAsync(account, institution, OpenIdConnectServer.PublicUrl(configuration));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<IResult> DisableAsync(Guid id, HttpContext http, UserManager<Account> users, TimeProvider time, OpenIddict.Abstractions.IOpenIddictTokenManager tokens)
    {
        var account = await users.FindByIdAsync(id.ToString());
        if (account is null)
        {
            return Problems.NotFound("There is no such account.");
        }
        account.Disable(http.Caller().Subject, time.GetUtcNow());
        // Locked for good, a new security stamp and her tokens revoked: her signed-in session ends within a minute, her refresh token now.
        account.LockoutEnd = DateTimeOffset.MaxValue;
        await users.UpdateSecurityStampAsync(account);
        await tokens.RevokeBySubjectAsync(account.Id.ToString(), http.RequestAborted);
        return TypedResults.Ok(AccountView.Of(account, time.GetUtcNow()));
    }
}
