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

/// <summary>Gives records written before name search existed their keyed name hashes, so a search finds them too.</summary>
public sealed class NameIndex<TRecord>(ServiceDbContext db, NameSearch nameSearch, ILogger<NameIndex<TRecord>> logger) : IStartupDataStep
    where TRecord : class, INameIndexed
{
    private const int PageSize = 200;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
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
}
