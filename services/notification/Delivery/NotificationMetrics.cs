using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.Notification.Notifications;
using Safeguard.Notification.Persistence;

namespace Safeguard.Notification.Delivery;

/// <summary>Never signalled: the gauges refresh on their interval only.</summary>
public sealed class MetricsSignal : WakeSignal;

/// <summary>
/// Gauges of notifications waiting and failed, for the dashboard: an operator sees at a glance that e-mails
/// are stuck (SMTP down) or gave up (and can be retried through the API). Counted every 15 seconds, never
/// inside the metrics callback.
/// </summary>
public sealed class NotificationMetrics : PollingWorker
{
    public const string MeterName = "Safeguard.Notification";
    private readonly IServiceScopeFactory _scopes;
    private long _pending;
    private long _failed;

    public NotificationMetrics(IServiceScopeFactory scopes, IMeterFactory meters, MetricsSignal signal, TimeProvider time, ILogger<NotificationMetrics> logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("safeguard.notifications.pending", () => Interlocked.Read(ref _pending), "{notification}",
            "E-mails recorded but not yet accepted by the SMTP server");
        meter.CreateObservableGauge("safeguard.notifications.failed", () => Interlocked.Read(ref _failed), "{notification}",
            "E-mails that failed every attempt and wait for an operator");
    }

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(15);

    protected override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var quiet = BackgroundTracing.Quiet();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        var counts = await db.Notifications.AsNoTracking()
            .Where(n => n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Failed)
            .GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        Interlocked.Exchange(ref _pending, counts.FirstOrDefault(c => c.Key == NotificationStatus.Pending)?.Count ?? 0);
        Interlocked.Exchange(ref _failed, counts.FirstOrDefault(c => c.Key == NotificationStatus.Failed)?.Count ?? 0);
        return false;
    }
}
