using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Safeguard.BuildingBlocks.Deadlines;

/// <summary>
/// A record's running clock as its watcher last computed it, replaced at every visit (<see cref="DeadlineVisit.Clocks"/>).
/// The operators' gauges count these (issue 26 §1): whether a clock is due or overdue follows from its two moments
/// and the time, and a change that moves it marks the record for a visit, so the count is never stale while the
/// watcher runs. The clocks' rules stay in the domain types that compute them; only their results are here. No
/// person: the record's id and the place's code.
/// </summary>
public sealed class OpenClock
{
    private OpenClock() { }

    public long Id { get; private set; }

    public string Watcher { get; private set; } = "";

    public Guid RecordId { get; private set; }

    public string Kind { get; private set; } = "";

    public string Place { get; private set; } = "";

    public DateTimeOffset DueFrom { get; private set; }

    public DateTimeOffset DeadlineAt { get; private set; }

    public static OpenClock Of(string watcher, Guid recordId, string place, RunningClock clock) => new()
    {
        Watcher = watcher,
        RecordId = recordId,
        Kind = clock.Kind,
        Place = place,
        DueFrom = clock.DueFrom,
        DeadlineAt = clock.DeadlineAt,
    };
}

/// <summary>Applied, with <see cref="DeadlineCheckConfiguration"/>, by the context of a service that runs a deadline watcher.</summary>
public sealed class OpenClockConfiguration : IEntityTypeConfiguration<OpenClock>
{
    public void Configure(EntityTypeBuilder<OpenClock> b)
    {
        b.ToTable("open_clocks");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        b.Property(c => c.Watcher).HasColumnName("watcher").HasMaxLength(50);
        b.Property(c => c.RecordId).HasColumnName("record_id");
        b.Property(c => c.Kind).HasColumnName("kind").HasMaxLength(50);
        b.Property(c => c.Place).HasColumnName("place").HasMaxLength(50);
        b.Property(c => c.DueFrom).HasColumnName("due_from");
        b.Property(c => c.DeadlineAt).HasColumnName("deadline_at");
        // A visit replaces its record's rows.
        b.HasIndex(c => new { c.Watcher, c.RecordId }).HasDatabaseName("ix_open_clocks_record");
    }
}
