using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.BuildingBlocks.Http;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>
/// Open cases by state, risk level and centre, and the 12-hour assessment clocks (Rulebook Art. 5) running and
/// passed, by centre: what an operator watches for a centre falling behind. Counts only.
/// </summary>
internal sealed class CaseGauges(RiskAssessmentDbContext db) : IGaugeSource
{
    /// <summary>The 12-hour clock's name on the gauge, beside the safety plans' and reintegration's clocks.</summary>
    public const string AssessmentClock = "assessment";

    public async Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Cases.AsNoTracking().TagWith("poll: case gauges")
            .Where(c => c.State != CaseState.Closed)
            .GroupBy(c => new { c.State, c.RiskLevel, c.CentreCode })
            .Select(g => new { g.Key.State, g.Key.RiskLevel, g.Key.CentreCode, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        foreach (var group in open)
        {
            readings.Add(PlatformGauges.OpenRecords, group.Count, new("record", "case"), new("state", KebabCaseEnum.Name(group.State)),
                new("level", group.RiskLevel is { } level ? KebabCaseEnum.Name(level) : "none"), new("centre", group.CentreCode));
        }

        // As Case.IsAssessmentOverdue: running from the report until the first assessment, passed at AssessmentDueAt.
        var clocks = await db.Cases.AsNoTracking().TagWith("poll: case gauges")
            .Where(c => c.FirstAssessedAt == null && c.State != CaseState.Closed)
            .GroupBy(c => new { c.CentreCode, Overdue = c.AssessmentDueAt <= now })
            .Select(g => new { g.Key.CentreCode, g.Key.Overdue, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        foreach (var group in clocks)
        {
            readings.Add(PlatformGauges.Clocks, group.Count, new("record", "case"), new("clock", AssessmentClock),
                new("status", group.Overdue ? "overdue" : "due"), new("centre", group.CentreCode));
        }
    }
}
