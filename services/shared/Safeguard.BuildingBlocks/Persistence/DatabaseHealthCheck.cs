using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// Whether the service's database answers, asked over connections of the check's own (issue 25 §1). When every
/// connection of the requests' pool is busy the service is loaded, not down: a probe that queued behind the requests
/// would time out and take a healthy service out of the gateway's routing just when it is needed most.
/// </summary>
internal sealed class DatabaseHealthCheck(string connectionString) : IHealthCheck, IAsyncDisposable
{
    // Two, so that the AppHost's and the gateway's probes do not wait for each other.
    private readonly NpgsqlDataSource _probes = new NpgsqlDataSourceBuilder(
        new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 2, MinPoolSize = 0 }.ConnectionString).Build();

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = _probes.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }

    public ValueTask DisposeAsync() => _probes.DisposeAsync();
}
