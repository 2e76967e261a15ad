using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>Wakes the outbox dispatcher as soon as new events are committed, instead of waiting for its poll.</summary>
public sealed class OutboxSignal : WakeSignal;

/// <summary>
/// Signals the dispatcher once outbox rows are committed: after SaveChanges without a transaction, or
/// after the explicit transaction that held them commits (rows not yet committed are invisible to it).
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteOutboxRows(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteOutboxRows(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void NoteOutboxRows(DbContext? context)
    {
        if (context is ServiceDbContext db && db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            db.HasUnsignalledOutboxMessages = true;
        }
    }

    private void SignalIfCommitted(DbContext? context)
    {
        if (context is ServiceDbContext db && db.Database.CurrentTransaction is null)
        {
            SignalIfPending(db);
        }
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ServiceDbContext db)
        {
            SignalIfPending(db);
        }
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is ServiceDbContext db)
        {
            SignalIfPending(db);
        }
    }

    private void SignalIfPending(ServiceDbContext db)
    {
        if (db.HasUnsignalledOutboxMessages)
        {
            db.HasUnsignalledOutboxMessages = false;
            signal.Notify();
        }
    }
}
