using MassTransit;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.Contracts.SafetyPlan;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>
/// Risk-assessment says the team must act (Art. 17, 19): convene the centre's team and start the safety plan
/// drafted from the assessment and the police report, or, when the case already has a live plan, reconvene
/// the team on the new risk (Art. 21). Either way every member and deputy is told (TeamConvened). Where she
/// refused the team the plan waits for her consent instead, and the centre is told once (TeamConveningHeld).
/// </summary>
public sealed class TeamConveningRequiredConsumer(SafetyPlanDbContext db, TimeProvider time, ILogger<TeamConveningRequiredConsumer> logger)
    : IdempotentConsumer<TeamConveningRequired, SafetyPlanDbContext>(db, time)
{
    protected override async Task HandleAsync(TeamConveningRequired message, ConsumeContext<TeamConveningRequired> context, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        // Not asked yet is the oldest possible word: any signed form, whenever it arrives, is newer.
        var consentSignedAt = message.ConsentSignedAt ?? DateTimeOffset.UnixEpoch;
        var plan = await Db.SafetyPlans.SingleOrDefaultAsync(p => p.CaseId == message.CaseId, cancellationToken);

        if (plan is { State: PlanState.Closed })
        {
            // A closed plan stays closed; a new case assessment would open a new case in risk-assessment.
            logger.LogWarning("Case {CaseReference} asked to convene the team but its plan is closed", message.CaseReference);
            return;
        }
        if (plan is not null)
        {
            plan.Reconvene(message.Reasons, message.RiskLevel, message.RedFlags, message.VictimConsent,
                message.PoliceReportReference, message.EmergencyMeasures, now);
            if (plan.UpdateConsent(message.VictimConsent, consentSignedAt))
            {
                await ConsentConvening.ConveneAsync(Db, plan, now, cancellationToken);
            }
            else if (plan.State != PlanState.AwaitingConsent)
            {
                await TeamNotices.PublishConvenedAsync(Db, plan, message.Reasons, reconvened: true, now, cancellationToken);
            }
            return;
        }

        var team = await TeamQueries.OfCentreAsync(Db, message.CentreCode, cancellationToken);
        if (team is null)
        {
            logger.LogWarning("Centre {CentreCode} has no multisectoral team registered; the plan of case {CaseReference} waits for one",
                message.CentreCode, message.CaseReference);
        }
        // A consent change may have arrived before this event (events are not ordered across types): the later signature wins.
        var (consent, signedAt) = (message.VictimConsent, consentSignedAt);
        if (await Db.CaseConsents.FindAsync([message.CaseId], cancellationToken) is { } known && known.AsOf > signedAt)
        {
            (consent, signedAt) = (known.Status, known.AsOf);
        }
        plan = Plans.SafetyPlan.Convene(message.CaseId, message.CaseReference, message.CentreCode, team?.Id, message.Reasons,
            message.RiskLevel, message.RedFlags, message.ChildrenAtRisk, message.OtherFamilyMembersAtRisk, consent,
            message.PoliceReportReference, message.EmergencyMeasures, message.ViolenceReportedAt, signedAt, now);
        Db.SafetyPlans.Add(plan);
        var seats = plan.TeamId is { } teamId ? await TeamQueries.CurrentMembershipsAsync(Db, teamId, cancellationToken) : [];
        Db.PlanMeasures.AddRange(PlanDrafting.Draft(plan, seats, now));

        if (plan.State == PlanState.AwaitingConsent)
        {
            Db.Publish(new TeamConveningHeld(plan.Id, plan.CaseId, plan.CaseReference, plan.CentreCode, message.Reasons, plan.VictimConsent,
                plan.PoliceReportReference, plan.EmergencyMeasures, now));
            return;
        }
        await TeamNotices.PublishConvenedAsync(Db, plan, message.Reasons, reconvened: false, now, cancellationToken);
    }
}
