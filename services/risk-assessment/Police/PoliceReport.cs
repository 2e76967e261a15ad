using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.BuildingBlocks.Privacy;

namespace Safeguard.RiskAssessment.Police;

/// <summary>
/// A police notice on the case (Rulebook Art. 19): when the police propose the emergency measure of removing
/// the perpetrator from the home and banning him from approaching it, the multisectoral team is convened
/// and the police report and the measures taken feed the safety plan.
/// </summary>
public sealed class PoliceReport
{
    public static readonly IReadOnlyList<string> EmergencyMeasures = ["removal-from-home", "ban-on-approaching-home"];

    private PoliceReport() { }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    /// <summary>The police report's own number.</summary>
    public string ReportReference { get; private set; } = "";

    public string PoliceStation { get; private set; } = "";

    public DateTimeOffset ReportedAt { get; private set; }

    public bool EmergencyMeasureProposed { get; private set; }

    public string[] ProposedMeasures { get; private set; } = [];

    /// <summary>The measures and activities already taken, as the report states them (Art. 19(4)).</summary>
    public string? MeasuresTaken { get; private set; }

    /// <summary>The measures and activities the police plan to manage the risk (Art. 19(4)): the team plans with them.</summary>
    public string? MeasuresPlanned { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public static PoliceReport Record(Guid caseId, string reference, string station, DateTimeOffset reportedAt, bool proposed,
        string[] measures, string? measuresTaken, string? measuresPlanned, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        CaseId = caseId,
        ReportReference = reference,
        PoliceStation = station,
        ReportedAt = reportedAt,
        EmergencyMeasureProposed = proposed,
        ProposedMeasures = measures,
        MeasuresTaken = measuresTaken,
        MeasuresPlanned = measuresPlanned,
        RecordedAt = now,
    };

    /// <summary>Issue 24 §10, with its case: what the police did and planned about her goes; that a report was made stays.</summary>
    public void Erase()
    {
        MeasuresTaken = null;
        MeasuresPlanned = null;
    }
}

public sealed class PoliceReportRequest
{
    [Required, StringLength(60, MinimumLength = 1)]
    public string? ReportReference { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? PoliceStation { get; init; }

    [Required]
    public DateTimeOffset? ReportedAt { get; init; }

    /// <summary>Whether the police proposed an emergency protection measure (Art. 19).</summary>
    [Required]
    public bool? EmergencyMeasureProposed { get; init; }

    /// <summary>"removal-from-home" and/or "ban-on-approaching-home", when one was proposed.</summary>
    public string[]? ProposedMeasures { get; init; }

    [StringLength(4000)]
    public string? MeasuresTaken { get; init; }

    /// <summary>Art. 19(4): the measures and activities the police plan to manage the risk.</summary>
    [StringLength(4000)]
    public string? MeasuresPlanned { get; init; }
}

public sealed record PoliceReportView(Guid Id, string ReportReference, string PoliceStation, DateTimeOffset ReportedAt,
    bool EmergencyMeasureProposed, string[] ProposedMeasures, string? MeasuresTaken, string? MeasuresPlanned, DateTimeOffset RecordedAt)
{
    public static PoliceReportView From(PoliceReport r) =>
        new(r.Id, r.ReportReference, r.PoliceStation, r.ReportedAt, r.EmergencyMeasureProposed, r.ProposedMeasures, r.MeasuresTaken, r.MeasuresPlanned,
            r.RecordedAt);
}

internal sealed class PoliceReportConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<PoliceReport>
{
    public void Configure(EntityTypeBuilder<PoliceReport> b)
    {
        b.ToTable("police_reports");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.CaseId).HasColumnName("case_id");
        b.HasIndex(r => r.CaseId);
        b.HasOne<Cases.Case>().WithMany().HasForeignKey(r => r.CaseId);
        b.Property(r => r.ReportReference).HasColumnName("report_reference").HasMaxLength(60);
        b.Property(r => r.PoliceStation).HasColumnName("police_station").HasMaxLength(200);
        b.Property(r => r.ReportedAt).HasColumnName("reported_at");
        b.Property(r => r.EmergencyMeasureProposed).HasColumnName("emergency_measure_proposed");
        b.Property(r => r.ProposedMeasures).HasColumnName("proposed_measures").HasJsonConversion();
        b.Property(r => r.MeasuresTaken).HasColumnName("measures_taken").IsPersonalData(personalData);
        b.Property(r => r.MeasuresPlanned).HasColumnName("measures_planned").IsPersonalData(personalData);
        b.Property(r => r.RecordedAt).HasColumnName("recorded_at");
    }
}
