using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Privacy;

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
                await EnsureDatabaseExistsAsync(db.Database.GetConnectionString()!, logger, cancellationToken);
                // EF reads the history table before creating it and logs that as a failed command on every
                // first start (npgsql/efcore.pg#3407); creating it first keeps operators' error logs truthful.
                await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
                await AuditTrail.EnsureAppendOnlyAsync(db, cancellationToken);
                var encrypted = await PersonalDataBackfill.RunAsync(db, scope.ServiceProvider.GetService<PersonalDataProtector>(), cancellationToken);
                logger.LogInformation("Database of {DbContext} is up to date; {Encrypted} personal-data values (re-)encrypted",
                    typeof(TDbContext).Name, encrypted);
                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                logger.LogWarning("Database not reachable yet (attempt {Attempt}): {Reason}", attempt, ex.GetType().Name);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Creates the service's database on the server if it is missing. EF Core would create it too, but
    /// only after logging a failed connection as an error on every first start, which misleads operators.
    /// </summary>
    private static async Task EnsureDatabaseExistsAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        // Identifiers cannot be parameters; the name comes from our own configuration, quoted regardless.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
            logger.LogInformation("Created database {Database}", name);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance of the service created it at the same moment.
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
