using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Messaging;

/// <summary>Wakes the outbox dispatcher as soon as new events are committed, instead of waiting for its poll.</summary>
public sealed class OutboxSignal : WakeSignal;

/// <summary>
/// A change that queues outbox rows wakes the dispatcher once it commits (rows not yet committed are invisible
/// to it; <see cref="ServiceDbContext.AfterCommit"/> waits for that).
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : SaveChangesInterceptor
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

    private void NoteOutboxRows(DbContext? context)
    {
        if (context is ServiceDbContext db && db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            db.AfterCommit(signal.Notify);
        }
    }
}
