using MassTransit;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.RiskAssessment;
using Safeguard.SafetyPlan.Cases;
using Safeguard.SafetyPlan.Monitoring;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>
/// A new risk assessment of a case with a live plan. It is the reassessment the plan needs before it may close
/// (Art. 21), and when it raises the level it is new risk: the team must reconvene at once (Art. 21).
/// </summary>
public sealed class RiskAssessedConsumer(SafetyPlanDbContext db, TimeProvider time)
    : IdempotentConsumer<RiskAssessed, SafetyPlanDbContext>(db, time)
{
    /// <summary>The reason a reassessment that raised the level gives for reconvening the team.</summary>
    public const string RaisedLevel = "raised-level";

    protected override async Task HandleAsync(RiskAssessed message, ConsumeContext<RiskAssessed> context, CancellationToken cancellationToken)
    {
        // Every assessment, plan or not, for the protection chain's KPIs.
        if (await Db.CaseAssessments.FindAsync([message.CaseId, message.Sequence], cancellationToken) is null)
        {
            Db.CaseAssessments.Add(CaseAssessment.Of(message));
        }
        var plan = await Db.SafetyPlans.SingleOrDefaultAsync(p => p.CaseId == message.CaseId && p.State != PlanState.Closed, cancellationToken);
        if (plan is null)
        {
            return; // no plan yet: the convening event (if any) carries this level
        }
        var previous = plan.RiskLevel;
        var now = Time.GetUtcNow();
        if (plan.RecordAssessment(message.RiskLevel, message.Sequence, now) == AssessmentNews.RaisedLevel)
        {
            Db.MonitoringEntries.Add(MonitoringEntry.Record(plan.Id, MonitoringKind.RiskAlert, null, now,
                $"Reassessment {message.Sequence} raised the level from {previous} to {message.RiskLevel}.", now));
            // Art. 21: on increased risk the team is convened immediately: every member and deputy is told now,
            // not when the reconvene clock falls due. A plan waiting for her consent has no team to tell (Art. 11).
            plan.Reconvene([RaisedLevel], message.RiskLevel, message.RedFlags, plan.VictimConsent, null, [], now);
            if (plan.State == PlanState.AwaitingConsent)
            {
                return;
            }
            await TeamNotices.PublishConvenedAsync(Db, plan, [RaisedLevel], reconvened: true, now, cancellationToken);
        }
    }
}
