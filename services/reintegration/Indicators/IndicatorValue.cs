using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.Reintegration.Indicators;

/// <summary>A value a municipality entered for an indicator it cannot be computed for, per year (004 §10.3: reporting to the ministry).</summary>
public sealed class IndicatorValue
{
    private IndicatorValue() { }

    public string Code { get; private set; } = "";

    public string MunicipalityCode { get; private set; } = "";

    public int Year { get; private set; }

    /// <summary>Percent, 0-100.</summary>
    public decimal Value { get; private set; }

    public string? Note { get; private set; }

    public string EnteredBy { get; private set; } = "";

    public DateTimeOffset EnteredAt { get; private set; }

    public static IndicatorValue Enter(string code, string municipality, int year, decimal value, string? note, string enteredBy, DateTimeOffset now) =>
        new() { Code = code, MunicipalityCode = municipality, Year = year, Value = value, Note = note, EnteredBy = enteredBy, EnteredAt = now };

    public void Update(decimal value, string? note, string enteredBy, DateTimeOffset now) => (Value, Note, EnteredBy, EnteredAt) = (value, note, enteredBy, now);
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> b)
    {
        b.ToTable("indicator_values");
        b.HasKey(v => new { v.Code, v.MunicipalityCode, v.Year });
        b.Property(v => v.Code).HasColumnName("code").HasMaxLength(10);
        b.Property(v => v.MunicipalityCode).HasColumnName("municipality_code").HasMaxLength(10);
        b.Property(v => v.Year).HasColumnName("year");
        b.Property(v => v.Value).HasColumnName("value").HasPrecision(5, 1);
        b.Property(v => v.Note).HasColumnName("note").HasMaxLength(1000);
        b.Property(v => v.EnteredBy).HasColumnName("entered_by").HasMaxLength(200);
        b.Property(v => v.EnteredAt).HasColumnName("entered_at");
    }
}
