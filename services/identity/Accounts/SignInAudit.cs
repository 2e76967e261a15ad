using System.Diagnostics;
using Safeguard.BuildingBlocks.Access;
using Safeguard.Identity.Persistence;

namespace Safeguard.Identity.Accounts;

/// <summary>
/// Sign-ins, failed sign-ins, lockouts and sign-outs, in the service's append-only audit table like a record read
/// (issue 22 §3). The account is the record; a failed attempt for an address that has no account is recorded
/// without one, and the address itself is never written. Actions: activated, sign-in, bad-pass (wrong password),
/// bad-code (wrong second factor), locked (that failure locked the account), refused (tried while locked), sign-out.
/// </summary>
public sealed class SignInAudit(IdentityServiceDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public const string RecordType = "account";

    public async Task RecordAsync(string action, Account? account, int status)
    {
        var request = http.HttpContext;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Subject = account?.Id.ToString() ?? "",
            Institution = account?.InstitutionCode ?? "",
            Roles = account is null ? "" : string.Join(' ', account.Roles.Order(StringComparer.Ordinal)),
            Action = action,
            RecordType = RecordType,
            RecordId = account?.Id,
            Endpoint = request is null ? "" : $"{request.Request.Method} {request.Request.Path}",
            Status = status,
            TraceId = Activity.Current?.TraceId.ToString(),
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
