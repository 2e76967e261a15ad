using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Hosting;

namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>
/// What one watcher's clocks are computed from: for each entity type that feeds them, the records whose clocks
/// a change to it may start, move or stop. Every change saved through the service's context is matched
/// against it, and marks those records to be looked at again, in the change's own transaction
/// (<see cref="DeadlineMarks"/>). An entity left out here would leave its records' clocks stale until their
/// next boundary: list every input the clocks read.
/// </summary>
public sealed class DeadlineInputs(Type context, Type watcherType, string watcher, Type signal)
{
    private readonly List<Func<DbContext, IReadOnlyList<object>, CancellationToken, Task<IEnumerable<Guid>>>> _inputs = [];

    internal Type Context => context;

    internal Type WatcherType => watcherType;

    public string Watcher => watcher;

    internal Type Signal => signal;

    /// <summary>What the code its records' clocks are counted by names, as a gauge label: "centre" unless <see cref="PlacedIn"/> says.</summary>
    internal string PlaceLabel { get; private set; } = "centre";

    /// <summary>Its records belong to a <paramref name="label"/> (e.g. "municipality"), whose code <see cref="DeadlineVisit.Place"/> gives.</summary>
    public DeadlineInputs PlacedIn(string label)
    {
        PlaceLabel = label;
        return this;
    }

    /// <summary>A change to a <typeparamref name="TEntity"/> concerns the one record it names.</summary>
    public DeadlineInputs On<TEntity>(Func<TEntity, Guid> recordOf) =>
        On<TEntity>((_, changed, _) => Task.FromResult(changed.Select(recordOf)));

    /// <summary>A change to a <typeparamref name="TEntity"/> concerns the records a query finds (e.g. the plans of a team).</summary>
    public DeadlineInputs On<TEntity>(Func<DbContext, IReadOnlyList<TEntity>, CancellationToken, Task<IEnumerable<Guid>>> recordsOf)
    {
        _inputs.Add(async (db, changed, cancellationToken) =>
            changed.OfType<TEntity>().ToList() is { Count: > 0 } mine ? await recordsOf(db, mine, cancellationToken) : []);
        return this;
    }

    internal async Task<IReadOnlySet<Guid>> RecordsOfAsync(DbContext db, IReadOnlyList<object> changed, CancellationToken cancellationToken)
    {
        var records = new HashSet<Guid>();
        foreach (var input in _inputs)
        {
            records.UnionWith(await input(db, changed, cancellationToken));
        }
        return records;
    }
}
