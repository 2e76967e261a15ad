using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>
/// When a deadline watcher must look at one record again: at once after a change to what its clocks are
/// computed from (<see cref="Changed"/>), or at the moment its next clock turns due or overdue
/// (<see cref="At"/>). A round reads only the checks that have come due, over an index, so its cost follows
/// the records with something to do, not every open record (issue 25 §6).
/// </summary>
public sealed class DeadlineCheck
{
    /// <summary>The check_at of a change's mark: before any clock, so it is due whatever the time.</summary>
    public static readonly DateTimeOffset AtOnce = DateTimeOffset.UnixEpoch;

    private DeadlineCheck() { }

    public long Id { get; private set; }

    /// <summary>The watcher's own name: several watchers may share a database.</summary>
    public string Watcher { get; private set; } = "";

    public Guid RecordId { get; private set; }

    public DateTimeOffset CheckAt { get; private set; }

    public static DeadlineCheck Changed(string watcher, Guid recordId) => new() { Watcher = watcher, RecordId = recordId, CheckAt = AtOnce };

    public static DeadlineCheck At(string watcher, Guid recordId, DateTimeOffset checkAt) => new() { Watcher = watcher, RecordId = recordId, CheckAt = checkAt };
}

/// <summary>Applied by the context of a service that runs a <see cref="DeadlineWatcher{TDb, TRecord}"/>.</summary>
public sealed class DeadlineCheckConfiguration : IEntityTypeConfiguration<DeadlineCheck>
{
    public void Configure(EntityTypeBuilder<DeadlineCheck> b)
    {
        b.ToTable("deadline_checks");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(c => c.Watcher).HasColumnName("watcher").HasMaxLength(50);
        b.Property(c => c.RecordId).HasColumnName("record_id");
        b.Property(c => c.CheckAt).HasColumnName("check_at");
        // A round reads the due checks of its watcher; a visit replaces the record's future one.
        b.HasIndex(c => new { c.Watcher, c.CheckAt }).HasDatabaseName("ix_deadline_checks_due");
        b.HasIndex(c => new { c.Watcher, c.RecordId }).HasDatabaseName("ix_deadline_checks_record");
    }
}
