using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>
/// The outbox's backlog and how long its oldest event has waited: a broker that stopped taking events shows as a
/// growing age long before anyone misses an e-mail. Both read the partial index of unsent rows.
/// </summary>
internal sealed class OutboxGauges<TDb>(TDb db) : IGaugeSource where TDb : ServiceDbContext
{
    public async Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var unsent = db.OutboxMessages.AsNoTracking().TagWith("poll: outbox gauges").Where(m => m.SentAt == null);
        var backlog = await unsent.LongCountAsync(cancellationToken);
        var oldest = await unsent.OrderBy(m => m.Sequence).Select(m => (DateTimeOffset?)m.OccurredAt).FirstOrDefaultAsync(cancellationToken);
        readings.Add(PlatformGauges.OutboxBacklog, backlog);
        readings.Add(PlatformGauges.OutboxOldestAge, oldest is { } at && at < now ? (now - at).TotalSeconds : 0);
    }
}
