using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Reintegration.Cases;

namespace Safeguard.Reintegration.Schemes;

/// <summary>
/// The municipality's quarterly evaluation of the schemes it offers (004 §1.4: "assess every quarter the schemes
/// offered, their impact and the need for additions or changes"): the quarter's figures as the records gave them when
/// it was written, and the office's assessment of impact and proposed changes. A household's own plan is reviewed
/// monthly instead; this report names no one.
/// </summary>
public sealed class SchemeEvaluation
{
    private SchemeEvaluation() { }

    public Guid Id { get; private set; }

    public string MunicipalityCode { get; private set; } = "";

    public int Year { get; private set; }

    public int QuarterNumber { get; private set; }

    public SchemeFigures Figures { get; private set; } = null!;

    /// <summary>The impact the schemes had, as the office judges it.</summary>
    public string Impact { get; private set; } = "";

    /// <summary>004 §1.4: "concrete recommendations for additional measures" — the changes to the schemes the office proposes.</summary>
    public string ProposedChanges { get; private set; } = "";

    public string EvaluatedBy { get; private set; } = "";

    public DateTimeOffset EvaluatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public Quarter Quarter => new(Year, QuarterNumber);

    public static SchemeEvaluation Write(string municipalityCode, Quarter quarter, SchemeFigures figures, string impact, string proposedChanges,
        string evaluatedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), MunicipalityCode = municipalityCode, Year = quarter.Year, QuarterNumber = quarter.Number, Figures = figures,
        Impact = impact, ProposedChanges = proposedChanges, EvaluatedBy = evaluatedBy, EvaluatedAt = now, UpdatedAt = now,
    };

    /// <summary>A revision takes the records' figures of the moment again, with the office's new text.</summary>
    public void Revise(SchemeFigures figures, string impact, string proposedChanges, string evaluatedBy, DateTimeOffset now) =>
        (Figures, Impact, ProposedChanges, EvaluatedBy, UpdatedAt) = (figures, impact, proposedChanges, evaluatedBy, now);
}

internal sealed class SchemeEvaluationConfiguration : IEntityTypeConfiguration<SchemeEvaluation>
{
    public void Configure(EntityTypeBuilder<SchemeEvaluation> b)
    {
        b.ToTable("scheme_evaluations");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(e => e.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(ReintegrationCase.MaxCodeLength);
        b.Property(e => e.Year).HasColumnName("year");
        b.Property(e => e.QuarterNumber).HasColumnName("quarter");
        b.HasIndex(e => new { e.MunicipalityCode, e.Year, e.QuarterNumber }).IsUnique();
        b.Property(e => e.Figures).HasColumnName("figures").HasJsonConversion();
        b.Property(e => e.Impact).HasColumnName("impact").HasMaxLength(4000);
        b.Property(e => e.ProposedChanges).HasColumnName("proposed_changes").HasMaxLength(4000);
        b.Property(e => e.EvaluatedBy).HasColumnName("evaluated_by").HasMaxLength(200);
        b.Property(e => e.EvaluatedAt).HasColumnName("evaluated_at");
        b.Property(e => e.UpdatedAt).HasColumnName("updated_at");
        b.Property(e => e.Version).IsRowVersion();
        b.Ignore(e => e.Quarter);
    }
}
