using Microsoft.EntityFrameworkCore;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Monitoring;

/// <summary>Everything the clocks of one plan are computed from.</summary>
public sealed record PlanRecord(Plans.SafetyPlan Plan, IReadOnlyList<PlanMeasure> Measures, IReadOnlyList<MonitoringEntry> Entries, IReadOnlyList<TeamMembership> Seats)
{
    public IReadOnlyList<ClockState> Clocks(DateTimeOffset now) => PlanClocks.Compute(Plan, Measures, Entries, Seats, now);

    public static async Task<PlanRecord> LoadAsync(SafetyPlanDbContext db, Plans.SafetyPlan plan, CancellationToken cancellationToken)
    {
        var measures = await db.PlanMeasures.AsNoTracking().Where(m => m.PlanId == plan.Id).OrderBy(m => m.Number).ToListAsync(cancellationToken);
        var entries = await db.MonitoringEntries.AsNoTracking().Where(e => e.PlanId == plan.Id).OrderBy(e => e.At).ToListAsync(cancellationToken);
        var seats = plan.TeamId is { } teamId ? await TeamQueries.CurrentMembershipsAsync(db, teamId, cancellationToken) : [];
        return new PlanRecord(plan, measures, entries, seats);
    }
}
