using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.Identity.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Identity.Accounts;

/// <summary>
/// Who manages which accounts: the platform's administrators every account; a centre's supervisor the case
/// workers of her own centre (issue 22 §3). Nobody else reaches an account, not even her own institution's peers.
/// </summary>
public sealed class AccountAccessRules(IdentityServiceDbContext db) : IRecordAccessRules
{
    public const string AccountRecord = "account";

    public IReadOnlyCollection<string> RecordTypes { get; } = [AccountRecord];

    public async Task<bool> MayAccessAsync(Caller caller, string recordType, Guid id, CancellationToken cancellationToken)
    {
        if (recordType != AccountRecord)
        {
            return false;
        }
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.InstitutionCode, a.Roles }).SingleOrDefaultAsync(cancellationToken);
        return account is not null && MayManage(caller, account.InstitutionCode, account.Roles);
    }

    /// <summary>May <paramref name="caller"/> register or change an account of <paramref name="institution"/> with <paramref name="roles"/>?</summary>
    public static bool MayManage(Caller caller, string institution, IEnumerable<string> roles) =>
        caller.Is(PlatformRoles.PlatformAdmin)
        || (caller.Is(PlatformRoles.CsrSupervisor) && caller.WorksAtCentre(institution) && roles.All(r => r == PlatformRoles.CsrCaseWorker));

    /// <summary>May <paramref name="caller"/> list the accounts of <paramref name="institution"/>?</summary>
    public static bool MayList(Caller caller, string institution) =>
        caller.Is(PlatformRoles.PlatformAdmin) || (caller.Is(PlatformRoles.CsrSupervisor) && caller.WorksAtCentre(institution));
}
