using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Contracts.SafetyPlan;
using Safeguard.SafetyPlan.Monitoring;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.IndividualPlans;

/// <summary>Wakes the individual-plan clock watcher early (a recorded entry, a test moving the clock).</summary>
public sealed class IndividualPlanClockSignal : WakeSignal;

/// <summary>
/// Raises MonitoringClockAlert once per deadline and stage for every adopted individual plan of an open case
/// (Art. 15 first contact, Art. 16 review). The centre owes these, so the alert names nobody and goes to the
/// centre's mailbox. The alert row and the event commit together under the plan's row lock, as for safety plans.
/// </summary>
public sealed class IndividualPlanClockWatcher(
    IServiceScopeFactory scopes, TimeProvider time, IndividualPlanClockSignal signal, IConfiguration configuration, ILogger<IndividualPlanClockWatcher> logger)
    : DeadlineWatcher<SafetyPlanDbContext, IndividualPlan>(scopes, signal, time, configuration, "SafetyPlan:ClockScanInterval", logger)
{
    public const string Name = "individual-plans";

    /// <summary>All the clocks read: the plan (adoption, review interval, the case's closing) and its monitoring entries.</summary>
    public static void Inputs(DeadlineInputs inputs) => inputs
        .On<IndividualPlan>(p => p.Id)
        .On<IndividualPlanEntry>(e => e.PlanId);

    protected override async Task<DeadlineVisit> VisitAsync(SafetyPlanDbContext db, IndividualPlan plan, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var planId = plan.Id;
        var marks = await MarksAsync(db, [planId], cancellationToken);
        var raised = await db.IndividualPlanClockAlerts.AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(cancellationToken);
        var clocks = Clocks(plan, marks, now); // none before adoption or once the case is closed
        foreach (var clock in clocks)
        {
            foreach (var (stage, publish) in StagesToRecord(clock, raised))
            {
                db.IndividualPlanClockAlerts.Add(IndividualPlanClockAlert.Raise(planId, clock, stage, now));
                if (publish)
                {
                    db.Publish(new MonitoringClockAlert(plan.Id, plan.CaseReference, plan.CentreCode, KebabCaseEnum.Name(clock.Clock),
                        KebabCaseEnum.Name(stage), clock.DeadlineAt, Owner: null, CaseManager: null, now));
                }
            }
        }
        return DeadlineVisit.Until(plan.CentreCode, clocks.Select(c => c.ToRunning()), now);
    }

    /// <summary>Of the monitoring part, only each plan's first contact and latest review: all the clocks read.</summary>
    public static async Task<Dictionary<Guid, (DateTimeOffset? FirstContact, DateTimeOffset? LastReview)>> MarksAsync(
        SafetyPlanDbContext db, IReadOnlyCollection<Guid> planIds, CancellationToken cancellationToken)
    {
        var rows = await db.IndividualPlanEntries.AsNoTracking()
            .Where(e => planIds.Contains(e.PlanId) && e.Kind != IndividualPlanEntryKind.Activity)
            .Join(db.IndividualPlans, e => e.PlanId, p => p.Id, (e, p) => new { e.PlanId, e.Kind, e.At, p.AdoptedAt })
            .Where(r => r.Kind == IndividualPlanEntryKind.Review || r.At >= r.AdoptedAt)
            .GroupBy(r => new { r.PlanId, r.Kind })
            .Select(g => new { g.Key.PlanId, g.Key.Kind, First = g.Min(r => r.At), Last = g.Max(r => r.At) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PlanId).ToDictionary(g => g.Key, g => (
            g.Where(r => r.Kind == IndividualPlanEntryKind.Contact).Select(r => (DateTimeOffset?)r.First).FirstOrDefault(),
            g.Where(r => r.Kind == IndividualPlanEntryKind.Review).Select(r => (DateTimeOffset?)r.Last).FirstOrDefault()));
    }

    private static IReadOnlyList<ClockState> Clocks(IndividualPlan plan, Dictionary<Guid, (DateTimeOffset? FirstContact, DateTimeOffset? LastReview)> marks,
        DateTimeOffset now)
    {
        var (firstContact, lastReview) = marks.GetValueOrDefault(plan.Id);
        return plan.Clocks(firstContact, lastReview, now);
    }

    private static IReadOnlyList<StageToRecord> StagesToRecord(ClockState clock, IEnumerable<IndividualPlanClockAlert> raised) =>
        AlertStages.ToRecord(clock.Status, stage => raised.Any(a => a.Clock == clock.Clock && a.DeadlineAt == clock.DeadlineAt && a.Stage == stage));
}
