using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Contracts.RiskAssessment;

namespace Safeguard.SafetyPlan.Cases;

/// <summary>
/// A risk assessment of a case as risk-assessment announced it (RiskAssessed): its number, level and time, no answer.
/// The protection chain's KPIs read the first and latest level and the time to assessment from these, so that no
/// service reads another's database.
/// </summary>
public sealed class CaseAssessment
{
    private CaseAssessment() { }

    public Guid CaseId { get; private set; }

    public int Sequence { get; private set; }

    public string Level { get; private set; } = "";

    public DateTimeOffset AssessedAt { get; private set; }

    public static CaseAssessment Of(RiskAssessed announced) => new()
    {
        CaseId = announced.CaseId,
        Sequence = announced.Sequence,
        Level = announced.RiskLevel,
        AssessedAt = announced.AssessedAt ?? announced.OccurredAt,
    };
}

internal sealed class CaseAssessmentConfiguration : IEntityTypeConfiguration<CaseAssessment>
{
    public void Configure(EntityTypeBuilder<CaseAssessment> b)
    {
        b.ToTable("case_assessments");
        b.HasKey(a => new { a.CaseId, a.Sequence });
        b.Property(a => a.CaseId).HasColumnName("case_id");
        b.Property(a => a.Sequence).HasColumnName("sequence");
        b.Property(a => a.Level).HasColumnName("level").HasMaxLength(20);
        b.Property(a => a.AssessedAt).HasColumnName("assessed_at");
    }
}
