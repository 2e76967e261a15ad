using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.SafetyPlan.IndividualPlans;

public enum IndividualPlanEntryKind
{
    /// <summary>A contact with the victim or a person who supports her (Art. 15, 32).</summary>
    Contact,

    /// <summary>The professionals reviewed the plan's effect and revised it where needed (Art. 16).</summary>
    Review,

    /// <summary>Another activity, measure or service carried out (Art. 32-33).</summary>
    Activity,
}

/// <summary>
/// One line of the individual plan's monitoring part (Art. 32-33): the activities, measures and services
/// carried out, entered by the centre's professionals. Only added, never changed.
/// </summary>
public sealed class IndividualPlanEntry
{
    private IndividualPlanEntry() { }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public IndividualPlanEntryKind Kind { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string RecordedBy { get; private set; } = "";

    /// <summary>What was done and found: it describes her situation, so it is encrypted.</summary>
    public string Summary { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Issue 24 §10, when its case is erased: what happened goes; that something was done, and when, stays for the clocks' history.</summary>
    public void Erase() => Summary = "";

    public static IndividualPlanEntry Record(Guid planId, IndividualPlanEntryKind kind, DateTimeOffset at, string recordedBy, string summary, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), PlanId = planId, Kind = kind, At = at, RecordedBy = recordedBy, Summary = summary, RecordedAt = now,
    };
}

internal sealed class IndividualPlanEntryConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<IndividualPlanEntry>
{
    public void Configure(EntityTypeBuilder<IndividualPlanEntry> b)
    {
        b.ToTable("individual_plan_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(e => e.PlanId).HasColumnName("plan_id");
        b.HasOne<IndividualPlan>().WithMany().HasForeignKey(e => e.PlanId);
        b.HasIndex(e => new { e.PlanId, e.Kind, e.At });
        b.Property(e => e.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.At).HasColumnName("at");
        b.Property(e => e.RecordedBy).HasColumnName("recorded_by").HasMaxLength(200);
        b.Property(e => e.Summary).HasColumnName("summary").IsPersonalData(personalData);
        b.Property(e => e.RecordedAt).HasColumnName("recorded_at");
    }
}
