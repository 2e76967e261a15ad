using Microsoft.EntityFrameworkCore;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>
/// The victim consented to the team for a plan that waited for it (Annex 2 §3): the centre's team is convened
/// now, the drafted measures go to its seats, and every member and deputy is told, as on any convening.
/// </summary>
internal static class ConsentConvening
{
    public static async Task ConveneAsync(SafetyPlanDbContext db, Plans.SafetyPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var team = await TeamQueries.OfCentreAsync(db, plan.CentreCode, cancellationToken);
        if (plan.ConveneOnConsent(team?.Id, now) is not null)
        {
            return;
        }
        if (team is not null)
        {
            var measures = await db.PlanMeasures.Where(m => m.PlanId == plan.Id).ToListAsync(cancellationToken);
            PlanDrafting.Redraft(measures, await TeamQueries.CurrentMembershipsAsync(db, team.Id, cancellationToken));
        }
        await TeamNotices.PublishConvenedAsync(db, plan, plan.ConvenedFor, reconvened: false, now, cancellationToken);
    }
}
