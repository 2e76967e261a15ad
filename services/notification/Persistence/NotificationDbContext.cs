using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Notification.Institutions;
using Safeguard.Notification.Notifications;

namespace Safeguard.Notification.Persistence;

public sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : ServiceDbContext(options)
{
    public DbSet<InstitutionContact> Institutions => Set<InstitutionContact>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfiguration(new InstitutionContactConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationConfiguration());
    }
}

internal sealed class NotificationDesignTimeFactory : DesignTimeDbContextFactory<NotificationDbContext>;
