using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Plans;

namespace Safeguard.Reintegration.Consent;

public enum ConsentGiver
{
    /// <summary>The adult person herself or himself.</summary>
    Self,

    /// <summary>A parent or guardian, for a child.</summary>
    Guardian,
}

/// <summary>
/// A person's written consent that her or his data may be shared with the named kinds of institution for a
/// referral (issue 7 §5; seed 003 Art. 3 and Annex 2/5 on consent to the exchange of data; GBV
/// information-sharing practice: named recipients, written consent). Withdrawal stops new referrals.
/// </summary>
public sealed class DataSharingConsent
{
    private DataSharingConsent() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public Guid MemberId { get; private set; }

    public ConsentGiver GivenBy { get; private set; }

    /// <summary>The parent or guardian who signed for a child.</summary>
    public string? GuardianName { get; private set; }

    public DateTimeOffset GivenAt { get; private set; }

    /// <summary>The kinds of institution the data may go to.</summary>
    public IReadOnlyList<InstitutionKind> Institutions { get; private set; } = [];

    public DateTimeOffset? WithdrawnAt { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public bool IsCurrent => WithdrawnAt is null;

    public static DataSharingConsent Record(Guid caseId, Guid memberId, ConsentGiver givenBy, string? guardianName, DateTimeOffset givenAt,
        IReadOnlyList<InstitutionKind> institutions, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), CaseId = caseId, MemberId = memberId, GivenBy = givenBy, GuardianName = guardianName, GivenAt = givenAt,
        Institutions = institutions, RecordedAt = now,
    };

    public void Withdraw(DateTimeOffset at) => WithdrawnAt ??= at;

    /// <summary>Issue 24 §10, with the case: the guardian's name goes; who gave it, when and for which institutions stay.</summary>
    public void Erase() => GuardianName = null;

    public bool Covers(InstitutionKind institution) => IsCurrent && Institutions.Contains(institution);
}

internal sealed class DataSharingConsentConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<DataSharingConsent>
{
    public void Configure(EntityTypeBuilder<DataSharingConsent> b)
    {
        b.ToTable("data_sharing_consents");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(c => c.CaseId).HasColumnName("case_id");
        b.HasOne<ReintegrationCase>().WithMany().HasForeignKey(c => c.CaseId);
        b.Property(c => c.MemberId).HasColumnName("member_id");
        b.HasOne<HouseholdMember>().WithMany().HasForeignKey(c => c.MemberId);
        b.HasIndex(c => new { c.CaseId, c.MemberId });
        b.Property(c => c.GivenBy).HasColumnName("given_by").HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.GuardianName).HasColumnName("guardian_name").IsPersonalData(personalData);
        b.Property(c => c.GivenAt).HasColumnName("given_at");
        b.Property(c => c.Institutions).HasColumnName("institutions").HasJsonConversion();
        b.Property(c => c.WithdrawnAt).HasColumnName("withdrawn_at");
        b.Property(c => c.RecordedAt).HasColumnName("recorded_at");
    }
}
