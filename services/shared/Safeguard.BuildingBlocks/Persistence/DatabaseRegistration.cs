using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Messaging;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.BuildingBlocks.Persistence;

public static class DatabaseRegistration
{
    /// <summary>Name of the connection string every service reads its own database from.</summary>
    public const string ConnectionName = "database";

    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : ServiceDbContext
    {
        var connectionString = WithPlatformLimits(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing."));
        builder.RequireEncrypted("database", DatabaseWeakness(connectionString));

        builder.Services.AddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddSingleton<AfterCommitInterceptor>();
        builder.Services.AddSingleton<DeadlineMarks>();
        builder.Services.AddDbContext<TDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(services.GetRequiredService<DeadlineMarks>(), services.GetRequiredService<OutboxSignalInterceptor>(),
                services.GetRequiredService<AfterCommitInterceptor>()));
        // Shared steps (the audit trail) reach the service's context without knowing its type.
        builder.Services.AddScoped<ServiceDbContext>(services => services.GetRequiredService<TDbContext>());

        builder.Services.AddSingleton(new DatabaseHealthCheck(connectionString));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return builder;
    }

    /// <summary>Why a connection string is not verified TLS (issue 24 §12), or null when it is.</summary>
    public static string? DatabaseWeakness(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).SslMode == SslMode.VerifyFull
            ? null
            : "PostgreSQL without SSL Mode=VerifyFull (no TLS, or the server's certificate and name unchecked)";

    /// <summary>Connections a service's pool may hold at once, unless its connection string sets Maximum Pool Size.</summary>
    public const int MaxPoolSize = 20;

    /// <summary>
    /// During an outage a request should fail within seconds with a 503, not wait Npgsql's default 15 s to
    /// connect. Under load, Npgsql's default pool of 100 let an overloaded service open a PostgreSQL process per
    /// waiting request (282 on 2 cores in the benchmark); a request now waits for one of <see cref="MaxPoolSize"/>
    /// connections, and past the timeout gets the same 503. A connection string that sets its own timeout or
    /// pool size keeps it.
    /// </summary>
    private static string WithPlatformLimits(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Timeout"))
        {
            settings.Timeout = 5;
        }
        if (!Sets(connectionString, "Maximum Pool Size") && !Sets(connectionString, "Max Pool Size") && !Sets(connectionString, "MaxPoolSize"))
        {
            settings.MaxPoolSize = MaxPoolSize;
        }
        return settings.ConnectionString;
    }

    private static bool Sets(string connectionString, string keyword) =>
        Regex.IsMatch(connectionString, $@"(^|;)\s*{Regex.Escape(keyword)}\s*=", RegexOptions.IgnoreCase);
}
