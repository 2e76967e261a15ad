using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Safeguard.BuildingBlocks.Persistence;

public static class DatabaseMigrator
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private const int MaxAttempts = 60;

    /// <summary>
    /// Creates the database if needed and applies pending migrations before the service takes requests.
    /// Waits for the server (up to two minutes) so that a service started before PostgreSQL still comes up.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost host, CancellationToken cancellationToken = default)
        where TDbContext : ServiceDbContext
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Database of {DbContext} is up to date", typeof(TDbContext).Name);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Reason}", attempt, ex.GetType().Name);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        NpgsqlException { InnerException: SocketException or IOException or TimeoutException } => true,
        // 57P03: the server is starting up.
        PostgresException { SqlState: "57P03" } => true,
        _ => ex.InnerException is not null && IsTransient(ex.InnerException),
    };
}
