using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Cases;

namespace Safeguard.Reintegration.Reviews;

public enum ReviewKind
{
    /// <summary>004 §1.4: the plan is monitored every month.</summary>
    MonthlyMonitoring,

    /// <summary>
    /// Reviews of this kind written when the quarterly evaluation was counted per household stay readable; new ones are
    /// refused, as 004 §1.4 evaluates the municipality's schemes (<see cref="Schemes.SchemeEvaluation"/>).
    /// </summary>
    QuarterlyEvaluation,

    /// <summary>004 §2.7: who still needs support after 12 months (e.g. extended housing), for the budget.</summary>
    TwelveMonthReview,

    /// <summary>004 §1.5: the final assessment that closes the case and records whether reintegration is sustainable.</summary>
    FinalAssessment,
}

/// <summary>A review of the case (004 §1.4-1.5, 2.7), kept as written.</summary>
public sealed class Review
{
    private Review() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public ReviewKind Kind { get; private set; }

    public DateTimeOffset ReviewedAt { get; private set; }

    public string ReviewedBy { get; private set; } = "";

    public string Summary { get; private set; } = "";

    /// <summary>12-month review: whether support must go on beyond 12 months.</summary>
    public bool? SupportBeyond12Months { get; private set; }

    /// <summary>12-month review: the packages to extend (e.g. "rent-subsidy"), for the budget (004 §2.7).</summary>
    public IReadOnlyList<string> ExtendedSupport { get; private set; } = [];

    /// <summary>Final assessment: whether reintegration is sustainable (004 §1.5).</summary>
    public bool? Sustainable { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static Review Record(Guid caseId, ReviewKind kind, DateTimeOffset reviewedAt, string reviewedBy, string summary, bool? supportBeyond12Months,
        IReadOnlyList<string> extendedSupport, bool? sustainable, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), CaseId = caseId, Kind = kind, ReviewedAt = reviewedAt, ReviewedBy = reviewedBy, Summary = summary,
        SupportBeyond12Months = supportBeyond12Months, ExtendedSupport = extendedSupport, Sustainable = sustainable, RecordedAt = now,
    };

    /// <summary>Issue 24 §10, with the case: the summary goes; the kind, the dates and the findings the indicators count stay.</summary>
    public void Erase() => Summary = ReintegrationCase.Erased;
}

internal sealed class ReviewConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.ToTable("reviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.CaseId).HasColumnName("case_id");
        b.HasOne<ReintegrationCase>().WithMany().HasForeignKey(r => r.CaseId);
        b.HasIndex(r => new { r.CaseId, r.ReviewedAt });
        b.Property(r => r.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
        b.Property(r => r.ReviewedAt).HasColumnName("reviewed_at");
        b.Property(r => r.ReviewedBy).HasColumnName("reviewed_by").HasMaxLength(200);
        b.Property(r => r.Summary).HasColumnName("summary").IsPersonalData(personalData);
        b.Property(r => r.SupportBeyond12Months).HasColumnName("support_beyond_12_months");
        b.Property(r => r.ExtendedSupport).HasColumnName("extended_support").HasJsonConversion();
        b.Property(r => r.Sustainable).HasColumnName("sustainable");
        b.Property(r => r.RecordedAt).HasColumnName("recorded_at");
    }
}
