using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.SafetyPlan;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Monitoring;

/// <summary>Wakes the clock watcher early (a test moved the clock).</summary>
public sealed class ClockSignal : WakeSignal;

/// <summary>
/// Raises MonitoringClockAlert once per deadline and stage for every live plan (Art. 15, 21, 31): the alert
/// row and the event commit together, under the plan's row lock, so neither a crash nor a second instance
/// repeats or loses one. A service down across a deadline raises it when it returns (only "overdue" if the
/// "due" moment also passed meanwhile).
/// </summary>
public sealed class ClockWatcher(IServiceScopeFactory scopes, TimeProvider time, ClockSignal signal, IConfiguration configuration, ILogger<ClockWatcher> logger)
    : DeadlineWatcher<SafetyPlanDbContext, Plans.SafetyPlan>(scopes, signal, time, configuration, "SafetyPlan:ClockScanInterval", logger)
{
    public const string Name = "safety-plans";

    /// <summary>All a plan's clocks read (<see cref="PlanRecord"/>): the plan, its measures, its monitoring sheet and its team's seats.</summary>
    public static void Inputs(DeadlineInputs inputs) => inputs
        .On<Plans.SafetyPlan>(p => p.Id)
        .On<PlanMeasure>(m => m.PlanId)
        .On<MonitoringEntry>(e => e.PlanId)
        .On<TeamMembership>(async (db, seats, cancellationToken) =>
        {
            var teams = seats.Select(s => s.TeamId).Distinct().ToList();
            return await db.Set<Plans.SafetyPlan>().Where(p => p.TeamId != null && teams.Contains(p.TeamId.Value)).Select(p => p.Id).ToListAsync(cancellationToken);
        });

    protected override async Task<DeadlineVisit> VisitAsync(SafetyPlanDbContext db, Plans.SafetyPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var planId = plan.Id;
        var record = await PlanRecord.LoadAsync(db, plan, cancellationToken);
        var raised = await db.ClockAlerts.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(cancellationToken);
        var clocks = record.Clocks(now); // none once the plan is closed
        foreach (var clock in clocks)
        {
            foreach (var (stage, publish) in StagesToRecord(clock, raised))
            {
                db.ClockAlerts.Add(ClockAlert.Raise(planId, clock, stage, now));
                if (publish)
                {
                    Publish(db, record, clock, stage, now);
                }
            }
        }
        return DeadlineVisit.Until(plan.CentreCode, clocks.Select(c => c.ToRunning()), now);
    }

    private void Publish(SafetyPlanDbContext db, PlanRecord record, ClockState clock, ClockStatus stage, DateTimeOffset now)
    {
        var owner = record.Seats.FirstOrDefault(s => s.Id == clock.OwnerMembershipId);
        var caseManager = record.Seats.FirstOrDefault(s => s.Institution == Teams.InstitutionKind.Csr && s.Role == Teams.MemberRole.Member);
        db.Publish(new MonitoringClockAlert(record.Plan.Id, record.Plan.CaseReference, record.Plan.CentreCode,
            KebabCaseEnum.Name(clock.Clock), KebabCaseEnum.Name(stage), clock.DeadlineAt,
            owner is null ? null : TeamQueries.Recipient(owner),
            caseManager is null ? null : TeamQueries.Recipient(caseManager), now));
        if (stage == ClockStatus.Overdue)
        {
            Logger.LogWarning("Plan of case {CaseReference}: {Clock} is overdue (deadline {Deadline:O}, Art. 15/21)",
                record.Plan.CaseReference, clock.Clock, clock.DeadlineAt);
        }
    }

    private static IReadOnlyList<StageToRecord> StagesToRecord(ClockState clock, IEnumerable<ClockAlert> raised) =>
        AlertStages.ToRecord(clock.Status, stage => raised.Any(a => a.Clock == clock.Clock && a.Owner == (clock.OwnerMembershipId ?? Guid.Empty)
                                                                    && a.DeadlineAt == clock.DeadlineAt && a.Stage == stage));
}
