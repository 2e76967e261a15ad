using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.RiskAssessment.Assessments;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Consent;
using Safeguard.RiskAssessment.Deadlines;
using Safeguard.RiskAssessment.Police;

using Safeguard.RiskAssessment.SafetyPlans;

namespace Safeguard.RiskAssessment.Persistence;

/// <param name="personalData">Encrypts victims' identities and narratives (issue 9, protection at rest).</param>
public sealed class RiskAssessmentDbContext(DbContextOptions<RiskAssessmentDbContext> options, PersonalDataProtector personalData) : ServiceDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<PoliceReport> PoliceReports => Set<PoliceReport>();

    public DbSet<OverdueAlert> OverdueAlerts => Set<OverdueAlert>();

    public DbSet<CaseSafetyPlan> CaseSafetyPlans => Set<CaseSafetyPlan>();

    public DbSet<TeamRoster> TeamRosters => Set<TeamRoster>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new CaseConfiguration(personalData));
        modelBuilder.ApplyYearlyNumbering();
        modelBuilder.ApplyConfiguration(new AssessmentConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new ConsentRecordConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new PoliceReportConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new OverdueAlertConfiguration());
        modelBuilder.ApplyConfiguration(new CaseSafetyPlanConfiguration());
        modelBuilder.ApplyConfiguration(new TeamRosterConfiguration());
    }
}

internal sealed class RiskAssessmentDesignTimeFactory : DesignTimeDbContextFactory<RiskAssessmentDbContext>;
