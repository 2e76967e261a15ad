using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>A case of reported violence, owned by one centre for social work.</summary>
public sealed class Case
{
    /// <summary>Rulebook Art. 5: the risk assessment is made immediately, at the latest 12 hours after the centre learns of the violence.</summary>
    public static readonly TimeSpan AssessmentDeadline = TimeSpan.FromHours(12);

    private Case() { }

    public Guid Id { get; private set; }

    /// <summary>Centre code, year and number, e.g. "SK-2026-00042": identifies the case without identifying anyone.</summary>
    public string Reference { get; private set; } = "";

    public string CentreCode { get; private set; } = "";

    public ReportSource ReportedBy { get; private set; }

    public DateTimeOffset LearnedAt { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public DateTimeOffset AssessmentDueAt { get; private set; }

    public static Case Open(CaseReference reference, ReportSource reportedBy, DateTimeOffset learnedAt, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Reference = reference.ToString(),
        CentreCode = reference.CentreCode,
        ReportedBy = reportedBy,
        LearnedAt = learnedAt,
        OpenedAt = now,
        AssessmentDueAt = learnedAt + AssessmentDeadline,
    };
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(c => c.Reference).HasColumnName("reference").HasMaxLength(40);
        b.HasIndex(c => c.Reference).IsUnique();
        b.Property(c => c.CentreCode).HasColumnName("centre_code").HasMaxLength(CaseReference.MaxCentreCodeLength);
        b.HasIndex(c => c.CentreCode);
        b.Property(c => c.ReportedBy).HasColumnName("reported_by").HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.LearnedAt).HasColumnName("learned_at");
        b.Property(c => c.OpenedAt).HasColumnName("opened_at");
        b.Property(c => c.AssessmentDueAt).HasColumnName("assessment_due_at");
    }
}
