using MassTransit;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>
/// Consent given or withdrawn (Art. 11, 22): measures that need it run or wait accordingly, and the contact
/// clocks follow. For a child or a person with limited legal capacity nothing waits (Art. 22(2)).
/// </summary>
public sealed class VictimConsentChangedConsumer(SafetyPlanDbContext db, TimeProvider time)
    : IdempotentConsumer<VictimConsentChanged, SafetyPlanDbContext>(db, time)
{
    protected override async Task HandleAsync(VictimConsentChanged message, ConsumeContext<VictimConsentChanged> context, CancellationToken cancellationToken)
    {
        var status = message.ProtectionWithoutConsent ? "not-required"
            : message.Status == "given" && message.ConsentToTeamAndSafetyPlan ? "given"
            : message.Status == "given" ? "not-given"   // consent to some measures, but not to the team and the safety plan
            : "withdrawn";
        var stored = await Db.CaseConsents.FindAsync([message.CaseId], cancellationToken);
        if (stored is null)
        {
            Db.CaseConsents.Add(CaseConsent.Of(message.CaseId, status, message.OccurredAt));
        }
        else
        {
            stored.Update(status, message.OccurredAt);
        }
        var plan = await Db.SafetyPlans.SingleOrDefaultAsync(p => p.CaseId == message.CaseId, cancellationToken);
        plan?.UpdateConsent(status, message.OccurredAt);
    }
}
