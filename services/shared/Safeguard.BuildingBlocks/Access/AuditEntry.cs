using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.BuildingBlocks.Access;

/// <summary>
/// One read or change of a personal record, or a refused attempt (issue 9, seed 003 Art. 3: confidentiality).
/// Holds who asked and what they reached, never what the record says. Append-only: the database refuses
/// UPDATE, DELETE and TRUNCATE on the table (<see cref="AuditTrail.AppendOnlySql"/>).
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; init; }

    /// <summary>The professional's subject id from her token.</summary>
    public required string Subject { get; init; }
    public required string Institution { get; init; }
    public required string Roles { get; init; }

    /// <summary>read, list, change or denied.</summary>
    public required string Action { get; init; }
    public required string RecordType { get; init; }
    public Guid? RecordId { get; init; }

    /// <summary>
    /// The record's own key when it has no id: an institution's code, a queue and message id (a platform
    /// administrator's action). Codes and names of the platform's parts, never a person's.
    /// </summary>
    public string? RecordKey { get; init; }

    /// <summary>The route template, e.g. "POST /api/risk-assessment/cases/{id}/closure": no values, so no personal data.</summary>
    public required string Endpoint { get; init; }
    public int Status { get; init; }
    public string? TraceId { get; init; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entity)
    {
        entity.ToTable("audit_entries");
        entity.HasKey(e => e.Id);
        entity.Property(e => e.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        entity.Property(e => e.At).HasColumnName("at");
        entity.Property(e => e.Subject).HasColumnName("subject").HasMaxLength(100);
        entity.Property(e => e.Institution).HasColumnName("institution").HasMaxLength(40);
        entity.Property(e => e.Roles).HasColumnName("roles").HasMaxLength(300);
        entity.Property(e => e.Action).HasColumnName("action").HasMaxLength(10);
        entity.Property(e => e.RecordType).HasColumnName("record_type").HasMaxLength(40);
        entity.Property(e => e.RecordId).HasColumnName("record_id");
        entity.Property(e => e.RecordKey).HasColumnName("record_key").HasMaxLength(200);
        entity.Property(e => e.Endpoint).HasColumnName("endpoint").HasMaxLength(200);
        entity.Property(e => e.Status).HasColumnName("status");
        entity.Property(e => e.TraceId).HasColumnName("trace_id").HasMaxLength(32);
        entity.HasIndex(e => new { e.RecordId, e.At });
    }
}
