using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.RiskAssessment.Deadlines;

/// <summary>
/// That a case's overdue assessment was raised (Art. 5), one row per case so it is raised once. Kept apart
/// from the case row on purpose: clock bookkeeping must not change the case's version under a
/// professional who is filling in its assessment.
/// </summary>
public sealed class OverdueAlert
{
    private OverdueAlert() { }

    public Guid CaseId { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public static OverdueAlert Raise(Guid caseId, DateTimeOffset dueAt, DateTimeOffset now) => new() { CaseId = caseId, DueAt = dueAt, RaisedAt = now };
}

internal sealed class OverdueAlertConfiguration : IEntityTypeConfiguration<OverdueAlert>
{
    public void Configure(EntityTypeBuilder<OverdueAlert> b)
    {
        b.ToTable("assessment_overdue_alerts");
        b.HasKey(a => a.CaseId);
        b.Property(a => a.CaseId).HasColumnName("case_id");
        b.HasOne<Cases.Case>().WithOne().HasForeignKey<OverdueAlert>(a => a.CaseId);
        b.Property(a => a.DueAt).HasColumnName("due_at");
        b.Property(a => a.RaisedAt).HasColumnName("raised_at");
    }
}
