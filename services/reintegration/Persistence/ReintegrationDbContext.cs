using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Clocks;
using Safeguard.Reintegration.Consent;
using Safeguard.Reintegration.Indicators;
using Safeguard.Reintegration.Needs;
using Safeguard.Reintegration.Plans;
using Safeguard.Reintegration.Referrals;
using Safeguard.Reintegration.Reviews;

namespace Safeguard.Reintegration.Persistence;

/// <param name="personalData">Encrypts household members' names, the household's contacts and the narratives (issue 9, protection at rest).</param>
public sealed class ReintegrationDbContext(DbContextOptions<ReintegrationDbContext> options, PersonalDataProtector personalData) : ServiceDbContext(options)
{
    public DbSet<ReintegrationCase> Cases => Set<ReintegrationCase>();

    public DbSet<HouseholdMember> Members => Set<HouseholdMember>();

    public DbSet<NeedsAssessment> NeedsAssessments => Set<NeedsAssessment>();

    public DbSet<PlanItem> PlanItems => Set<PlanItem>();

    public DbSet<DataSharingConsent> Consents => Set<DataSharingConsent>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ReferralChange> ReferralChanges => Set<ReferralChange>();

    public DbSet<ReferralChase> ReferralChases => Set<ReferralChase>();
    public DbSet<ReferralHolder> ReferralHolders => Set<ReferralHolder>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ClockAlert> ClockAlerts => Set<ClockAlert>();

    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();

    public DbSet<Schemes.SchemeEvaluation> SchemeEvaluations => Set<Schemes.SchemeEvaluation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyYearlyNumbering();
        // Configurations without personal data are found by type; those with it take the protector.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ReintegrationDbContext).Assembly);
        modelBuilder.ApplyConfiguration(new ReintegrationCaseConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new HouseholdMemberConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new NeedsAssessmentConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new PlanItemConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new DataSharingConsentConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new ReferralConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new ReferralChangeConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new ReviewConfiguration(personalData));
        modelBuilder.ApplyConfiguration(new DeadlineCheckConfiguration());
        modelBuilder.ApplyConfiguration(new OpenClockConfiguration());
    }
}

internal sealed class ReintegrationDesignTimeFactory : DesignTimeDbContextFactory<ReintegrationDbContext>;
