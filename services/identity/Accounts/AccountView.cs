namespace Safeguard.Identity.Accounts;

/// <summary>An account as its administrators see it: never its password, key or codes.</summary>
/// <param name="State">invited (no password chosen yet), active, locked (too many failures, for a while), disabled, or erased (disabled, and its period ended).</param>
public sealed record AccountView(Guid Id, string Email, IReadOnlyList<string> Roles, string InstitutionCode, string Language, string State,
    bool SecondFactor, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt)
{
    public static AccountView Of(Account account, DateTimeOffset now) => new(account.Id, account.Email ?? "", account.Roles, account.InstitutionCode,
        account.Language, StateOf(account, now), account.TwoFactorEnabled, account.CreatedAt, account.DisabledAt);

    private static string StateOf(Account account, DateTimeOffset now) =>
        account.ErasedAt is not null ? "erased"
        : account.IsDisabled ? "disabled"
        : account.ActivatedAt is null ? "invited"
        : account.LockoutEnd > now ? "locked"
        : "active";
}
