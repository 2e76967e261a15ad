using Microsoft.EntityFrameworkCore;
using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Persistence;

namespace Safeguard.Reintegration.Schemes;

/// <summary>Reads the facts a quarter's scheme figures are computed from: the municipality's plan items, referrals, assessments and plans.</summary>
public static class SchemeFiguresQuery
{
    public static async Task<SchemeFigures> ComputeAsync(ReintegrationDbContext db, string municipality, Quarter quarter, CancellationToken cancellationToken) =>
        (await ComputeAsync(db, municipality, [quarter], cancellationToken))[quarter];

    /// <summary>The figures of several quarters from one read of their span (a year's report asks for up to four).</summary>
    public static async Task<IReadOnlyDictionary<Quarter, SchemeFigures>> ComputeAsync(ReintegrationDbContext db, string municipality,
        IReadOnlyCollection<Quarter> quarters, CancellationToken cancellationToken)
    {
        if (quarters.Count == 0)
        {
            return new Dictionary<Quarter, SchemeFigures>();
        }
        var (start, end) = (quarters.Min(q => q.Start), quarters.Max(q => q.End));
        var cases = db.Cases.Where(c => c.MunicipalityCode == municipality);
        // Every plan item made before the span's end: coverage of a need counts the household's earlier packages too.
        var items = await db.PlanItems.AsNoTracking().Where(i => cases.Any(c => c.Id == i.CaseId) && i.CreatedAt < end)
            .Select(i => new SchemeFigures.PlanItemFact(i.CaseId, i.Package, i.CreatedAt)).ToListAsync(cancellationToken);
        var referrals = await db.Referrals.AsNoTracking().Where(r => cases.Any(c => c.Id == r.CaseId) && r.SentAt >= start && r.SentAt < end)
            .Select(r => new SchemeFigures.ReferralFact(r.Service, r.SentAt, r.Status)).ToListAsync(cancellationToken);
        var assessments = (await db.NeedsAssessments.AsNoTracking()
                .Where(n => cases.Any(c => c.Id == n.CaseId) && n.VisitedAt >= start && n.VisitedAt < end).ToListAsync(cancellationToken))
            .Select(n => new SchemeFigures.AssessmentFact(n.CaseId, n.VisitedAt, n.Needs.Where(x => x.Level != NeedLevel.None).Select(x => x.Area).ToList()))
            .ToList();
        var adopted = await cases.Where(c => c.PlanAdoptedAt >= start && c.PlanAdoptedAt < end)
            .Select(c => c.PlanAdoptedAt!.Value).ToListAsync(cancellationToken);
        // SchemeFigures.Compute keeps each quarter's own facts from the span's.
        return quarters.ToDictionary(q => q, q => SchemeFigures.Compute(q, items, referrals, assessments, adopted));
    }
}
