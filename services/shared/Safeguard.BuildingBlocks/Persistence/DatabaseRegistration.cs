using Microsoft.Extensions.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Safeguard.BuildingBlocks.Messaging;

namespace Safeguard.BuildingBlocks.Persistence;

public static class DatabaseRegistration
{
    /// <summary>Name of the connection string every service reads its own database from.</summary>
    public const string ConnectionName = "database";

    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : ServiceDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing.");

        builder.Services.AddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContext<TDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()));
        // Shared steps (the audit trail) reach the service's context without knowing its type.
        builder.Services.AddScoped<ServiceDbContext>(services => services.GetRequiredService<TDbContext>());

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TDbContext>>("database", tags: ["ready"]);
        return builder;
    }
}
