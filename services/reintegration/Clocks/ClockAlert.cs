using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Deadlines;
using Safeguard.Reintegration.Cases;

namespace Safeguard.Reintegration.Clocks;

/// <summary>That a clock's "due" or "overdue" was raised for one deadline: the key makes each raised once.</summary>
public sealed class ClockAlert
{
    private ClockAlert() { }

    public Guid CaseId { get; private set; }

    public ClockKind Clock { get; private set; }

    public DateTimeOffset DeadlineAt { get; private set; }

    public ClockStatus Stage { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public static ClockAlert Raise(Guid caseId, ClockState clock, ClockStatus stage, DateTimeOffset now) =>
        new() { CaseId = caseId, Clock = clock.Clock, DeadlineAt = clock.DeadlineAt, Stage = stage, RaisedAt = now };
}

internal sealed class ClockAlertConfiguration : IEntityTypeConfiguration<ClockAlert>
{
    public void Configure(EntityTypeBuilder<ClockAlert> b)
    {
        b.ToTable("clock_alerts");
        b.HasKey(a => new { a.CaseId, a.Clock, a.DeadlineAt, a.Stage });
        b.Property(a => a.CaseId).HasColumnName("case_id");
        b.HasOne<ReintegrationCase>().WithMany().HasForeignKey(a => a.CaseId);
        b.Property(a => a.Clock).HasColumnName("clock").HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.DeadlineAt).HasColumnName("deadline_at");
        b.Property(a => a.Stage).HasColumnName("stage").HasConversion<string>().HasMaxLength(10);
        b.Property(a => a.RaisedAt).HasColumnName("raised_at");
    }
}
