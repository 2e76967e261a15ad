using MassTransit;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>
/// A closed case leaves nothing running here: a plan that waited for her consent to the team closes with it,
/// so its clocks (Art. 31 custody) stop, and the individual plan's clocks (Art. 15, 16) stop too. A live plan
/// cannot meet this event: risk-assessment refuses to close a case around it (Art. 21).
/// </summary>
public sealed class CaseClosedConsumer(SafetyPlanDbContext db, TimeProvider time)
    : IdempotentConsumer<CaseClosed, SafetyPlanDbContext>(db, time)
{
    protected override async Task HandleAsync(CaseClosed message, ConsumeContext<CaseClosed> context, CancellationToken cancellationToken)
    {
        var plan = await Db.SafetyPlans.SingleOrDefaultAsync(p => p.CaseId == message.CaseId, cancellationToken);
        plan?.CloseWithCase(Time.GetUtcNow());
        var individual = await Db.IndividualPlans.SingleOrDefaultAsync(p => p.CaseId == message.CaseId, cancellationToken);
        individual?.CloseWithCase(message.OccurredAt);
        if (await Db.KnownCases.FindAsync([message.CaseId], cancellationToken) is { } known)
        {
            known.Close(message.OccurredAt);
        }
    }
}
