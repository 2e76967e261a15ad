using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Gauges;

namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>
/// The clocks due and overdue of every watcher of <typeparamref name="TDb"/>, as their last visits left them
/// (<see cref="OpenClock"/>), labelled by record, clock, status and the place's code. Due from the reminder,
/// overdue from the deadline, as the domain's clocks say (a moment reached counts as passed).
/// </summary>
internal sealed class ClockGauges<TDb>(TDb db, IEnumerable<DeadlineInputs> watchers) : IGaugeSource where TDb : DbContext
{
    public async Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var labels = watchers.Where(w => w.Context == typeof(TDb)).ToDictionary(w => w.Watcher, w => w.PlaceLabel);
        var counts = await db.Set<OpenClock>().AsNoTracking().TagWith("poll: clock gauges")
            .Where(c => c.DueFrom <= now)
            .GroupBy(c => new { c.Watcher, c.Kind, c.Place, Overdue = c.DeadlineAt <= now })
            .Select(g => new { g.Key.Watcher, g.Key.Kind, g.Key.Place, g.Key.Overdue, Count = g.LongCount() })
            .ToListAsync(cancellationToken);
        foreach (var count in counts)
        {
            readings.Add(PlatformGauges.Clocks, count.Count,
                new("record", count.Watcher), new("clock", count.Kind), new("status", count.Overdue ? "overdue" : "due"),
                new(labels.GetValueOrDefault(count.Watcher, "centre"), count.Place));
        }
    }
}
