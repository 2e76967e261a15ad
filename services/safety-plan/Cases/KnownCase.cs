using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.SafetyPlan.Cases;

/// <summary>
/// A case as risk-assessment announced it (CaseOpened): which centre owns it, its reference, and whether the
/// victim's protection proceeds without her consent (Art. 22(2)). Safety-plan takes a case's centre from here,
/// never from a request, so nobody files a plan for a case under a centre of her choosing.
/// </summary>
public sealed class KnownCase
{
    private KnownCase() { }

    public Guid CaseId { get; private set; }

    public string CaseReference { get; private set; } = "";

    public string CentreCode { get; private set; } = "";

    /// <summary>Rulebook Art. 22(2): a child or a person with limited or removed legal capacity.</summary>
    public bool ProtectionWithoutConsent { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When the centre learned of the violence: the protection chain's KPIs count a case from here.</summary>
    public DateTimeOffset LearnedAt { get; private set; }

    /// <summary>Rulebook Art. 5: the first assessment is due by then (12 hours after <see cref="LearnedAt"/>, as risk-assessment set it).</summary>
    public DateTimeOffset AssessmentDueAt { get; private set; }

    /// <summary>When risk-assessment closed the case: nothing of it keeps running here after that.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public void Close(DateTimeOffset at) => ClosedAt ??= at;

    public static KnownCase Of(Guid caseId, string caseReference, string centreCode, bool protectionWithoutConsent, DateTimeOffset openedAt,
        DateTimeOffset? learnedAt = null, DateTimeOffset? assessmentDueAt = null) => new()
    {
        CaseId = caseId,
        CaseReference = caseReference,
        CentreCode = centreCode,
        ProtectionWithoutConsent = protectionWithoutConsent,
        OpenedAt = openedAt,
        LearnedAt = learnedAt ?? openedAt,
        AssessmentDueAt = assessmentDueAt ?? (learnedAt ?? openedAt).AddHours(12),
    };
}

internal sealed class KnownCaseConfiguration : IEntityTypeConfiguration<KnownCase>
{
    public void Configure(EntityTypeBuilder<KnownCase> b)
    {
        b.ToTable("known_cases");
        b.HasKey(c => c.CaseId);
        b.Property(c => c.CaseId).HasColumnName("case_id").ValueGeneratedNever();
        b.Property(c => c.CaseReference).HasColumnName("case_reference").HasMaxLength(40);
        b.Property(c => c.CentreCode).HasColumnName("centre_code").HasMaxLength(10);
        b.Property(c => c.ProtectionWithoutConsent).HasColumnName("protection_without_consent");
        b.Property(c => c.OpenedAt).HasColumnName("opened_at");
        b.Property(c => c.ClosedAt).HasColumnName("closed_at");
        b.Property(c => c.LearnedAt).HasColumnName("learned_at");
        b.Property(c => c.AssessmentDueAt).HasColumnName("assessment_due_at");
        // The KPIs read a centre's cases of a period.
        b.HasIndex(c => new { c.CentreCode, c.LearnedAt }).HasDatabaseName("ix_known_cases_centre_learned");
    }
}
