using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Cases;

namespace Safeguard.Reintegration.Needs;

/// <summary>Whom a visitor represents on the visit (004 §1.1).</summary>
public enum VisitorRole
{
    /// <summary>The municipal office for communities and returns (ORRLIS / MOCR).</summary>
    MunicipalOfficeForCommunitiesAndReturns,

    CentreForSocialWork,

    NationalReintegrationOffice,

    Police,

    Health,

    Other,
}

/// <summary>Who came on the visit, and whom she represents (004 §1.1). Visits recorded before the role was asked have none.</summary>
public sealed record Visitor(string FullName, string Institution, VisitorRole? Represents = null);

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

    /// <summary>
    /// Seed 004 §1.1: the visit within 72 hours is made "together with the representative of the municipal office
    /// for communities and returns and of the CSR".
    /// </summary>
    public static readonly IReadOnlyList<VisitorRole> JointVisitRoles = [VisitorRole.MunicipalOfficeForCommunitiesAndReturns, VisitorRole.CentreForSocialWork];

    /// <summary>Who the joint visit lacked; empty when it was joint.</summary>
    public IReadOnlyList<VisitorRole> MissingFromJointVisit => JointVisitRoles.Except(Visitors.Select(v => v.Represents).OfType<VisitorRole>()).ToList();

    /// <summary>A visit without both representatives is recorded, but as incomplete: it does not keep the 72-hour visit.</summary>
    public bool Joint => MissingFromJointVisit.Count == 0;

    public static NeedsAssessment Record(Guid caseId, DateTimeOffset visitedAt, IReadOnlyList<Visitor> visitors, IReadOnlyList<Need> needs, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), CaseId = caseId, VisitedAt = visitedAt, Visitors = visitors, Needs = needs, RecordedAt = now };

    /// <summary>Issue 24 §10, with the case: the notes on the family's situation go; the areas and levels the plan counted stay.</summary>
    public void Erase() => Needs = Needs.Select(n => n with { Note = null }).ToList();

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
        b.Ignore(n => n.MissingFromJointVisit);
        b.Ignore(n => n.Joint);
        // The needs' notes describe the family's situation (004 §1.1).
        b.Property(n => n.Needs).HasColumnName("needs").IsPersonalJson(personalData);
        b.Property(n => n.RecordedAt).HasColumnName("recorded_at");
    }
}
