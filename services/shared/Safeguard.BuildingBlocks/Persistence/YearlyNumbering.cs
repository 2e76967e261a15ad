using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.BuildingBlocks.Persistence;

/// <summary>
/// Gapless running numbers per scope (a centre, a municipality) and year, for references such as
/// "SK-2026-00042" that professionals print and quote: they say nothing about the people in the record.
/// </summary>
public static class YearlyNumbering
{
    /// <summary>
    /// Takes the next number of <paramref name="scope"/> for <paramref name="year"/>. Call inside the transaction
    /// that stores the record: the counter row stays locked until it commits, so two records never share a
    /// number, and a rolled-back record gives its number back.
    /// </summary>
    public static async Task<int> NextAsync(DbContext db, string scope, int year, CancellationToken cancellationToken)
    {
        var numbers = await db.Database.SqlQuery<int>($"""
            INSERT INTO reference_counters (scope, year, last_number) VALUES ({scope}, {year}, 1)
            ON CONFLICT (scope, year) DO UPDATE SET last_number = reference_counters.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken);
        return numbers.Single();
    }

    /// <summary>Adds the counters table to a service's model (only services that number their records).</summary>
    public static ModelBuilder ApplyYearlyNumbering(this ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfiguration(new ReferenceCounterConfiguration());
}

/// <summary>The last number given per scope and year.</summary>
internal sealed class ReferenceCounter
{
    public string Scope { get; private set; } = "";
    public int Year { get; private set; }
    public int LastNumber { get; private set; }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public const int MaxScopeLength = 10;

    public void Configure(EntityTypeBuilder<ReferenceCounter> b)
    {
        b.ToTable("reference_counters");
        b.HasKey(c => new { c.Scope, c.Year });
        b.Property(c => c.Scope).HasColumnName("scope").HasMaxLength(MaxScopeLength);
        b.Property(c => c.Year).HasColumnName("year");
        b.Property(c => c.LastNumber).HasColumnName("last_number");
    }
}
