using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.SafetyPlan.Consumers;
using Safeguard.SafetyPlan.IndividualPlans;
using Safeguard.SafetyPlan.Monitoring;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Persistence;

public sealed class SafetyPlanDbContext(DbContextOptions<SafetyPlanDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<Plans.SafetyPlan> SafetyPlans => Set<Plans.SafetyPlan>();

    public DbSet<PlanMeasure> PlanMeasures => Set<PlanMeasure>();

    public DbSet<MonitoringEntry> MonitoringEntries => Set<MonitoringEntry>();

    public DbSet<ClockAlert> ClockAlerts => Set<ClockAlert>();

    public DbSet<CaseConsent> CaseConsents => Set<CaseConsent>();

    public DbSet<IndividualPlan> IndividualPlans => Set<IndividualPlan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new TeamConfiguration());
        modelBuilder.ApplyConfiguration(new TeamMembershipConfiguration());
        modelBuilder.ApplyConfiguration(new SafetyPlanConfiguration());
        modelBuilder.ApplyConfiguration(new PlanMeasureConfiguration());
        modelBuilder.ApplyConfiguration(new MonitoringEntryConfiguration());
        modelBuilder.ApplyConfiguration(new ClockAlertConfiguration());
        modelBuilder.ApplyConfiguration(new CaseConsentConfiguration());
        modelBuilder.ApplyConfiguration(new IndividualPlanConfiguration());
    }
}

internal sealed class SafetyPlanDesignTimeFactory : DesignTimeDbContextFactory<SafetyPlanDbContext>;
