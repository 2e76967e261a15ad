using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.SafetyPlan.IndividualPlans;

/// <summary>That an individual plan's clock stage was raised for one deadline: each is raised once.</summary>
public sealed class IndividualPlanClockAlert
{
    private IndividualPlanClockAlert() { }

    public Guid PlanId { get; private set; }

    public Monitoring.ClockKind Clock { get; private set; }

    public DateTimeOffset DeadlineAt { get; private set; }

    public BuildingBlocks.Deadlines.ClockStatus Stage { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public static IndividualPlanClockAlert Raise(Guid planId, Monitoring.ClockState clock, BuildingBlocks.Deadlines.ClockStatus stage, DateTimeOffset now) =>
        new() { PlanId = planId, Clock = clock.Clock, DeadlineAt = clock.DeadlineAt, Stage = stage, RaisedAt = now };
}

internal sealed class IndividualPlanClockAlertConfiguration : IEntityTypeConfiguration<IndividualPlanClockAlert>
{
    public void Configure(EntityTypeBuilder<IndividualPlanClockAlert> b)
    {
        b.ToTable("individual_plan_clock_alerts");
        b.HasKey(a => new { a.PlanId, a.Clock, a.DeadlineAt, a.Stage });
        b.Property(a => a.PlanId).HasColumnName("plan_id");
        b.HasOne<IndividualPlan>().WithMany().HasForeignKey(a => a.PlanId);
        b.Property(a => a.Clock).HasColumnName("clock").HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.DeadlineAt).HasColumnName("deadline_at");
        b.Property(a => a.Stage).HasColumnName("stage").HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.RaisedAt).HasColumnName("raised_at");
    }
}
