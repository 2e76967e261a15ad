using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.RiskAssessment.Persistence;

namespace Safeguard.RiskAssessment.Cases;

/// <summary>
/// "SK-2026-00042": the centre's code, the year and the centre's running number for that year. Safe to
/// print in e-mails and on paper because it carries nothing about the people in the case.
/// </summary>
public readonly record struct CaseReference(string CentreCode, int Year, int Number)
{
    public const int MaxCentreCodeLength = 10;

    public override string ToString() => $"{CentreCode}-{Year}-{Number:D5}";

    /// <summary>
    /// Takes the next number of the centre for the year. Call inside the transaction that stores the case:
    /// the counter row stays locked until it commits, so two cases never share a number, and a rolled-back
    /// case gives its number back.
    /// </summary>
    public static async Task<CaseReference> NextAsync(RiskAssessmentDbContext db, string centreCode, int year, CancellationToken cancellationToken)
    {
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO case_reference_counters (centre_code, year, last_number) VALUES ({centreCode}, {year}, 1)
            ON CONFLICT (centre_code, year) DO UPDATE SET last_number = case_reference_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return new CaseReference(centreCode, year, numbers.Single());
    }
}

/// <summary>The last number given per centre and year.</summary>
internal sealed class CaseReferenceCounter
{
    public string CentreCode { get; private set; } = "";
    public int Year { get; private set; }
    public int LastNumber { get; private set; }
}

internal sealed class CaseReferenceCounterConfiguration : IEntityTypeConfiguration<CaseReferenceCounter>
{
    public void Configure(EntityTypeBuilder<CaseReferenceCounter> b)
    {
        b.ToTable("case_reference_counters");
        b.HasKey(c => new { c.CentreCode, c.Year });
        b.Property(c => c.CentreCode).HasColumnName("centre_code").HasMaxLength(CaseReference.MaxCentreCodeLength);
        b.Property(c => c.Year).HasColumnName("year");
        b.Property(c => c.LastNumber).HasColumnName("last_number");
    }
}
