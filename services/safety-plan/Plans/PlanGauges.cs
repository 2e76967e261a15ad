using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.BuildingBlocks.Http;
using Safeguard.SafetyPlan.Persistence;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>Open safety plans by state, current risk level and centre, and open individual plans (Art. 16) by adoption and centre. Counts only.</summary>
internal sealed class PlanGauges(SafetyPlanDbContext db) : IGaugeSource
{
    public async Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plans = await db.SafetyPlans.AsNoTracking().TagWith("poll: plan gauges")
            .Where(p => p.State != PlanState.Closed)
            // The level the latest assessment gave, or the one the team was convened on.
            .GroupBy(p => new { p.State, Level = p.LastAssessedLevel ?? p.RiskLevel, p.CentreCode })
            .Select(g => new { g.Key.State, g.Key.Level, g.Key.CentreCode, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        foreach (var group in plans)
        {
            readings.Add(PlatformGauges.OpenRecords, group.Count, new("record", "safety-plan"), new("state", KebabCaseEnum.Name(group.State)),
                new("level", string.IsNullOrEmpty(group.Level) ? "none" : group.Level.ToLowerInvariant()), new("centre", group.CentreCode));
        }

        var individual = await db.IndividualPlans.AsNoTracking().TagWith("poll: plan gauges")
            .Where(p => p.CaseClosedAt == null)
            .GroupBy(p => new { Adopted = p.AdoptedAt != null, p.CentreCode })
            .Select(g => new { g.Key.Adopted, g.Key.CentreCode, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        foreach (var group in individual)
        {
            readings.Add(PlatformGauges.OpenRecords, group.Count, new("record", "individual-plan"), new("state", group.Adopted ? "adopted" : "drafting"),
                new("level", "none"), new("centre", group.CentreCode));
        }
    }
}
