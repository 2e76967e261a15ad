using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Identity.Accounts;
using Safeguard.Identity.Institutions;

namespace Safeguard.Identity.Persistence;

/// <summary>
/// Institutions, accounts (ASP.NET Core Identity's tables) and OpenIddict's clients, authorizations and tokens,
/// beside the outbox, inbox and audit every service has: an account change, its audit entry and its event are
/// one transaction.
/// </summary>
public sealed class IdentityServiceDbContext(DbContextOptions<IdentityServiceDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Institution> Institutions => Set<Institution>();

    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new InstitutionConfiguration());
        modelBuilder.ApplyConfiguration(new AccountConfiguration());
        modelBuilder.ApplyConfiguration(new AccountClaimConfiguration());
        modelBuilder.ApplyConfiguration(new AccountLoginConfiguration());
        modelBuilder.ApplyConfiguration(new AccountTokenConfiguration());
        modelBuilder.UseOpenIddict();
    }
}

internal sealed class IdentityServiceDesignTimeFactory : DesignTimeDbContextFactory<IdentityServiceDbContext>;
