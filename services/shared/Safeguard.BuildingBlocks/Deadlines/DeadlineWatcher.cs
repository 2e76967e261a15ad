using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>
/// Base of the workers that raise a service's deadline events. A round reads the records whose check has come
/// due (<see cref="DeadlineCheck"/>: a change marked them, or a clock reaches its reminder or its deadline) over
/// an index, so an open record with nothing due costs nothing. Each is visited in its own transaction: the
/// record's row is locked (FOR UPDATE SKIP LOCKED, so a second instance skips it), the subclass decides under
/// the lock and adds alert rows and outbox events; the checks read are replaced by one at the record's next
/// boundary and its <see cref="OpenClock"/> rows by the clocks it found, and all commit together, so neither a
/// crash nor two instances repeat or lose an alert. A test moving the clock wakes it at once. Registered with
/// <see cref="DeadlineRegistration.AddDeadlineWatcher"/>, which names it.
/// </summary>
/// <typeparam name="TRecord">The entity whose row a visit locks: the record the clocks belong to, keyed by a Guid.</typeparam>
public abstract class DeadlineWatcher<TDb, TRecord> : PollingWorker where TDb : DbContext where TRecord : class
{
    /// <summary>Records visited per round at most; a round that read this many runs again at once.</summary>
    internal const int BatchSize = 500;

    private readonly IServiceScopeFactory _scopes;
    private readonly string _name;
    private readonly RecordLock _lock;

    protected DeadlineWatcher(IServiceScopeFactory scopes, WakeSignal signal, TimeProvider time, IConfiguration configuration,
        string intervalSetting, ILogger logger)
        : base(signal, time, logger)
    {
        _scopes = scopes;
        using (var scope = scopes.CreateScope())
        {
            // The name its checks are stored under is given once, at registration, beside its inputs.
            _name = scope.ServiceProvider.GetServices<DeadlineInputs>().SingleOrDefault(w => w.WatcherType == GetType())?.Watcher
                    ?? throw new InvalidOperationException($"{GetType().Name} runs only when registered with AddDeadlineWatcher.");
            _lock = RecordLock.Of(scope.ServiceProvider.GetRequiredService<TDb>());
        }
        PollInterval = configuration.GetValue(intervalSetting, TimeSpan.FromSeconds(30));
        time.OnAdvanced(signal.Notify);
    }

    protected sealed override TimeSpan PollInterval { get; }

    /// <summary>
    /// With the record's row locked, adds the alerts and events that are due at <paramref name="now"/>, and says
    /// which clocks run and when they next change status (<see cref="DeadlineVisit.Until"/>).
    /// </summary>
    protected abstract Task<DeadlineVisit> VisitAsync(TDb db, TRecord record, DateTimeOffset now, CancellationToken cancellationToken);

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
        var record = await _lock.TakeAsync(db, recordId, cancellationToken);
        var visit = record is not null ? await VisitAsync(db, record, now, cancellationToken)
            : await _lock.ExistsAsync(db, recordId, cancellationToken) ? DeadlineVisit.Busy
            : DeadlineVisit.Done;
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
        // The record's clocks as this visit computed them replace the last visit's, for the operators' gauges.
        await db.Set<OpenClock>().Where(c => c.Watcher == _name && c.RecordId == recordId).ExecuteDeleteAsync(cancellationToken);
        db.AddRange(visit.Clocks.Select(c => OpenClock.Of(_name, recordId, visit.Place, c)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The record's row lock, read from the model: its table and key column.</summary>
    private sealed class RecordLock(string sql, string key)
    {
        public static RecordLock Of(TDb db)
        {
            var entity = db.Model.FindEntityType(typeof(TRecord)) ?? throw new InvalidOperationException($"{typeof(TRecord).Name} is not in {typeof(TDb).Name}.");
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var (table, schema) = (entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            // xmin: the row version the entities map, read with the row as every FromSql of them does.
            return new RecordLock(
                $"SELECT *, xmin FROM {sql.DelimitIdentifier(table, schema)} " +
                $"WHERE {sql.DelimitIdentifier(key.GetColumnName(StoreObjectIdentifier.Table(table, schema))!)} = {{0}} FOR UPDATE SKIP LOCKED",
                key.Name);
        }

        /// <summary>The record, locked for this transaction; null when another holds it or it is gone.</summary>
        public async Task<TRecord?> TakeAsync(TDb db, Guid id, CancellationToken cancellationToken) =>
            (await db.Set<TRecord>().FromSqlRaw(sql, id).AsNoTracking().ToListAsync(cancellationToken)).SingleOrDefault();

        public Task<bool> ExistsAsync(TDb db, Guid id, CancellationToken cancellationToken) =>
            db.Set<TRecord>().AnyAsync(r => EF.Property<Guid>(r, key) == id, cancellationToken);
    }
}
