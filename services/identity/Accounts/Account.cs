using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.Accounts;

/// <summary>
/// A professional's account: she signs in with her work e-mail, a password and (for every role that reads a
/// victim's record) an authenticator app. Its id is the token's "sub", which never changes, so a team seat or a
/// referral bound to it survives a change of e-mail. Accounts are disabled, not deleted: what she signed keeps
/// a name until the disabled account's retention period ends (<see cref="Erase"/>).
/// </summary>
public sealed class Account : IdentityUser<Guid>
{
    public required string InstitutionCode { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>The language of her pages and e-mails.</summary>
    public required string Language { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }

    public DateTimeOffset? DisabledAt { get; private set; }
    public string? DisabledBy { get; private set; }

    /// <summary>Set once she chose her password (and enrolled her second factor where her roles need one).</summary>
    public DateTimeOffset? ActivatedAt { get; private set; }

    /// <summary>When her address and credentials were erased (issue 24 §10); the id the audit names stays.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsDisabled => DisabledAt is not null;

    public bool IsActive => ActivatedAt is not null && !IsDisabled;

    /// <summary>
    /// Every role that reads a victim's record needs a second factor (issue 22): the centre's roles and the team's.
    /// </summary>
    public static bool RolesNeedSecondFactor(IEnumerable<string> roles) =>
        roles.Any(role => role is PlatformRoles.CsrCaseWorker or PlatformRoles.CsrSupervisor or PlatformRoles.TeamMember);

    public bool NeedsSecondFactor => RolesNeedSecondFactor(Roles);

    public void Activate(DateTimeOffset at) => ActivatedAt ??= at;

    /// <summary>
    /// Issue 24 §10: a disabled account, once its period ends, keeps only what the audit's entries need to stay
    /// accountable (its id, institution, roles and dates): her e-mail, phone and credentials go, her user name becomes
    /// one nobody can sign in with. Her authenticator key, recovery codes, claims and logins are removed beside it
    /// (<see cref="DisabledAccountRetention"/>).
    /// </summary>
    public void Erase(DateTimeOffset at)
    {
        UserName = $"erased-{Id:N}";
        NormalizedUserName = UserName.ToUpperInvariant();
        Email = null;
        NormalizedEmail = null;
        EmailConfirmed = false;
        PhoneNumber = null;
        PhoneNumberConfirmed = false;
        PasswordHash = null;
        TwoFactorEnabled = false;
        SecurityStamp = Guid.NewGuid().ToString("N");
        ConcurrencyStamp = Guid.NewGuid().ToString("N");
        ErasedAt = at;
    }

    public void Disable(string by, DateTimeOffset at)
    {
        if (DisabledAt is null)
        {
            DisabledAt = at;
            DisabledBy = by;
        }
    }
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> entity)
    {
        // The columns ASP.NET Core Identity's own context would map, in this service's context.
        entity.ToTable("accounts");
        entity.HasKey(a => a.Id);
        entity.HasIndex(a => a.NormalizedUserName).IsUnique();
        entity.HasIndex(a => a.NormalizedEmail);
        entity.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        entity.Property(a => a.UserName).HasMaxLength(256);
        entity.Property(a => a.NormalizedUserName).HasMaxLength(256);
        entity.Property(a => a.Email).HasMaxLength(256);
        entity.Property(a => a.NormalizedEmail).HasMaxLength(256);
        entity.Property(a => a.InstitutionCode).HasMaxLength(40);
        entity.Property(a => a.Language).HasMaxLength(2);
        entity.Property(a => a.CreatedBy).HasMaxLength(100);
        entity.Property(a => a.DisabledBy).HasMaxLength(100);
        entity.HasIndex(a => a.InstitutionCode);
        // The retention step looks only at disabled accounts not yet erased.
        entity.HasIndex(a => a.DisabledAt).HasFilter("\"ErasedAt\" IS NULL AND \"DisabledAt\" IS NOT NULL").HasDatabaseName("ix_accounts_awaiting_erasure");
    }
}

internal sealed class AccountClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<Guid>> entity)
    {
        entity.ToTable("account_claims");
        entity.HasKey(c => c.Id);
    }
}

internal sealed class AccountLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<Guid>> entity)
    {
        entity.ToTable("account_logins");
        entity.HasKey(l => new { l.LoginProvider, l.ProviderKey });
    }
}

/// <summary>Holds the authenticator key (encrypted at rest by the service's Data Protection ring) and recovery codes.</summary>
internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<Guid>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<Guid>> entity)
    {
        entity.ToTable("account_tokens");
        entity.HasKey(t => new { t.UserId, t.LoginProvider, t.Name });
    }
}
