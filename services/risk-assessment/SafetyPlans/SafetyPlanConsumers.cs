using MassTransit;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.Contracts.SafetyPlan;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.SafetyPlans;

/// <summary>The team was convened for a case: its safety plan is live until the team closes it (Art. 17-21).</summary>
public sealed class TeamConvenedConsumer(RiskAssessmentDbContext db, TimeProvider time)
    : IdempotentConsumer<TeamConvened, RiskAssessmentDbContext>(db, time)
{
    protected override Task HandleAsync(TeamConvened message, ConsumeContext<TeamConvened> context, CancellationToken cancellationToken) =>
        SafetyPlanReports.RecordAsync(Db, message.CaseId, message.PlanId, live: true, message.TeamId, message.OccurredAt, cancellationToken);
}

/// <summary>The team closed the plan on a reassessment (Art. 21): the case may close.</summary>
public sealed class SafetyPlanClosedConsumer(RiskAssessmentDbContext db, TimeProvider time)
    : IdempotentConsumer<SafetyPlanClosed, RiskAssessmentDbContext>(db, time)
{
    protected override Task HandleAsync(SafetyPlanClosed message, ConsumeContext<SafetyPlanClosed> context, CancellationToken cancellationToken) =>
        SafetyPlanReports.RecordAsync(Db, message.CaseId, message.PlanId, live: false, teamId: null, message.OccurredAt, cancellationToken);
}

internal static class SafetyPlanReports
{
    public static async Task RecordAsync(RiskAssessmentDbContext db, Guid caseId, Guid planId, bool live, Guid? teamId, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        if (!await db.Cases.AnyAsync(c => c.Id == caseId, cancellationToken))
        {
            return; // not a case of this service (nothing to guard)
        }
        var known = await db.CaseSafetyPlans.FindAsync([caseId], cancellationToken);
        if (known is null)
        {
            db.CaseSafetyPlans.Add(CaseSafetyPlan.Of(caseId, planId, live, teamId, asOf));
        }
        else
        {
            known.Report(planId, live, teamId, asOf);
        }
    }
}

/// <summary>A team's seats changed: who may read its plans' police reports changes with them (Art. 19).</summary>
public sealed class TeamRosterChangedConsumer(RiskAssessmentDbContext db, TimeProvider time)
    : IdempotentConsumer<TeamRosterChanged, RiskAssessmentDbContext>(db, time)
{
    protected override async Task HandleAsync(TeamRosterChanged message, ConsumeContext<TeamRosterChanged> context, CancellationToken cancellationToken)
    {
        var known = await Db.TeamRosters.FindAsync([message.TeamId], cancellationToken);
        if (known is null)
        {
            Db.TeamRosters.Add(TeamRoster.Of(message.TeamId, message.MemberSubjects, message.OccurredAt));
        }
        else
        {
            known.Report(message.MemberSubjects, message.OccurredAt);
        }
    }
}
