using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.BuildingBlocks.Privacy;

/// <summary>A record found by a person's name through keyed hashes (<see cref="NameSearch"/>), the name itself encrypted.</summary>
public interface INameIndexed
{
    Guid Id { get; }

    List<string> NameTokens { get; }

    void IndexNames(NameSearch nameSearch);
}

/// <summary>
/// Gives records written before name search existed their keyed name hashes, so a search finds them too; and, when the
/// service's search key has changed (rotation, or the per-service keys of issue 24 §3), hashes every record anew.
/// </summary>
public sealed class NameIndex<TRecord>(ServiceDbContext db, NameSearch nameSearch, ILogger<NameIndex<TRecord>> logger) : IStartupDataStep
    where TRecord : class, INameIndexed
{
    private const int PageSize = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await KeyChangedAsync(cancellationToken))
        {
            await ReindexAllAsync(cancellationToken);
        }
        var indexed = 0;
        var stillEmpty = 0;
        while (true)
        {
            // A name with no word of two letters keeps an empty index: skip past those.
            var page = await db.Set<TRecord>().Where(r => r.NameTokens.Count == 0)
                .OrderBy(r => r.Id).Skip(stillEmpty).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            page.ForEach(r => r.IndexNames(nameSearch));
            await db.SaveChangesAsync(cancellationToken);
            indexed += page.Count(r => r.NameTokens.Count > 0);
            stillEmpty += page.Count(r => r.NameTokens.Count == 0);
        }
        if (indexed > 0)
        {
            logger.LogInformation("Indexed the names of {Count} {Record} records for search", indexed, typeof(TRecord).Name);
        }
    }

    /// <summary>One key hashes every record, so one record whose hashes differ from its name's under this key tells that the key changed.</summary>
    private async Task<bool> KeyChangedAsync(CancellationToken cancellationToken)
    {
        var sample = await db.Set<TRecord>().AsNoTracking().Where(r => r.NameTokens.Count > 0).OrderBy(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        if (sample is null)
        {
            return false;
        }
        var stored = sample.NameTokens.ToList();
        sample.IndexNames(nameSearch);
        return !stored.SequenceEqual(sample.NameTokens);
    }

    private async Task ReindexAllAsync(CancellationToken cancellationToken)
    {
        // Hashing changes no id, so pages by position stay whole.
        var count = 0;
        while (true)
        {
            var page = await db.Set<TRecord>().OrderBy(r => r.Id).Skip(count).Take(PageSize).ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            page.ForEach(r => r.IndexNames(nameSearch));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += page.Count;
        }
        logger.LogWarning("The name-search key changed: hashed the names of {Count} {Record} records anew", count, typeof(TRecord).Name);
    }
}
