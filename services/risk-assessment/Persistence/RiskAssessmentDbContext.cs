using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.RiskAssessment.Cases;

namespace Safeguard.RiskAssessment.Persistence;

public sealed class RiskAssessmentDbContext(DbContextOptions<RiskAssessmentDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Case> Cases => Set<Case>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
        modelBuilder.ApplyConfiguration(new CaseReferenceCounterConfiguration());
    }
}

internal sealed class RiskAssessmentDesignTimeFactory : DesignTimeDbContextFactory<RiskAssessmentDbContext>;
