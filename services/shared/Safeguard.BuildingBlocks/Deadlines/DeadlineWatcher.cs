using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>
/// Base of the workers that raise a service's deadline events. Each round first reads, in bulk and without
/// locks, which live records have a stage to record now; only those are then visited, each in its own
/// transaction: the subclass locks the record (FOR UPDATE SKIP LOCKED, so a second instance skips it), decides
/// again under the lock, adds alert rows and outbox events, and they commit together, so neither a crash nor
/// two instances repeat or lose an alert. A test moving the clock wakes it at once.
/// Why the bulk read: a locked visit is a transaction with a WAL flush even when nothing is due; visiting every
/// open record each round made an idle service with 2,400 open cases run 80 transactions a second.
/// </summary>
public abstract class DeadlineWatcher<TDb> : PollingWorker where TDb : DbContext
{
    private readonly IServiceScopeFactory _scopes;

    protected DeadlineWatcher(IServiceScopeFactory scopes, WakeSignal signal, TimeProvider time, IConfiguration configuration, string intervalSetting, ILogger logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        PollInterval = configuration.GetValue(intervalSetting, TimeSpan.FromSeconds(30));
        time.OnAdvanced(signal.Notify);
    }

    protected sealed override TimeSpan PollInterval { get; }

    /// <summary>
    /// The ids of the live records with at least one stage to record at <paramref name="now"/>, read without locks.
    /// Only a filter: a record it misses because it changed meanwhile is found in the next round.
    /// </summary>
    protected abstract Task<IReadOnlyCollection<Guid>> DueRecordsAsync(TDb db, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Locks the record, and adds the alerts and events that are due now; does nothing if it is gone or locked.</summary>
    protected abstract Task RaiseDueAlertsAsync(TDb db, Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    protected sealed override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var quiet = BackgroundTracing.Quiet();
        IReadOnlyCollection<Guid> due;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            due = await DueRecordsAsync(scope.ServiceProvider.GetRequiredService<TDb>(), Time.GetUtcNow(), cancellationToken);
        }
        foreach (var id in due)
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDb>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await RaiseDueAlertsAsync(db, id, Time.GetUtcNow(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return false;
    }
}
