using MassTransit;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.SafetyPlan.Access;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>
/// Issue 24 §10: when risk-assessment erases a case, the safety plan and the individual plan kept for it here are
/// erased the same way, with their measures and monitoring entries; the audit keeps that the platform did it. The
/// case is closed by then, and so are its plans: a case cannot close around a live plan (Art. 21).
/// </summary>
public sealed class CaseErasedConsumer(SafetyPlanDbContext db, TimeProvider time)
    : IdempotentConsumer<CaseErased, SafetyPlanDbContext>(db, time)
{
    protected override async Task HandleAsync(CaseErased message, ConsumeContext<CaseErased> context, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var cause = $"event {nameof(CaseErased)} ({message.Ground})";
        foreach (var plan in await Db.SafetyPlans.Where(p => p.CaseId == message.CaseId).ToListAsync(cancellationToken))
        {
            plan.Erase();
            foreach (var measure in await Db.PlanMeasures.Where(m => m.PlanId == plan.Id).ToListAsync(cancellationToken))
            {
                measure.Erase();
            }
            foreach (var entry in await Db.MonitoringEntries.Where(e => e.PlanId == plan.Id).ToListAsync(cancellationToken))
            {
                entry.Erase();
            }
            AuditTrail.AddBySystem(Db, now, "erase", PlanAccessRules.Plan, plan.Id, cause);
        }
        foreach (var plan in await Db.IndividualPlans.Where(p => p.CaseId == message.CaseId).ToListAsync(cancellationToken))
        {
            plan.Erase();
            foreach (var entry in await Db.IndividualPlanEntries.Where(e => e.PlanId == plan.Id).ToListAsync(cancellationToken))
            {
                entry.Erase();
            }
            AuditTrail.AddBySystem(Db, now, "erase", PlanAccessRules.IndividualPlan, plan.Id, cause);
        }
    }
}
