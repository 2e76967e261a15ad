using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Safeguard.BuildingBlocks.Messaging;

namespace Safeguard.BuildingBlocks.Persistence;

public static class DatabaseRegistration
{
    /// <summary>Name of the connection string every service reads its own database from.</summary>
    public const string ConnectionName = "database";

    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : ServiceDbContext
    {
        var connectionString = WithOutageTimeouts(builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing."));

        builder.Services.AddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContext<TDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()));
        // Shared steps (the audit trail) reach the service's context without knowing its type.
        builder.Services.AddScoped<ServiceDbContext>(services => services.GetRequiredService<TDbContext>());

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TDbContext>>("database", tags: ["ready"]);
        builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>();
        return builder;
    }

    /// <summary>
    /// During an outage a request should fail within seconds with a 503, not wait Npgsql's default 15 s to
    /// connect. A connection string that sets its own timeout keeps it.
    /// </summary>
    private static string WithOutageTimeouts(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Regex.IsMatch(connectionString, @"(^|;)\s*Timeout\s*=", RegexOptions.IgnoreCase))
        {
            settings.Timeout = 5;
        }
        return settings.ConnectionString;
    }
}
