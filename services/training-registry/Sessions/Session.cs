using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.TrainingRegistry.ActionPlan;
using Safeguard.TrainingRegistry.Participants;
using Safeguard.TrainingRegistry.Programmes;

namespace Safeguard.TrainingRegistry.Sessions;

public enum SessionState
{
    Scheduled,
    Cancelled,
}

/// <summary>A session of a programme, counted for one activity: dates, place, trainers from the pool, capacity.</summary>
public sealed class Session
{
    private Session() { }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string ActivityCode { get; private set; } = "";
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public string Place { get; private set; } = "";
    public int Capacity { get; private set; }
    public IReadOnlyList<Guid> TrainerIds { get; private set; } = [];
    public SessionState State { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Session Schedule(Guid programmeId, string activityCode, DateOnly startsOn, DateOnly endsOn, string place, int capacity,
        IReadOnlyList<Guid> trainerIds, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = programmeId, ActivityCode = activityCode, StartsOn = startsOn, EndsOn = endsOn, Place = place,
        Capacity = capacity, TrainerIds = trainerIds, State = SessionState.Scheduled, UpdatedAt = now,
    };

    public void Change(DateOnly startsOn, DateOnly endsOn, string place, int capacity, IReadOnlyList<Guid> trainerIds, DateTimeOffset now) =>
        (StartsOn, EndsOn, Place, Capacity, TrainerIds, UpdatedAt) = (startsOn, endsOn, place, capacity, trainerIds, now);

    public void Cancel(DateTimeOffset now) => (State, UpdatedAt) = (SessionState.Cancelled, now);

    /// <summary>Enrolments change the session's ETag too, so capacity is never overrun by two at once.</summary>
    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}

/// <summary>A participant's place in a session: enrolment, attendance, completion and certificate.</summary>
public sealed class Enrolment
{
    private Enrolment() { }

    public Guid SessionId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public DateTimeOffset EnrolledAt { get; private set; }
    public bool Attended { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>"TR-2026-00042": the certificate of completion.</summary>
    public string? CertificateNumber { get; private set; }

    public bool Completed => CompletedAt is not null;

    /// <summary>Her years of work experience when enrolled, where given (an activity may limit its focus group by them).</summary>
    public int? YearsOfExperience { get; private set; }

    public static Enrolment Enrol(Guid sessionId, Guid participantId, int? yearsOfExperience, DateTimeOffset now) =>
        new() { SessionId = sessionId, ParticipantId = participantId, YearsOfExperience = yearsOfExperience, EnrolledAt = now };

    public void MarkAttendance(bool attended) => Attended = attended;

    public void Complete(string certificateNumber, DateTimeOffset now) => (CompletedAt, CertificateNumber) = (now, certificateNumber);
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(s => s.ProgrammeId).HasColumnName("programme_id");
        b.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId);
        b.Property(s => s.ActivityCode).HasColumnName("activity_code").HasMaxLength(10);
        b.HasOne<Activity>().WithMany().HasForeignKey(s => s.ActivityCode);
        b.HasIndex(s => new { s.ActivityCode, s.EndsOn });
        b.Property(s => s.StartsOn).HasColumnName("starts_on");
        b.Property(s => s.EndsOn).HasColumnName("ends_on");
        b.Property(s => s.Place).HasColumnName("place").HasMaxLength(200);
        b.Property(s => s.Capacity).HasColumnName("capacity");
        b.Property(s => s.TrainerIds).HasColumnName("trainer_ids").HasJsonConversion();
        b.Property(s => s.State).HasColumnName("state").HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.UpdatedAt).HasColumnName("updated_at");
        b.Property(s => s.Version).IsRowVersion();
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.ToTable("enrolments");
        b.HasKey(e => new { e.SessionId, e.ParticipantId });
        b.Property(e => e.SessionId).HasColumnName("session_id");
        b.HasOne<Session>().WithMany().HasForeignKey(e => e.SessionId);
        b.Property(e => e.ParticipantId).HasColumnName("participant_id");
        b.HasOne<Participant>().WithMany().HasForeignKey(e => e.ParticipantId);
        b.HasIndex(e => e.ParticipantId);
        b.Property(e => e.EnrolledAt).HasColumnName("enrolled_at");
        b.Property(e => e.YearsOfExperience).HasColumnName("years_of_experience");
        b.Property(e => e.Attended).HasColumnName("attended");
        b.Property(e => e.CompletedAt).HasColumnName("completed_at");
        b.Property(e => e.CertificateNumber).HasColumnName("certificate_number").HasMaxLength(20);
        b.HasIndex(e => e.CertificateNumber).IsUnique();
    }
}
