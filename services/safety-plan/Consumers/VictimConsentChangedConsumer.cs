using MassTransit;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>
/// Consent given, refused or withdrawn (Art. 11, 22; Annex 2 §3): measures that need it run or wait
/// accordingly, the contact clocks follow, and a plan that waited for her consent to the team is convened
/// once she gives it. For a child or a person with limited legal capacity nothing waits (Art. 22(2)).
/// </summary>
public sealed class VictimConsentChangedConsumer(SafetyPlanDbContext db, TimeProvider time)
    : IdempotentConsumer<VictimConsentChanged, SafetyPlanDbContext>(db, time)
{
    protected override async Task HandleAsync(VictimConsentChanged message, ConsumeContext<VictimConsentChanged> context, CancellationToken cancellationToken)
    {
        var status = message.TeamConsent ?? LegacyStatus(message);
        var signedAt = message.SignedAt ?? message.OccurredAt;
        var stored = await Db.CaseConsents.FindAsync([message.CaseId], cancellationToken);
        if (stored is null)
        {
            Db.CaseConsents.Add(CaseConsent.Of(message.CaseId, status, signedAt));
        }
        else
        {
            stored.Update(status, signedAt);
        }
        var plan = await Db.SafetyPlans.SingleOrDefaultAsync(p => p.CaseId == message.CaseId, cancellationToken);
        if (plan is not null && plan.UpdateConsent(status, signedAt))
        {
            await ConsentConvening.ConveneAsync(Db, plan, Time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>Events from before the team consent was carried on its own.</summary>
    private static string LegacyStatus(VictimConsentChanged message) =>
        message.ProtectionWithoutConsent ? TeamConsent.NotRequired
        : message.Status != "given" ? TeamConsent.Withdrawn
        : message.ConsentToTeamAndSafetyPlan ? TeamConsent.Given
        : TeamConsent.Refused;
}
