using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Persistence;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Access;

/// <summary>
/// Who reaches a household's records (issue 9; seed 003 Art. 3; seed 004 §1.1): the reintegration officers of
/// its municipality. A prison or probation officer reaches a case her own institution registered, in its minimal
/// view, to confirm the release (000 §4.3.4). The workers of the centre for social work a
/// pre-release handover is addressed to reach that case, to prepare the release and join the visit (000 §4.3.4).
/// A referral is also reached by its recipient (the account that took it with the code sent to its contact, or
/// the centre it is addressed to), who answers it and sees the referral, never the case.
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
                    .Select(c => new { c.MunicipalityCode, c.ArrivalKind, c.CsrCode, c.RegisteredByInstitution }).SingleOrDefaultAsync(cancellationToken);
                return found is not null
                    && (IsOfficerOf(caller, found.MunicipalityCode)
                        || (IsPrisonStaff(caller) && CategoryRules.FromPrison(found.ArrivalKind) && found.RegisteredByInstitution == caller.Institution)
                        || (found.ArrivalKind == ArrivalKind.PreReleaseHandover && found.CsrCode is { } centre && caller.WorksAtCentre(centre)));
            case Referral:
                var referral = await db.Referrals.AsNoTracking().Where(r => r.Id == id)
                    .Select(r => new { r.Recipient, r.CaseId, Holder = db.ReferralHolders.Where(h => h.ReferralId == r.Id).Select(h => h.AccountSubject).FirstOrDefault() })
                    .SingleOrDefaultAsync(cancellationToken);
                if (referral is null)
                {
                    return false;
                }
                if (referral.Recipient.AnsweredBy(caller, referral.Holder))
                {
                    return true;
                }
                var municipality = await db.Cases.AsNoTracking().Where(c => c.Id == referral.CaseId).Select(c => c.MunicipalityCode).SingleAsync(cancellationToken);
                return IsOfficerOf(caller, municipality);
            default:
                return false;
        }
    }

    /// <summary>A prison or probation officer, who sees only the minimal view of the cases her institution registered.</summary>
    public static bool IsPrisonStaff(Caller caller) => caller.Is(PlatformRoles.PrisonProbationOfficer) && !caller.Is(PlatformRoles.ReintegrationOfficer);

    public static bool IsOfficerOf(Caller caller, string municipality) =>
        caller.Is(PlatformRoles.ReintegrationOfficer) && caller.InstitutionKind == "municipality" && caller.Institution == municipality;
}
