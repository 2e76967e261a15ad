using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.SafetyPlan.Monitoring;

public enum MonitoringKind
{
    /// <summary>A member contacted the victim (Art. 21: at least every 48 hours).</summary>
    Contact,

    /// <summary>A member reported to the centre (Art. 21: at least once per working day).</summary>
    Report,

    /// <summary>The team evaluated the plan's effects (Art. 21: at least once a week).</summary>
    Evaluation,

    /// <summary>New or increased risk, from a member, the victim or a reassessment (Art. 21: reconvene at once).</summary>
    RiskAlert,

    /// <summary>The team met (and so reconvened after a risk alert).</summary>
    Meeting,

    /// <summary>A measure's status changed (Annex 6: measure and status of its implementation).</summary>
    MeasureStatus,
}

/// <summary>
/// One line of the monitoring sheet (Annex 6; Art. 21, 32-33): who did what and when. Lines are only added,
/// so the sheet reads in order as it happened.
/// </summary>
public sealed class MonitoringEntry
{
    private MonitoringEntry() { }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public MonitoringKind Kind { get; private set; }

    /// <summary>The team seat that did it (null for a team evaluation).</summary>
    public Guid? MembershipId { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>What happened: the course of the measures, new circumstances, the evaluation's conclusion.</summary>
    public string Summary { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Issue 24 §10, when its case is erased: what happened goes; that something was done, and when, stays for the clocks' history.</summary>
    public void Erase() => Summary = "";

    public static MonitoringEntry Record(Guid planId, MonitoringKind kind, Guid? membershipId, DateTimeOffset at, string summary, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), PlanId = planId, Kind = kind, MembershipId = membershipId, At = at, Summary = summary, RecordedAt = now };
}

internal sealed class MonitoringEntryConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<MonitoringEntry>
{
    public void Configure(EntityTypeBuilder<MonitoringEntry> b)
    {
        b.ToTable("monitoring_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(e => e.PlanId).HasColumnName("plan_id");
        b.HasOne<Plans.SafetyPlan>().WithMany().HasForeignKey(e => e.PlanId);
        b.HasIndex(e => new { e.PlanId, e.At });
        b.Property(e => e.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.MembershipId).HasColumnName("membership_id");
        b.HasOne<Teams.TeamMembership>().WithMany().HasForeignKey(e => e.MembershipId);
        b.Property(e => e.At).HasColumnName("at");
        b.Property(e => e.Summary).HasColumnName("summary").IsPersonalData(personalData);
        b.Property(e => e.RecordedAt).HasColumnName("recorded_at");
    }
}
