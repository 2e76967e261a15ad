using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.SafetyPlan.Consumers;

/// <summary>
/// The latest consent status risk-assessment reported for a case (Art. 11, 22), kept even before the case
/// has a plan: the consent event may arrive before the convening one.
/// </summary>
public sealed class CaseConsent
{
    private CaseConsent() { }

    public Guid CaseId { get; private set; }

    public string Status { get; private set; } = "";

    public DateTimeOffset AsOf { get; private set; }

    public static CaseConsent Of(Guid caseId, string status, DateTimeOffset asOf) => new() { CaseId = caseId, Status = status, AsOf = asOf };

    public void Update(string status, DateTimeOffset asOf)
    {
        if (asOf > AsOf)
        {
            Status = status;
            AsOf = asOf;
        }
    }
}

internal sealed class CaseConsentConfiguration : IEntityTypeConfiguration<CaseConsent>
{
    public void Configure(EntityTypeBuilder<CaseConsent> b)
    {
        b.ToTable("case_consents");
        b.HasKey(c => c.CaseId);
        b.Property(c => c.CaseId).HasColumnName("case_id").ValueGeneratedNever();
        b.Property(c => c.Status).HasColumnName("status").HasMaxLength(20);
        b.Property(c => c.AsOf).HasColumnName("as_of");
    }
}
