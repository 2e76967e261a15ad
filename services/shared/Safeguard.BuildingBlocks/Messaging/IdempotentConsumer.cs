using MassTransit;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>
/// Base of every consumer: the message is recorded in the inbox in the same transaction as the work it
/// causes (including events the handler publishes through the outbox), so a redelivered message — after
/// a crash, a lost acknowledgement or an outbox republish — changes nothing the second time.
/// Failures are retried by the endpoint's retry policy, then moved to the queue's <c>_error</c> queue.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TDbContext>(TDbContext db, TimeProvider time) : IConsumer<TMessage>
    where TMessage : class
    where TDbContext : ServiceDbContext
{
    protected TDbContext Db => db;

    protected TimeProvider Time => time;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId.");
        var consumer = GetType().FullName!;
        var cancellationToken = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken))
        {
            return; // already handled: acknowledge the duplicate
        }

        db.InboxMessages.Add(new InboxMessage(messageId, consumer, typeof(TMessage).Name, time.GetUtcNow()));
        await HandleAsync(context.Message, context, cancellationToken);
        // A concurrent duplicate fails here on the inbox key, is retried, and then finds the row above.
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        OnCommitted();
    }

    /// <summary>Runs once the work is committed, e.g. to wake a worker that acts on it.</summary>
    protected virtual void OnCommitted()
    {
    }

    /// <summary>Does the work: change entities of <see cref="Db"/>; do not call SaveChanges.</summary>
    protected abstract Task HandleAsync(TMessage message, ConsumeContext<TMessage> context, CancellationToken cancellationToken);
}
