using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Access;

/// <summary>
/// Who reaches a household's records (issue 9; seed 003 Art. 3; seed 004 §1.1): the reintegration officers of
/// its municipality. A prison or probation officer reaches a case that came from prison only to confirm the
/// release (000 §4.3.4) — the one endpoint her role opens. A referral is also reached by its named
/// recipient (the contact e-mail it was sent to), who answers it; she sees the referral, never the case.
/// </summary>
public sealed class HouseholdAccessRules(ReintegrationDbContext db) : IRecordAccessRules
{
    public const string Case = "reintegration-case";
    public const string Referral = "referral";

    public IReadOnlyCollection<string> RecordTypes { get; } = [Case, Referral];

    public async Task<bool> MayAccessAsync(Caller caller, string recordType, Guid id, CancellationToken cancellationToken)
    {
        switch (recordType)
        {
            case Case:
                var found = await db.Cases.AsNoTracking().Where(c => c.Id == id)
                    .Select(c => new { c.MunicipalityCode, c.ArrivalKind }).SingleOrDefaultAsync(cancellationToken);
                return found is not null
                    && (IsOfficerOf(caller, found.MunicipalityCode)
                        || (caller.Is(PlatformRoles.PrisonProbationOfficer) && CategoryRules.FromPrison(found.ArrivalKind)));
            case Referral:
                var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == id)
                    .Select(r => new { r.Recipient.ContactEmail, r.CaseId }).SingleOrDefaultAsync(cancellationToken);
                if (referral is null)
                {
                    return false;
                }
                if (IsNamedRecipient(caller, referral.ContactEmail))
                {
                    return true;
                }
                var municipality = await db.Cases.AsNoTracking().Where(c => c.Id == referral.CaseId).Select(c => c.MunicipalityCode).SingleAsync(cancellationToken);
                return IsOfficerOf(caller, municipality);
            default:
                return false;
        }
    }

    public static bool IsOfficerOf(Caller caller, string municipality) =>
        caller.Is(PlatformRoles.ReintegrationOfficer) && caller.InstitutionKind == "municipality" && caller.Institution == municipality;

    /// <summary>The professional a referral names (004 §2.3): a partner institution's member whose token carries that address.</summary>
    public static bool IsNamedRecipient(Caller caller, string contactEmail) =>
        caller.Is(PlatformRoles.TeamMember) && caller.Email is { } email && string.Equals(email, contactEmail, StringComparison.OrdinalIgnoreCase);
}
