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
/// the team on the new risk (Art. 21). Either way every member and deputy is told (TeamConvened).
/// </summary>
public sealed class TeamConveningRequiredConsumer(SafetyPlanDbContext db, TimeProvider time, ILogger<TeamConveningRequiredConsumer> logger)
    : IdempotentConsumer<TeamConveningRequired, SafetyPlanDbContext>(db, time)
{
    protected override async Task HandleAsync(TeamConveningRequired message, ConsumeContext<TeamConveningRequired> context, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var plan = await Db.SafetyPlans.SingleOrDefaultAsync(p => p.CaseId == message.CaseId, cancellationToken);
        var reconvened = plan is not null && plan.State != PlanState.Closed;

        if (reconvened)
        {
            plan!.Reconvene(message.Reasons, message.RiskLevel, message.RedFlags, message.VictimConsent,
                message.PoliceReportReference, message.EmergencyMeasures, now);
            plan.UpdateConsent(message.VictimConsent, message.OccurredAt);
        }
        else if (plan is null)
        {
            var team = await Db.Teams.AsNoTracking().Where(t => t.CentreCode == message.CentreCode).OrderBy(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
            if (team is null)
            {
                logger.LogWarning("Centre {CentreCode} has no multisectoral team registered; the plan of case {CaseReference} waits for one",
                    message.CentreCode, message.CaseReference);
            }
            plan = Plans.SafetyPlan.Convene(message.CaseId, message.CaseReference, message.CentreCode, team?.Id, message.Reasons,
                message.RiskLevel, message.RedFlags, message.ChildrenAtRisk, message.OtherFamilyMembersAtRisk, message.VictimConsent,
                message.PoliceReportReference, message.EmergencyMeasures, message.ViolenceReportedAt, message.OccurredAt, now);
            // A consent change may have arrived before this event (events are not ordered across types).
            if (await Db.CaseConsents.FindAsync([message.CaseId], cancellationToken) is { } consent)
            {
                plan.UpdateConsent(consent.Status, consent.AsOf);
            }
            Db.SafetyPlans.Add(plan);
            var seats = team is null ? [] : await TeamQueries.CurrentMembershipsAsync(Db, team.Id, cancellationToken);
            Db.PlanMeasures.AddRange(PlanDrafting.Draft(plan, seats, now));
        }
        else
        {
            // A closed plan stays closed; a new case assessment would open a new case in risk-assessment.
            logger.LogWarning("Case {CaseReference} asked to convene the team but its plan is closed", message.CaseReference);
            return;
        }

        var recipients = await TeamQueries.RecipientsAsync(Db, plan.TeamId, cancellationToken);
        Db.Publish(new TeamConvened(plan.Id, plan.CaseId, plan.CaseReference, plan.CentreCode, plan.TeamId,
            message.Reasons, reconvened, recipients, now));
    }
}
