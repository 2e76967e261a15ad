using Microsoft.EntityFrameworkCore;
using Safeguard.SafetyPlan.Persistence;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Monitoring;

/// <summary>
/// Everything the clocks of one plan are computed from. <see cref="Entries"/> holds the latest monitoring entry
/// of each kind per member, not the whole sheet: that is all <see cref="PlanClocks"/> reads, and a sheet grows
/// by several entries a day for as long as the plan runs.
/// </summary>
public sealed record PlanRecord(Plans.SafetyPlan Plan, IReadOnlyList<PlanMeasure> Measures, IReadOnlyList<MonitoringEntry> Entries, IReadOnlyList<TeamMembership> Seats)
{
    public IReadOnlyList<ClockState> Clocks(DateTimeOffset now) => PlanClocks.Compute(Plan, Measures, Entries, Seats, now);

    public static async Task<PlanRecord> LoadAsync(SafetyPlanDbContext db, Plans.SafetyPlan plan, CancellationToken cancellationToken) =>
        (await LoadManyAsync(db, [plan], cancellationToken)).Single();

    /// <summary>The records of many plans in three queries, whatever their number.</summary>
    public static async Task<IReadOnlyList<PlanRecord>> LoadManyAsync(
        SafetyPlanDbContext db, IReadOnlyCollection<Plans.SafetyPlan> plans, CancellationToken cancellationToken)
    {
        var planIds = plans.Select(p => p.Id).ToList();
        var teamIds = plans.Where(p => p.TeamId != null).Select(p => p.TeamId!.Value).Distinct().ToList();
        var measures = (await db.PlanMeasures.AsNoTracking().Where(m => planIds.Contains(m.PlanId)).OrderBy(m => m.Number)
            .ToListAsync(cancellationToken)).ToLookup(m => m.PlanId);
        var entries = (await db.MonitoringEntries.AsNoTracking().Where(e => planIds.Contains(e.PlanId))
            .GroupBy(e => new { e.PlanId, e.Kind, e.MembershipId })
            .Select(g => g.OrderByDescending(e => e.At).First())
            .ToListAsync(cancellationToken)).OrderBy(e => e.At).ToLookup(e => e.PlanId);
        var seats = (await TeamQueries.CurrentMembershipsAsync(db, teamIds, cancellationToken)).ToLookup(m => m.TeamId);
        return plans.Select(p => new PlanRecord(p, measures[p.Id].ToList(), entries[p.Id].ToList(),
            p.TeamId is { } teamId ? seats[teamId].ToList() : [])).ToList();
    }
}
