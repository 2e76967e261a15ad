using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Deadlines;

namespace Safeguard.SafetyPlan.Monitoring;

/// <summary>
/// That a clock's "due" or "overdue" event was raised for one deadline: the key makes each raised once, and
/// a new deadline (after the contact, report or evaluation was done) is a new key.
/// </summary>
public sealed class ClockAlert
{
    private ClockAlert() { }

    public Guid PlanId { get; private set; }

    public ClockKind Clock { get; private set; }

    /// <summary>The owing seat, or <see cref="Guid.Empty"/> when the team owes it.</summary>
    public Guid Owner { get; private set; }

    public DateTimeOffset DeadlineAt { get; private set; }

    public ClockStatus Stage { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public static ClockAlert Raise(Guid planId, ClockState clock, ClockStatus stage, DateTimeOffset now) => new()
    {
        PlanId = planId, Clock = clock.Clock, Owner = clock.OwnerMembershipId ?? Guid.Empty, DeadlineAt = clock.DeadlineAt, Stage = stage, RaisedAt = now,
    };
}

internal sealed class ClockAlertConfiguration : IEntityTypeConfiguration<ClockAlert>
{
    public void Configure(EntityTypeBuilder<ClockAlert> b)
    {
        b.ToTable("clock_alerts");
        b.HasKey(a => new { a.PlanId, a.Clock, a.Owner, a.DeadlineAt, a.Stage });
        b.Property(a => a.PlanId).HasColumnName("plan_id");
        b.HasOne<Plans.SafetyPlan>().WithMany().HasForeignKey(a => a.PlanId);
        b.Property(a => a.Clock).HasColumnName("clock").HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Owner).HasColumnName("owner");
        b.Property(a => a.DeadlineAt).HasColumnName("deadline_at");
        b.Property(a => a.Stage).HasColumnName("stage").HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.RaisedAt).HasColumnName("raised_at");
    }
}
