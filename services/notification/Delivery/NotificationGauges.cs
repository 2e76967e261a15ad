using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Gauges;
using Safeguard.Notification.Notifications;
using Safeguard.Notification.Persistence;

namespace Safeguard.Notification.Delivery;

/// <summary>
/// E-mails waiting and failed, and how long the oldest waiting one has waited: an operator sees at a glance that
/// e-mails are stuck (SMTP down) or gave up (and can be retried through the API).
/// </summary>
internal sealed class NotificationGauges(NotificationDbContext db) : IGaugeSource
{
    public static readonly Gauge Pending = new("safeguard.notifications.pending", "{notification}",
        "E-mails recorded but not yet accepted by the SMTP server");

    public static readonly Gauge Failed = new("safeguard.notifications.failed", "{notification}",
        "E-mails that failed every attempt and wait for an operator");

    public static readonly Gauge OldestPendingAge = new("safeguard.notifications.oldest_pending_age", "s",
        "How long the oldest e-mail not yet accepted by the SMTP server has waited (0 when none waits)");

    public async Task ReadAsync(GaugeReadings readings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counts = await db.Notifications.AsNoTracking().TagWith("poll: notification gauges")
            .Where(n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Failed)
            .GroupBy(n => n.Status)
            .Select(g => new { g.Key, Count = g.LongCount(), Oldest = g.Min(n => n.CreatedAt) })
            .ToListAsync(cancellationToken);
        var pending = counts.FirstOrDefault(c => c.Key == NotificationStatus.Pending);
        readings.Add(Pending, pending?.Count ?? 0);
        readings.Add(Failed, counts.FirstOrDefault(c => c.Key == NotificationStatus.Failed)?.Count ?? 0);
        readings.Add(OldestPendingAge, pending is { } waiting && waiting.Oldest < now ? (now - waiting.Oldest).TotalSeconds : 0);
    }
}
