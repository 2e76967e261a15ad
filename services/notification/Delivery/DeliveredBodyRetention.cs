using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Notification.Notifications;
using Safeguard.Notification.Persistence;

namespace Safeguard.Notification.Delivery;

/// <summary>
/// A delivered e-mail's body — the template model it was written from: case reference, deadlines, a team member's
/// name and link — is emptied 30 days after it was sent (Retention:DeliveredEmailBodyDays; issue 24 §11). The delivery
/// log keeps what an operator answers for: which template went to which address, when, after how many attempts.
/// Pending and failed e-mails keep their bodies: they are still to be sent.
/// </summary>
internal sealed class DeliveredBodyRetention(IConfiguration configuration) : IRetentionStep
{
    public const string Emptied = "{}";

    private readonly TimeSpan _window = configuration.Days("DeliveredEmailBodyDays", 30);

    public async Task<int> RunAsync(ServiceDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sentBefore = now - _window;
        var notifications = ((NotificationDbContext)db).Notifications;
        return await notifications
            .Where(n => notifications.Where(o => o.Status == NotificationStatus.Sent && o.SentAt < sentBefore && o.Model != Emptied)
                .OrderBy(o => o.SentAt).Take(IRetentionStep.BatchSize).Select(o => o.Id).Contains(n.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.Model, Emptied), cancellationToken);
    }
}
