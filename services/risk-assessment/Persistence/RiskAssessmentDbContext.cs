using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.RiskAssessment.Assessments;
using Safeguard.RiskAssessment.Cases;
using Safeguard.RiskAssessment.Consent;
using Safeguard.RiskAssessment.Deadlines;
using Safeguard.RiskAssessment.Police;

namespace Safeguard.RiskAssessment.Persistence;

public sealed class RiskAssessmentDbContext(DbContextOptions<RiskAssessmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<PoliceReport> PoliceReports => Set<PoliceReport>();

    public DbSet<OverdueAlert> OverdueAlerts => Set<OverdueAlert>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
        modelBuilder.ApplyYearlyNumbering();
        modelBuilder.ApplyConfiguration(new AssessmentConfiguration());
        modelBuilder.ApplyConfiguration(new ConsentRecordConfiguration());
        modelBuilder.ApplyConfiguration(new PoliceReportConfiguration());
        modelBuilder.ApplyConfiguration(new OverdueAlertConfiguration());
    }
}

internal sealed class RiskAssessmentDesignTimeFactory : DesignTimeDbContextFactory<RiskAssessmentDbContext>;
