using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Cases;

namespace Safeguard.Reintegration.Plans;

public enum PlanItemStatus
{
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>
/// One line of the individual reintegration plan (004 §1.2-1.3): a standard package for the household or a
/// member, the responsible institution, a due date and where it stands.
/// </summary>
public sealed class PlanItem
{
    private PlanItem() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public string Package { get; private set; } = "";

    /// <summary>The member it is for; the whole household when null.</summary>
    public Guid? MemberId { get; private set; }

    public InstitutionKind ResponsibleInstitution { get; private set; }

    /// <summary>The institution's own name, e.g. "Employment office Dragash".</summary>
    public string ResponsibleName { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public PlanItemStatus Status { get; private set; }

    public string? Note { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static PlanItem Plan(Guid caseId, ServicePackage package, Guid? memberId, InstitutionKind responsible, string responsibleName, DateOnly dueOn, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), CaseId = caseId, Package = package.Code, MemberId = memberId, ResponsibleInstitution = responsible,
        ResponsibleName = responsibleName, DueOn = dueOn, Status = PlanItemStatus.Planned, CreatedAt = now, UpdatedAt = now,
    };

    public void Set(PlanItemStatus status, string? note, DateTimeOffset now)
    {
        Status = status;
        Note = note ?? Note;
        UpdatedAt = now;
    }

    /// <summary>Issue 24 §10, with the case: the note goes; the package, the institution, the dates and the status stay.</summary>
    public void Erase() => Note = null;

    /// <summary>A referral for this item moved on: the item follows, unless someone already settled it.</summary>
    public void Follow(PlanItemStatus status, DateTimeOffset now)
    {
        if (Status is PlanItemStatus.Planned or PlanItemStatus.InProgress)
        {
            Set(status, null, now);
        }
    }
}

internal sealed class PlanItemConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.ToTable("plan_items");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(i => i.CaseId).HasColumnName("case_id");
        b.HasOne<ReintegrationCase>().WithMany().HasForeignKey(i => i.CaseId);
        b.HasIndex(i => i.CaseId);
        b.Property(i => i.Package).HasColumnName("package").HasMaxLength(60);
        b.Property(i => i.MemberId).HasColumnName("member_id");
        b.HasOne<HouseholdMember>().WithMany().HasForeignKey(i => i.MemberId);
        b.Property(i => i.ResponsibleInstitution).HasColumnName("responsible_institution").HasConversion<string>().HasMaxLength(40);
        b.Property(i => i.ResponsibleName).HasColumnName("responsible_name").HasMaxLength(200);
        b.Property(i => i.DueOn).HasColumnName("due_on");
        b.Property(i => i.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Note).HasColumnName("note").IsPersonalData(personalData);
        b.Property(i => i.CreatedAt).HasColumnName("created_at");
        b.Property(i => i.UpdatedAt).HasColumnName("updated_at");
    }
}
