namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// Brings a service's data to what this version expects, after its migrations and before it takes requests:
/// reference data (the action plan's activities), search keys of rows written before a search existed.
/// Must be idempotent: it runs at every start, and two instances may run it at once.
/// </summary>
public interface IStartupDataStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
