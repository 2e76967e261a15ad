using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.SafetyPlan.Teams;

namespace Safeguard.SafetyPlan.Plans;

/// <summary>Who an Art. 15 notice goes to: the perpetrator's employer, the child's school or kindergarten.</summary>
public sealed record NoticeRecipient(string Name, string Address, string? Email);

public enum MeasureStatus
{
    Planned,
    InProgress,
    Done,
    Stopped,
}

/// <summary>
/// One row of the plan's measures table (Annex 3 and 5): the measure, its frequency, start and duration, and
/// the team member responsible for it.
/// </summary>
public sealed class PlanMeasure
{
    private PlanMeasure() { }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    /// <summary>The row number in the plan's measures table (Annex 5 and 6: "No.").</summary>
    public int Number { get; private set; }

    /// <summary>A <see cref="MeasureCatalogue"/> code, or "other" for a measure in the team's own words.</summary>
    public string Code { get; private set; } = "";

    public string Article { get; private set; } = "";

    public string Description { get; private set; } = "";

    /// <summary>Annex 3 "dynamics": how often, e.g. "every 48 hours", "once".</summary>
    public string? Frequency { get; private set; }

    public DateOnly? StartDate { get; private set; }

    public int? DurationDays { get; private set; }

    /// <summary>Annex 5 §4: when the team reassesses this measure.</summary>
    public DateOnly? ReassessOn { get; private set; }

    public InstitutionKind ResponsibleInstitution { get; private set; }

    /// <summary>The team seat responsible; null while the team has nobody for the institution.</summary>
    public Guid? ResponsibleMembershipId { get; private set; }

    public bool RequiresConsent { get; private set; }

    public MeasureStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>For a notice measure (Art. 15), who receives the notice; null until the responsible member names it.</summary>
    public NoticeRecipient? NoticeRecipient { get; private set; }

    /// <summary>Art. 15: measures that notify someone outside the team, produced as tasks with their recipient.</summary>
    public bool IsNotice => Code is "notify-employer-official-firearm" or "notify-school";

    public void NameNoticeRecipient(NoticeRecipient recipient) => NoticeRecipient = recipient;

    /// <summary>Issue 24 §10, when its case is erased: what the measure said of her and whom it was told to go; its code and status stay.</summary>
    public void Erase()
    {
        Description = "";
        NoticeRecipient = null;
    }

    /// <summary>When a move made this measure due again (Art. 28); null while it never was.</summary>
    public DateTimeOffset? DueAgainSince { get; private set; }

    /// <summary>
    /// Art. 28: the victim changed her residence or stay, so the help with the child's schooling (and the
    /// notice to the school, Art. 15) starts over: planned again, and the notice goes to the new school.
    /// </summary>
    public void DueAgain(DateTimeOffset movedAt)
    {
        Status = MeasureStatus.Planned;
        NoticeRecipient = null;
        DueAgainSince = movedAt;
    }

    public static PlanMeasure Draft(Guid planId, int number, CatalogueMeasure measure, InstitutionKind responsible, Guid? membershipId, string? frequency, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        PlanId = planId,
        Number = number,
        Code = measure.Code,
        Article = measure.Article,
        Description = measure.Description,
        Frequency = frequency,
        ResponsibleInstitution = responsible,
        ResponsibleMembershipId = membershipId,
        RequiresConsent = measure.RequiresConsent,
        Status = MeasureStatus.Planned,
        CreatedAt = now,
    };

    public void ChangeStatus(MeasureStatus status) => Status = status;

    /// <summary>While the plan is drafted, a measure goes to the seat the draft's rule now picks (<see cref="PlanDrafting"/>).</summary>
    public void AssignTo(TeamMembership seat)
    {
        ResponsibleMembershipId = seat.Id;
        ResponsibleInstitution = seat.Institution;
    }

    /// <summary>A measure the team adds or words itself (Annex 3 and 5 measures table).</summary>
    public static PlanMeasure Add(Guid planId, int number, CatalogueMeasure? measure, string? description, InstitutionKind responsible,
        Guid membershipId, string? frequency, DateOnly? startDate, int? durationDays, DateTimeOffset now, DateOnly? reassessOn = null) => new()
    {
        ReassessOn = reassessOn,
        Id = Guid.CreateVersion7(),
        PlanId = planId,
        Number = number,
        Code = measure?.Code ?? MeasureCatalogue.FreeMeasure,
        Article = measure?.Article ?? "Art. 15 (other measures)",
        Description = description ?? measure!.Description,
        Frequency = frequency,
        StartDate = startDate,
        DurationDays = durationDays,
        ResponsibleInstitution = responsible,
        ResponsibleMembershipId = membershipId,
        RequiresConsent = measure?.RequiresConsent ?? true,
        Status = MeasureStatus.Planned,
        CreatedAt = now,
    };
}

internal sealed class PlanMeasureConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<PlanMeasure>
{
    public void Configure(EntityTypeBuilder<PlanMeasure> b)
    {
        b.ToTable("plan_measures");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(m => m.PlanId).HasColumnName("plan_id");
        b.HasOne<SafetyPlan>().WithMany().HasForeignKey(m => m.PlanId);
        b.Property(m => m.Number).HasColumnName("number");
        b.HasIndex(m => new { m.PlanId, m.Number }).IsUnique();
        b.Property(m => m.Code).HasColumnName("code").HasMaxLength(60);
        b.Property(m => m.Article).HasColumnName("article").HasMaxLength(30);
        // A measure describes the victim's situation (where she will stay, who escorts her): Annex 5.
        b.Property(m => m.Description).HasColumnName("description").IsPersonalData(personalData);
        b.Property(m => m.Frequency).HasColumnName("frequency").HasMaxLength(100);
        b.Property(m => m.StartDate).HasColumnName("start_date");
        b.Property(m => m.DurationDays).HasColumnName("duration_days");
        b.Property(m => m.ResponsibleInstitution).HasColumnName("responsible_institution").HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.ResponsibleMembershipId).HasColumnName("responsible_membership_id");
        b.HasOne<TeamMembership>().WithMany().HasForeignKey(m => m.ResponsibleMembershipId);
        b.Property(m => m.RequiresConsent).HasColumnName("requires_consent");
        b.Property(m => m.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        b.Property(m => m.CreatedAt).HasColumnName("created_at");
        b.Property(m => m.NoticeRecipient).HasColumnName("notice_recipient").IsPersonalJson(personalData);
        b.Property(m => m.DueAgainSince).HasColumnName("due_again_since");
        b.Property(m => m.ReassessOn).HasColumnName("reassess_on");
    }
}
