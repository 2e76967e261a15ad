using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.BuildingBlocks.Hosting;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>
/// Marks, within the transaction of every change, the records whose clocks the change may move, and wakes their
/// watcher once it commits. In the same transaction, so a crash can lose neither the change nor its mark; a
/// watcher that visits while the change is still open reads the old record, and the mark, committed after,
/// sends it back.
/// </summary>
internal sealed class DeadlineMarks(IEnumerable<DeadlineInputs> watchers, IServiceProvider services) : SaveChangesInterceptor
{
    private readonly DeadlineInputs[] _watchers = watchers.ToArray();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        // Only a synchronous SaveChanges comes here; the team-membership lookup it may run is one indexed query.
        MarkAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await MarkAsync(eventData.Context, cancellationToken);
        return result;
    }

    private async Task MarkAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not ServiceDbContext db || _watchers.Length == 0)
        {
            return;
        }
        List<object>? changed = null;
        foreach (var watcher in _watchers.Where(w => w.Context == db.GetType()))
        {
            changed ??= db.ChangeTracker.Entries()
                .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not DeadlineCheck)
                .Select(e => e.Entity).ToList();
            var marked = db.ChangeTracker.Entries<DeadlineCheck>()
                .Where(e => e.Entity.Watcher == watcher.Watcher && e.Entity.CheckAt == DeadlineCheck.AtOnce)
                .Select(e => e.Entity.RecordId).ToHashSet();
            var records = await watcher.RecordsOfAsync(db, changed, cancellationToken);
            foreach (var record in records.Where(r => !marked.Contains(r)))
            {
                db.Add(DeadlineCheck.Changed(watcher.Watcher, record));
            }
            if (records.Count > 0)
            {
                db.AfterCommit(((WakeSignal)services.GetRequiredService(watcher.Signal)).Notify);
            }
        }
    }
}
