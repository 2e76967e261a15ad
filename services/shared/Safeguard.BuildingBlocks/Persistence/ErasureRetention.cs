using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Safeguard.BuildingBlocks.Access;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// A record type that is erased in place once its retention period ends (issue 24 §10). Each due record is erased
/// by the same code an authorised request uses, and audited as the platform's own <c>erase</c>, naming the setting,
/// in the same commit. The period is <c>Retention:{setting}</c>, in days.
/// </summary>
public abstract class ErasureRetention<TDbContext, TRecord>(IConfiguration configuration, string setting, int defaultDays) : IRetentionStep
    where TDbContext : ServiceDbContext
    where TRecord : class
{
    /// <summary>Records erased per save: each may load the records under it; a round goes on to a full batch.</summary>
    private const int PageSize = 100;

    private readonly TimeSpan _period = configuration.Days(setting, defaultDays);

    /// <summary>The record type the audit names, as the service's access rules do.</summary>
    protected abstract string RecordType { get; }

    /// <summary>Not yet erased and whose period began before <paramref name="endedBefore"/>, oldest first; backed by an index.</summary>
    protected abstract IQueryable<TRecord> Due(TDbContext db, DateTimeOffset endedBefore);

    protected abstract Guid IdOf(TRecord record);

    /// <summary>Erases the record and what hangs on it, in the caller's change (no save).</summary>
    protected abstract Task EraseAsync(TDbContext db, TRecord record, DateTimeOffset now, CancellationToken cancellationToken);

    public async Task<int> RunAsync(ServiceDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = (TDbContext)context;
        var endedBefore = now - _period;
        var erased = 0;
        while (erased < IRetentionStep.BatchSize)
        {
            var due = await Due(db, endedBefore).Take(PageSize).ToListAsync(cancellationToken);
            foreach (var record in due)
            {
                await EraseAsync(db, record, now, cancellationToken);
                AuditTrail.AddBySystem(db, now, "erase", RecordType, IdOf(record), $"retention Retention:{setting}");
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            erased += due.Count;
            if (due.Count < PageSize)
            {
                break;
            }
        }
        return erased;
    }
}
