using Microsoft.EntityFrameworkCore;
using Safeguard.SafetyPlan.Monitoring;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Kpis;

/// <summary>
/// Reads what a centre's KPIs for a period are computed from, all of it this service's own records: the cases and
/// assessments risk-assessment announced (KnownCase, CaseAssessment), and its own plans, measures, seats and
/// monitoring entries.
/// </summary>
public static class KpiQuery
{
    public static async Task<ProtectionChainFigures> ComputeAsync(SafetyPlanDbContext db, string centre, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var known = await db.KnownCases.AsNoTracking()
            .Where(c => c.CentreCode == centre && c.LearnedAt >= from && c.LearnedAt < to)
            .Select(c => new { c.CaseId, c.LearnedAt, c.AssessmentDueAt }).ToListAsync(cancellationToken);
        var caseIds = known.Select(c => c.CaseId).ToList();
        var assessments = (await db.CaseAssessments.AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.CaseId, a => new AssessmentFact(a.Sequence, a.Level, a.AssessedAt));
        var adoptions = await db.SafetyPlans.AsNoTracking().Where(p => caseIds.Contains(p.CaseId) && p.AdoptedAt != null)
            .ToDictionaryAsync(p => p.CaseId, p => p.AdoptedAt, cancellationToken);
        var cases = known.Select(c => new CaseFacts(c.CaseId, c.LearnedAt, c.AssessmentDueAt, [.. assessments[c.CaseId]],
            adoptions.GetValueOrDefault(c.CaseId))).ToList();

        var closed = await db.SafetyPlans.AsNoTracking()
            .Where(p => p.CentreCode == centre && p.ClosedAt >= from && p.ClosedAt < to)
            .Select(p => new ClosedPlanFacts(p.ConvenedAt, p.ClosedAt!.Value, p.ClosingEvaluation != null)).ToListAsync(cancellationToken);

        var (contacts, reports) = await DeadlinesAsync(db, centre, from, to, now, cancellationToken);
        return ProtectionChainKpis.Compute(cases, closed, contacts, reports, from, to, now);
    }

    /// <summary>
    /// The 48-hour contact and daily-report chains of every plan of the centre adopted and running in the period, each
    /// from the plan's adoption as its clocks run (<see cref="PlanClocks"/>): contacts by the members responsible for a
    /// measure that needs her consent, while her consent allows them; reports by each member while she holds her seat.
    /// </summary>
    private static async Task<(List<DeadlineOutcome> Contacts, List<DeadlineOutcome> Reports)> DeadlinesAsync(SafetyPlanDbContext db, string centre,
        DateTimeOffset from, DateTimeOffset to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plans = await db.SafetyPlans.AsNoTracking()
            .Where(p => p.CentreCode == centre && p.AdoptedAt != null && p.AdoptedAt < to && (p.ClosedAt == null || p.ClosedAt >= from))
            .ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        var teamIds = plans.Where(p => p.TeamId != null).Select(p => p.TeamId!.Value).ToList();
        var owners = (await db.PlanMeasures.AsNoTracking()
                .Where(m => planIds.Contains(m.PlanId) && m.RequiresConsent && m.ResponsibleMembershipId != null)
                .Select(m => new { m.PlanId, Owner = m.ResponsibleMembershipId!.Value }).Distinct().ToListAsync(cancellationToken))
            .ToLookup(m => m.PlanId, m => m.Owner);
        var seats = (await db.TeamMemberships.AsNoTracking().Where(s => teamIds.Contains(s.TeamId) && s.Role == MemberRole.Member)
                .Select(s => new { s.Id, s.TeamId, s.ValidFrom, s.ValidTo }).ToListAsync(cancellationToken))
            .ToLookup(s => s.TeamId);
        var entries = (await db.MonitoringEntries.AsNoTracking()
                .Where(e => planIds.Contains(e.PlanId) && (e.Kind == MonitoringKind.Contact || e.Kind == MonitoringKind.Report) && e.MembershipId != null)
                .Select(e => new { e.PlanId, e.Kind, Member = e.MembershipId!.Value, e.At }).ToListAsync(cancellationToken))
            .ToLookup(e => (e.PlanId, e.Kind, e.Member), e => e.At);

        var contacts = new List<DeadlineOutcome>();
        var reports = new List<DeadlineOutcome>();
        foreach (var plan in plans)
        {
            var adopted = plan.AdoptedAt!.Value;
            var end = Min(now, Min(to, plan.ClosedAt ?? to));
            if (plan.ConsentAllowsVictimMeasures)
            {
                foreach (var owner in owners[plan.Id])
                {
                    contacts.AddRange(DeadlineChain.Of(adopted, entries[(plan.Id, MonitoringKind.Contact, owner)],
                        at => at + PlanClocks.MemberContactWindow, end));
                }
            }
            foreach (var seat in plan.TeamId is { } team ? seats[team] : [])
            {
                reports.AddRange(DeadlineChain.Of(Max(adopted, seat.ValidFrom), entries[(plan.Id, MonitoringKind.Report, seat.Id)],
                    PlanClocks.EndOfNextWorkingDay, Min(end, seat.ValidTo ?? end)));
            }
        }
        return (contacts, reports);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
