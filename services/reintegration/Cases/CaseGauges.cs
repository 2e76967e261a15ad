using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.BuildingBlocks.Http;
using Safeguard.Reintegration.Persistence;

namespace Safeguard.Reintegration.Cases;

/// <summary>Open reintegration cases by state, category and municipality. Counts only.</summary>
internal sealed class CaseGauges(ReintegrationDbContext db) : IGaugeSource
{
    public async Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.Cases.AsNoTracking().TagWith("poll: case gauges")
            .Where(c => c.State != CaseState.Closed)
            .GroupBy(c => new { c.State, c.Category, c.MunicipalityCode })
            .Select(g => new { g.Key.State, g.Key.Category, g.Key.MunicipalityCode, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        foreach (var group in open)
        {
            readings.Add(PlatformGauges.OpenRecords, group.Count, new("record", "reintegration-case"), new("state", KebabCaseEnum.Name(group.State)),
                new("category", KebabCaseEnum.Name(group.Category)), new("municipality", group.MunicipalityCode));
        }
    }
}
