using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>
/// Sent outbox rows and inbox rows end after their windows (issue 24 §11). A sent event is no longer needed once the
/// broker confirmed it: 7 days (Retention:SentOutboxDays) leave an operator time to trace one. An inbox row is what
/// catches a redelivered message; redeliveries come within minutes (the outbox republishes after a lost confirm,
/// the broker after a lost ack), so 30 days (Retention:InboxDays) keep duplicate detection honest with a wide margin.
/// </summary>
internal sealed class MessageRetention(IConfiguration configuration) : IRetentionStep
{
    private readonly TimeSpan _sentOutbox = configuration.Days("SentOutboxDays", 7);
    private readonly TimeSpan _inbox = configuration.Days("InboxDays", 30);

    public async Task<int> RunAsync(ServiceDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sentBefore = now - _sentOutbox;
        var outbox = await db.OutboxMessages
            .Where(m => db.OutboxMessages.Where(o => o.SentAt != null && o.SentAt < sentBefore).OrderBy(o => o.SentAt)
                .Take(IRetentionStep.BatchSize).Select(o => o.Id).Contains(m.Id))
            .ExecuteDeleteAsync(cancellationToken);
        var processedBefore = now - _inbox;
        var inbox = await db.InboxMessages
            .Where(m => db.InboxMessages.Where(i => i.ProcessedAt < processedBefore).Take(IRetentionStep.BatchSize)
                .Select(i => i.MessageId).Contains(m.MessageId) && m.ProcessedAt < processedBefore)
            .ExecuteDeleteAsync(cancellationToken);
        return Math.Max(outbox, inbox);
    }
}
