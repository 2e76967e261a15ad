using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's context without starting the service (no
/// broker or server is needed to write a migration).
/// </summary>
public abstract class DesignTimeDbContextFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : ServiceDbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .Options;
        // Contexts with encrypted columns take a protector; migrations need only its column types.
        var services = new ServiceCollection().AddSingleton(PersonalDataProtector.Ephemeral()).BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<TDbContext>(services, options);
    }
}
