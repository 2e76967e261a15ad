using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Cases;

namespace Safeguard.Reintegration.Needs;

/// <summary>Who came on the visit: the municipal office with the CSR and the national reintegration office (004 §1.1).</summary>
public sealed record Visitor(string FullName, string Institution);

/// <summary>One answer of the form: an area, for the household or one member, with a note.</summary>
public sealed record Need(NeedArea Area, NeedLevel Level, Guid? MemberId, string? Note);

/// <summary>
/// A visit to the family with the needs-assessment form filled in (004 §1.1, 2.2). The first one stops the
/// 72-hour clock; later ones record changed needs, and the newest is the one plans are built from.
/// </summary>
public sealed class NeedsAssessment
{
    private NeedsAssessment() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public DateTimeOffset VisitedAt { get; private set; }

    public IReadOnlyList<Visitor> Visitors { get; private set; } = [];

    public IReadOnlyList<Need> Needs { get; private set; } = [];

    public DateTimeOffset RecordedAt { get; private set; }

    public static NeedsAssessment Record(Guid caseId, DateTimeOffset visitedAt, IReadOnlyList<Visitor> visitors, IReadOnlyList<Need> needs, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), CaseId = caseId, VisitedAt = visitedAt, Visitors = visitors, Needs = needs, RecordedAt = now };

    /// <summary>Whether the form found a need in the area, for the household or for the given member.</summary>
    public bool Found(NeedArea area, Guid? memberId) =>
        Needs.Any(n => n.Area == area && n.Level != NeedLevel.None && (n.MemberId is null || memberId is null || n.MemberId == memberId));
}

internal sealed class NeedsAssessmentConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<NeedsAssessment>
{
    public void Configure(EntityTypeBuilder<NeedsAssessment> b)
    {
        b.ToTable("needs_assessments");
        b.HasKey(n => n.Id);
        b.Property(n => n.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(n => n.CaseId).HasColumnName("case_id");
        b.HasOne<ReintegrationCase>().WithMany().HasForeignKey(n => n.CaseId);
        b.HasIndex(n => new { n.CaseId, n.VisitedAt });
        b.Property(n => n.VisitedAt).HasColumnName("visited_at");
        b.Property(n => n.Visitors).HasColumnName("visitors").HasJsonConversion();
        // The needs' notes describe the family's situation (004 §1.1).
        b.Property(n => n.Needs).HasColumnName("needs").IsPersonalJson(personalData);
        b.Property(n => n.RecordedAt).HasColumnName("recorded_at");
    }
}
