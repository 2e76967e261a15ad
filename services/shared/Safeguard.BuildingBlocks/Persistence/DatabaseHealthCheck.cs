using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>Ready only while the service's own database answers.</summary>
internal sealed class DatabaseHealthCheck<TDbContext>(TDbContext db) : IHealthCheck where TDbContext : ServiceDbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
