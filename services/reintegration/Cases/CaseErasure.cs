using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Persistence;

namespace Safeguard.Reintegration.Cases;

/// <summary>
/// Erases a closed reintegration case and every record under it (issue 24 §10), in the caller's change: the retention
/// step and an authorised erasure request take this one path, and each is audited where it is made. No other service
/// keeps a household's personal data, so no event follows (notification keeps referral e-mails' bodies only for its
/// own window, issue 24 §11).
/// </summary>
public static class CaseErasure
{
    public static async Task EraseAsync(ReintegrationDbContext db, ReintegrationCase erased, ErasureGround ground, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        erased.Erase(ground, at);
        var id = erased.Id;
        foreach (var member in await db.Members.Where(m => m.CaseId == id).ToListAsync(cancellationToken))
        {
            member.Erase();
        }
        foreach (var visit in await db.NeedsAssessments.Where(n => n.CaseId == id).ToListAsync(cancellationToken))
        {
            visit.Erase();
        }
        foreach (var item in await db.PlanItems.Where(i => i.CaseId == id).ToListAsync(cancellationToken))
        {
            item.Erase();
        }
        foreach (var consent in await db.Consents.Where(c => c.CaseId == id).ToListAsync(cancellationToken))
        {
            consent.Erase();
        }
        foreach (var referral in await db.Referrals.Where(r => r.CaseId == id).ToListAsync(cancellationToken))
        {
            referral.Erase();
        }
        foreach (var change in await db.ReferralChanges.Where(c => db.Referrals.Any(r => r.Id == c.ReferralId && r.CaseId == id)).ToListAsync(cancellationToken))
        {
            change.Erase();
        }
        foreach (var review in await db.Reviews.Where(r => r.CaseId == id).ToListAsync(cancellationToken))
        {
            review.Erase();
        }
    }
}
