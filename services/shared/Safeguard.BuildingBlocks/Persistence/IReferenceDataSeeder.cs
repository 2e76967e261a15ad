namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// Loads a service's reference data (e.g. the action plan's activities) after its migrations and before it
/// takes requests. Must be idempotent: it runs at every start, and two instances may run it at once.
/// </summary>
public interface IReferenceDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
