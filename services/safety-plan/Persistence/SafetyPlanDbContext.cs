using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Persistence;

public sealed class SafetyPlanDbContext(DbContextOptions<SafetyPlanDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new TeamConfiguration());
        modelBuilder.ApplyConfiguration(new TeamMembershipConfiguration());
    }
}

internal sealed class SafetyPlanDesignTimeFactory : DesignTimeDbContextFactory<SafetyPlanDbContext>;
