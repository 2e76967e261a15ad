using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Identity.Persistence;

namespace Safeguard.Identity.Accounts;

/// <summary>
/// Issue 24 §10: a disabled account is erased (<see cref="Account.Erase"/>) once Retention:DisabledAccountDays have
/// passed since it was disabled. The audit entries that name the account's id are kept (they hold who read or changed a
/// victim's record), so until then the id still leads to a person. The default of ten years is a placeholder to be
/// confirmed by the data-protection officer. There is no request path: an access log kept for accountability is what
/// GDPR Art. 17(3)(b) exempts from erasure.
/// </summary>
public sealed class DisabledAccountRetention(IConfiguration configuration)
    : ErasureRetention<IdentityServiceDbContext, Account>(configuration, Setting, DefaultDays)
{
    public const string Setting = "DisabledAccountDays";
    public const int DefaultDays = 3650;

    protected override string RecordType => AccountAccessRules.AccountRecord;

    protected override IQueryable<Account> Due(IdentityServiceDbContext db, DateTimeOffset endedBefore) =>
        db.Accounts.Where(a => a.ErasedAt == null && a.DisabledAt != null && a.DisabledAt <= endedBefore).OrderBy(a => a.DisabledAt);

    protected override Guid IdOf(Account record) => record.Id;

    protected override async Task EraseAsync(IdentityServiceDbContext db, Account record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        record.Erase(now);
        var id = record.Id;
        db.RemoveRange(await db.Set<IdentityUserToken<Guid>>().Where(t => t.UserId == id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<IdentityUserClaim<Guid>>().Where(c => c.UserId == id).ToListAsync(cancellationToken));
        db.RemoveRange(await db.Set<IdentityUserLogin<Guid>>().Where(l => l.UserId == id).ToListAsync(cancellationToken));
    }
}
