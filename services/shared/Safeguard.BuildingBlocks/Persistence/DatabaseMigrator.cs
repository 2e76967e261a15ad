using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
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
    /// The migrate step (issue 24 §1), as the database's owner: makes the roles and the database where it is given the
    /// server administrator's connection (a local platform), applies pending migrations, makes the audit table
    /// append-only, re-encrypts personal data under the current key, and grants the runtime role what it may do.
    /// Waits for the server (up to two minutes) so that a step started before PostgreSQL still succeeds.
    /// </summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this IHost host, CancellationToken cancellationToken = default)
        where TDbContext : ServiceDbContext
    {
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        var runtime = configuration.GetConnectionString(DatabaseRoles.RuntimeConnectionName)
            ?? throw new InvalidOperationException($"The migrate step needs ConnectionStrings:{DatabaseRoles.RuntimeConnectionName}, the running service's role.");
        var administrator = configuration.GetConnectionString(DatabaseRoles.ProvisioningConnectionName);
        await WithRetriesAsync<TDbContext>(host, async (db, services, logger) =>
        {
            if (administrator is not null)
            {
                await DatabaseRoles.ProvisionAsync(administrator, db.Database.GetConnectionString()!, runtime, logger, cancellationToken);
            }
            // EF reads the history table before creating it and logs that as a failed command on every
            // first start (npgsql/efcore.pg#3407); creating it first keeps operators' error logs truthful.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await AuditTrail.EnsureAppendOnlyAsync(db, cancellationToken);
            UnwrappedKeys.Retire(services, logger);
            var encrypted = await PersonalDataBackfill.RunAsync(db, services.GetService<PersonalDataProtector>(), cancellationToken);
            UnwrappedKeys.Remove(services, logger);
            await DatabaseRoles.GrantRuntimeAsync(db, runtime, cancellationToken);
            logger.LogInformation("Database of {DbContext} is up to date; {Encrypted} personal-data values (re-)encrypted",
                typeof(TDbContext).Name, encrypted);
        }, cancellationToken);
    }

    /// <summary>
    /// The running service, as its runtime role, only checks that the migrate step has run: it cannot migrate, and
    /// must not serve a schema older than its code.
    /// </summary>
    public static Task EnsureSchemaCurrentAsync<TDbContext>(this IHost host, CancellationToken cancellationToken = default)
        where TDbContext : ServiceDbContext =>
        WithRetriesAsync<TDbContext>(host, async (db, _, _) =>
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database lacks {pending.Count} migration(s), the last {pending[^1]}: run this service once with " +
                    "Safeguard__Mode=migrate as the database's owner (the AppHost's '<service>-migrate' step) before starting it.");
            }
        }, cancellationToken);

    private static async Task WithRetriesAsync<TDbContext>(IHost host, Func<TDbContext, IServiceProvider, ILogger, Task> work, CancellationToken cancellationToken)
        where TDbContext : ServiceDbContext
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = host.Services.CreateAsyncScope();
                await work(scope.ServiceProvider.GetRequiredService<TDbContext>(), scope.ServiceProvider, logger);
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
