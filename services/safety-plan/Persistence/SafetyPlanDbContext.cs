using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.SafetyPlan.Cases;
using Safeguard.SafetyPlan.Consumers;
using Safeguard.SafetyPlan.IndividualPlans;
using Safeguard.SafetyPlan.Monitoring;
using Safeguard.SafetyPlan.Plans;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Persistence;

/// <param name="personalData">Encrypts the Annex 3 plan and the narratives of plans and monitoring (issue 9, protection at rest).</param>
public sealed class SafetyPlanDbContext(DbContextOptions<SafetyPlanDbContext> options, PersonalDataProtector personalData) : ServiceDbContext(options)
{
    public DbSet<Team> Teams => Set<Team>();

    public DbSet<TeamMembership> TeamMemberships => Set<TeamMembership>();

    public DbSet<Plans.SafetyPlan> SafetyPlans => Set<Plans.SafetyPlan>();

    public DbSet<PlanMeasure> PlanMeasures => Set<PlanMeasure>();

    public DbSet<MonitoringEntry> MonitoringEntries => Set<MonitoringEntry>();

    public DbSet<ClockAlert> ClockAlerts => Set<ClockAlert>();

    public DbSet<CaseConsent> CaseConsents => Set<CaseConsent>();

    public DbSet<IndividualPlan> IndividualPlans => Set<IndividualPlan>();

    public DbSet<KnownCase> KnownCases => Set<KnownCase>();

    public DbSet<CaseAssessment> CaseAssessments => Set<CaseAssessment>();

    public DbSet<IndividualPlanEntry> IndividualPlanEntries => Set<IndividualPlanEntry>();

    public DbSet<IndividualPlanClockAlert> IndividualPlanClockAlerts => Set<IndividualPlanClockAlert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new TeamConfiguration());
        modelBuilder.ApplyConfiguration(new TeamMembershipConfiguration());
        modelBuilder.ApplyConfiguration(new SafetyPlanConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new PlanMeasureConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new MonitoringEntryConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new ClockAlertConfiguration());
        modelBuilder.ApplyConfiguration(new CaseConsentConfiguration());
        modelBuilder.ApplyConfiguration(new IndividualPlanConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new KnownCaseConfiguration());
        modelBuilder.ApplyConfiguration(new CaseAssessmentConfiguration());
        modelBuilder.ApplyConfiguration(new IndividualPlanEntryConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new IndividualPlanClockAlertConfiguration());
        modelBuilder.ApplyConfiguration(new DeadlineCheckConfiguration());
        modelBuilder.ApplyConfiguration(new OpenClockConfiguration());
    }
}

internal sealed class SafetyPlanDesignTimeFactory : DesignTimeDbContextFactory<SafetyPlanDbContext>;
