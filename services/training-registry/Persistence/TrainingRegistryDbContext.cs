using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Participants;
using Safeguard.TrainingRegistry.Programmes;
using Safeguard.TrainingRegistry.Sessions;

namespace Safeguard.TrainingRegistry.Persistence;

public sealed class TrainingRegistryDbContext(DbContextOptions<TrainingRegistryDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<Programme> Programmes => Set<Programme>();

    public DbSet<TrainerCertification> Trainers => Set<TrainerCertification>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Session> Sessions => Set<Session>();

    public DbSet<Enrolment> Enrolments => Set<Enrolment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyYearlyNumbering();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TrainingRegistryDbContext).Assembly);
    }
}

internal sealed class TrainingRegistryDesignTimeFactory : DesignTimeDbContextFactory<TrainingRegistryDbContext>;
