using Microsoft.EntityFrameworkCore;
using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Persistence;

namespace Safeguard.Reintegration.Schemes;

/// <summary>Reads the facts a quarter's scheme figures are computed from: the municipality's plan items, referrals, assessments and plans.</summary>
public static class SchemeFiguresQuery
{
    public static async Task<SchemeFigures> ComputeAsync(ReintegrationDbContext db, string municipality, Quarter quarter, CancellationToken cancellationToken)
    {
        var cases = db.Cases.Where(c => c.MunicipalityCode == municipality);
        var items = await db.PlanItems.AsNoTracking().Where(i => cases.Any(c => c.Id == i.CaseId) && i.CreatedAt < quarter.End)
            .Select(i => new SchemeFigures.PlanItemFact(i.CaseId, i.Package, i.CreatedAt)).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => cases.Any(c => c.Id == r.CaseId) && r.SentAt >= quarter.Start && r.SentAt < quarter.End)
            .Select(r => new SchemeFigures.ReferralFact(r.Service, r.SentAt, r.Status)).ToListAsync(cancellationToken);
        var assessments = (await db.NeedsAssessments.AsNoTracking()
                .Where(n => cases.Any(c => c.Id == n.CaseId) && n.VisitedAt >= quarter.Start && n.VisitedAt < quarter.End).ToListAsync(cancellationToken))
            .Select(n => new SchemeFigures.AssessmentFact(n.CaseId, n.VisitedAt, n.Needs.Where(x => x.Level != NeedLevel.None).Select(x => x.Area).ToList()));
        var adopted = await cases.Where(c => c.PlanAdoptedAt >= quarter.Start && c.PlanAdoptedAt < quarter.End)
            .Select(c => c.PlanAdoptedAt!.Value).ToListAsync(cancellationToken);
        return SchemeFigures.Compute(quarter, items, referrals, assessments, adopted);
    }
}
