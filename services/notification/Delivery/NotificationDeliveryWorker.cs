using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.Notification.Notifications;
using Safeguard.Notification.Persistence;
using Safeguard.Notification.Templates;

namespace Safeguard.Notification.Delivery;

/// <summary>Wakes the delivery worker when a notification was recorded.</summary>
public sealed class DeliverySignal : WakeSignal;

/// <summary>
/// Sends due notifications, urgent ones first, <see cref="DeliveryPolicy.Parallelism"/> at once, each under a row lock (SKIP
/// LOCKED, so parallel rounds and several instances share the work) held until its outcome is stored. A
/// failed attempt is retried with back-off; after the last one the notification is marked failed for an operator.
/// </summary>
public sealed class NotificationDeliveryWorker(
    IServiceScopeFactory scopes,
    SmtpEmailSender sender,
    EmailTemplates templates,
    WorkspaceAddress workspace,
    DeliverySignal signal,
    IOptions<DeliveryPolicy> policy,
    TimeProvider time,
    ILogger<NotificationDeliveryWorker> logger) : PollingWorker(signal, time, logger)
{
    private static readonly System.Diagnostics.ActivitySource ActivitySource = new("Safeguard.Notification");

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(1);

    protected override int Parallelism => policy.Value.Parallelism;

    protected override Task<bool> RunOnceAsync(CancellationToken cancellationToken) => DeliverNextAsync(cancellationToken);

    /// <returns>True when a notification was handled (more may be due).</returns>
    private async Task<bool> DeliverNextAsync(CancellationToken cancellationToken)
    {
        using var quiet = BackgroundTracing.Quiet();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = Time.GetUtcNow();
        var notification = (await db.Notifications
            .FromSql($"""
                SELECT * FROM notifications
                WHERE status = 'Pending' AND next_attempt_at <= {now}
                ORDER BY urgent DESC, next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED
                """)
            .TagWith("poll: e-mails") // the benchmark's scale run finds the round by it
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (notification is null)
        {
            return false;
        }

        using var traced = BackgroundTracing.Continue(ActivitySource, $"deliver {notification.Template}", notification.TraceParent, out var activity);
        activity?.SetTag("safeguard.notification.id", notification.Id);
        try
        {
            var email = templates.Get(notification.Template).Render(notification.Model, notification.Language, workspace.Url);
            await sender.SendAsync(notification.Id, notification.Recipient!, email, cancellationToken);
            notification.MarkSent(Time.GetUtcNow());
            Logger.LogInformation("Sent notification {NotificationId} ({Template}) for case {CaseReference}",
                notification.Id, notification.Template, notification.CaseReference);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = ex is MailKit.Net.Smtp.SmtpCommandException smtpError
                ? $"{ex.GetType().Name}: {smtpError.StatusCode}"
                : ex.GetType().Name;
            notification.MarkAttemptFailed(error, Time.GetUtcNow(), policy.Value);
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error);
            Logger.LogWarning("Notification {NotificationId} attempt {Attempt} failed: {Error}; status {Status}",
                notification.Id, notification.Attempts, error, notification.Status);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
