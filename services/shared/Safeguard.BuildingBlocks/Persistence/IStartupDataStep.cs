namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// Brings a service's data to what this version expects, in the migrate step after its migrations, as the database's owner, before the service starts:
/// reference data (the action plan's activities), search keys of rows written before a search existed.
/// Must be idempotent: it runs before every start, and two migrate steps may run it at once.
/// </summary>
public interface IStartupDataStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
