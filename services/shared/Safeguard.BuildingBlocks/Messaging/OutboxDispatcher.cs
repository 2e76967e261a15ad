using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ (with publisher confirms) and marks them sent. A broker
/// outage leaves the rows in place and retries with back-off; several instances of a service never
/// publish the same row at once (row locks with SKIP LOCKED). Delivery is at least once: a crash between
/// the broker's confirm and the commit republishes with the same MessageId, which the inbox drops.
/// </summary>
internal sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxDispatcher<TDbContext>> logger) : PollingWorker(signal, time, logger), IOutboxProgress
    where TDbContext : ServiceDbContext
{
    internal static readonly ActivitySource ActivitySource = new("Safeguard.Outbox");
    private const int BatchSize = 100;
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    // When the outbox last moved: an event was published, or a round found none waiting and none failing.
    private long _movedAt = time.GetTimestamp();
    private volatile bool _failing;

    protected override TimeSpan PollInterval => TimeSpan.FromSeconds(1);

    public TimeSpan SinceMoved => Time.GetElapsedTime(Interlocked.Read(ref _movedAt));

    protected override Task<bool> RunOnceAsync(CancellationToken cancellationToken) => DispatchBatchAsync(cancellationToken);

    /// <returns>True when a full batch was published and more may be waiting.</returns>
    private async Task<bool> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        using var quiet = BackgroundTracing.Quiet();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = Time.GetUtcNow();
        var batch = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= {now})
                ORDER BY sequence
                LIMIT {BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .TagWith("poll: outbox") // the benchmark's scale run finds the round by it
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            // Events that failed wait for their next attempt: until one goes out, the outbox has not moved.
            if (!_failing)
            {
                Interlocked.Exchange(ref _movedAt, Time.GetTimestamp());
            }
            return false;
        }

        // The whole batch goes out in row order without waiting for each confirm, then the confirms are awaited
        // together: awaiting one at a time capped a service at one event per broker round trip, and under load
        // risk-assessment's events waited a median 164 s in the outbox (issue 10 benchmark).
        var publishes = batch.Select(message => (message, sent: PublishAsync(message, cancellationToken))).ToList();
        Exception? failure = null;
        foreach (var (message, sent) in publishes)
        {
            try
            {
                await sent;
                message.MarkSent(Time.GetUtcNow());
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                message.MarkFailed(ex, Time.GetUtcNow());
                failure ??= ex;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (batch.Any(m => m.SentAt is not null))
        {
            Interlocked.Exchange(ref _movedAt, Time.GetTimestamp());
        }
        _failing = failure is not null;

        if (failure is not null)
        {
            throw new OutboxPublishException(failure);
        }
        return batch.Count == BatchSize;
    }

    private async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: true)!;
        var payload = JsonSerializer.Deserialize(message.Payload, type, OutboxMessage.Json)
            ?? throw new InvalidOperationException($"Outbox row {message.Id} has an empty payload.");

        // Publish as part of the trace of the request that caused the event.
        using var traced = BackgroundTracing.Continue(ActivitySource, $"outbox publish {type.Name}", message.TraceParent, out var activity);
        activity?.SetTag("messaging.message.id", message.Id);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        await bus.Publish(payload, type, context => context.MessageId = message.Id, timeout.Token);
    }
}

internal sealed class OutboxPublishException(Exception inner) : Exception("Publishing an outbox message failed.", inner);
