using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>
/// Base of the workers that raise a service's deadline events. A round reads the records whose check has come
/// due (<see cref="DeadlineCheck"/>: a change marked them, or a clock reaches its reminder or its deadline) over
/// an index, so an open record with nothing due costs nothing. Each is visited in its own transaction: the
/// subclass locks the record (FOR UPDATE SKIP LOCKED, so a second instance skips it), decides under the lock,
/// adds alert rows and outbox events; the checks it read are replaced by one at the record's next boundary, and
/// all commit together, so neither a crash nor two instances repeat or lose an alert. A test moving the clock
/// wakes it at once.
/// </summary>
public abstract class DeadlineWatcher<TDb> : PollingWorker where TDb : DbContext
{
    /// <summary>Records visited per round at most; a round that read this many runs again at once.</summary>
    internal const int BatchSize = 500;

    private readonly IServiceScopeFactory _scopes;
    private readonly string _name;

    protected DeadlineWatcher(string name, IServiceScopeFactory scopes, WakeSignal signal, TimeProvider time, IConfiguration configuration,
        string intervalSetting, ILogger logger)
        : base(signal, time, logger)
    {
        _name = name;
        _scopes = scopes;
        PollInterval = configuration.GetValue(intervalSetting, TimeSpan.FromSeconds(30));
        time.OnAdvanced(signal.Notify);
    }

    protected sealed override TimeSpan PollInterval { get; }

    /// <summary>
    /// Locks the record, adds the alerts and events that are due at <paramref name="now"/>, and says when its
    /// clocks next change status (<see cref="DeadlineVisit.Until"/>).
    /// </summary>
    protected abstract Task<DeadlineVisit> VisitAsync(TDb db, Guid id, DateTimeOffset now, CancellationToken cancellationToken);

    protected sealed override async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var quiet = BackgroundTracing.Quiet();
        List<(long Id, Guid RecordId)> due;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var now = Time.GetUtcNow();
            due = (await scope.ServiceProvider.GetRequiredService<TDb>().Set<DeadlineCheck>().AsNoTracking()
                    // The benchmark's scale run finds the round by its tag (pg_stat_statements keeps one entry for all
                    // the watchers of a database: the same query, the watcher a parameter).
                    .TagWith("poll: deadline checks")
                    .Where(c => c.Watcher == _name && c.CheckAt <= now)
                    .OrderBy(c => c.CheckAt).Take(BatchSize)
                    .Select(c => new { c.Id, c.RecordId }).ToListAsync(cancellationToken))
                .Select(c => (c.Id, c.RecordId)).ToList();
        }
        foreach (var record in due.GroupBy(c => c.RecordId))
        {
            await VisitInOwnTransactionAsync(record.Key, record.Select(c => c.Id).ToList(), cancellationToken);
        }
        return due.Count == BatchSize;
    }

    private async Task VisitInOwnTransactionAsync(Guid recordId, List<long> checksRead, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDb>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Time.GetUtcNow();
        var visit = await VisitAsync(db, recordId, now, cancellationToken);
        if (visit.HeldElsewhere)
        {
            return; // rolled back: the checks stay for the next round
        }
        // Only the checks this round read, and the record's future boundary: a change's mark committed since
        // (check_at is AtOnce, never in the future) stays, so the change is looked at next round.
        await db.Set<DeadlineCheck>()
            .Where(c => checksRead.Contains(c.Id) || (c.Watcher == _name && c.RecordId == recordId && c.CheckAt > now))
            .ExecuteDeleteAsync(cancellationToken);
        if (visit.NextCheckAt is { } next)
        {
            db.Add(DeadlineCheck.At(_name, recordId, next));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
