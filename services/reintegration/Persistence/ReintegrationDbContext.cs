using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Clocks;
using Safeguard.Reintegration.Consent;
using Safeguard.Reintegration.Indicators;
using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Plans;
using Safeguard.Reintegration.Referrals;
using Safeguard.Reintegration.Reviews;

namespace Safeguard.Reintegration.Persistence;

public sealed class ReintegrationDbContext(DbContextOptions<ReintegrationDbContext> options) : ServiceDbContext(options)
{
    public DbSet<ReintegrationCase> Cases => Set<ReintegrationCase>();

    public DbSet<HouseholdMember> Members => Set<HouseholdMember>();

    public DbSet<NeedsAssessment> NeedsAssessments => Set<NeedsAssessment>();

    public DbSet<PlanItem> PlanItems => Set<PlanItem>();

    public DbSet<DataSharingConsent> Consents => Set<DataSharingConsent>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ReferralChange> ReferralChanges => Set<ReferralChange>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ClockAlert> ClockAlerts => Set<ClockAlert>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyYearlyNumbering();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReintegrationDbContext).Assembly);
    }
}

internal sealed class ReintegrationDesignTimeFactory : DesignTimeDbContextFactory<ReintegrationDbContext>;
