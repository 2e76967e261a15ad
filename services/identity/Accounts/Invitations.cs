using Microsoft.AspNetCore.Identity;
using Safeguard.Contracts.Identity;
using Safeguard.Identity.Institutions;
using Safeguard.Identity.Persistence;

namespace Safeguard.Identity.Accounts;

public sealed record NewAccount(string Email, IReadOnlyList<string> Roles, string? Language);

/// <summary>
/// Registers an account and sends its holder the one-time link to choose her password (and enrol her
/// authenticator). Nobody else ever learns or sets her password: not the administrator who registered her.
/// </summary>
public sealed class Invitations(UserManager<Account> users, IdentityServiceDbContext db, TimeProvider time)
{
    /// <summary>Registers the account and queues its invitation; the caller commits both with the audit entry.</summary>
    /// <returns>The account, or the problems to answer with (field name, message).</returns>
    public async Task<(Account? Account, Dictionary<string, string[]>? Problems)> RegisterAsync(
        Institution institution, NewAccount request, string registeredBy, string publicBaseUrl)
    {
        if (institution.Misfit(request.Roles) is { } misfit)
        {
            return (null, new() { ["roles"] = [misfit] });
        }
        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            InstitutionCode = institution.Code,
            Roles = [.. request.Roles.Distinct(StringComparer.Ordinal)],
            Language = request.Language ?? institution.Language,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = registeredBy,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(account);
        if (!created.Succeeded)
        {
            return (null, new() { ["email"] = [.. created.Errors.Select(e => e.Code is "DuplicateEmail" or "DuplicateUserName" ? "An account with this e-mail exists already." : e.Description).Distinct()] });
        }
        await InviteAsync(account, institution, publicBaseUrl);
        return (account, null);
    }

    /// <summary>Queues a (new) invitation for an account that has not chosen its password yet.</summary>
    public async Task InviteAsync(Account account, Institution institution, string publicBaseUrl)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var url = $"{publicBaseUrl.TrimEnd('/')}/account/activate?account={account.Id:N}&token={Uri.EscapeDataString(token)}";
        var now = time.GetUtcNow();
        db.Publish(new AccountInvited(account.Id, institution.Code, institution.Name, account.Roles, account.Email!, account.Language, url,
            now + AccountsRegistration.InvitationLifetime, account.ActivatedAt is not null, now));
    }
}
