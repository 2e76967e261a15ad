using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.TrainingRegistry.ActionPlan;

namespace Safeguard.TrainingRegistry.Programmes;

public enum ProgrammeKind
{
    /// <summary>A training delivered to a target group.</summary>
    Training,

    /// <summary>A training of trainers: who completes it joins the trainer pool of the programme it prepares trainers for (seed 000, 1.1.1: at least 20 trainers).</summary>
    TrainingOfTrainers,
}

/// <summary>A training programme (e.g. the basic police training module) and the activities it serves.</summary>
public sealed class Programme
{
    private Programme() { }

    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public string? Description { get; private set; }
    public ProgrammeKind Kind { get; private set; }
    public IReadOnlyList<string> ActivityCodes { get; private set; } = [];
    public IReadOnlyList<TargetGroup> TargetGroups { get; private set; } = [];

    /// <summary>For a training of trainers: the programme its graduates may then deliver.</summary>
    public Guid? TrainsTrainersFor { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Programme Create(string title, string? description, ProgrammeKind kind, IReadOnlyList<string> activityCodes, IReadOnlyList<TargetGroup> targetGroups,
        Guid? trainsTrainersFor, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), Title = title, Description = description, Kind = kind, ActivityCodes = activityCodes, TargetGroups = targetGroups,
        TrainsTrainersFor = trainsTrainersFor, CreatedAt = now,
    };
}

/// <summary>A person in the trainer pool of a programme: certified by completing its training of trainers.</summary>
public sealed class TrainerCertification
{
    private TrainerCertification() { }

    public Guid ParticipantId { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public Guid ViaSessionId { get; private set; }
    public DateTimeOffset CertifiedAt { get; private set; }

    public static TrainerCertification Certify(Guid participantId, Guid programmeId, Guid viaSessionId, DateTimeOffset now) =>
        new() { ParticipantId = participantId, ProgrammeId = programmeId, ViaSessionId = viaSessionId, CertifiedAt = now };
}

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> b)
    {
        b.ToTable("programmes");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(p => p.Title).HasColumnName("title").HasMaxLength(300);
        b.Property(p => p.Description).HasColumnName("description").HasMaxLength(2000);
        b.Property(p => p.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(30);
        b.Property(p => p.ActivityCodes).HasColumnName("activity_codes").HasJsonConversion();
        b.Property(p => p.TargetGroups).HasColumnName("target_groups").HasJsonConversion();
        b.Property(p => p.TrainsTrainersFor).HasColumnName("trains_trainers_for");
        b.HasOne<Programme>().WithMany().HasForeignKey(p => p.TrainsTrainersFor);
        b.Property(p => p.CreatedAt).HasColumnName("created_at");
        b.Property(p => p.Version).IsRowVersion();
    }
}

internal sealed class TrainerCertificationConfiguration : IEntityTypeConfiguration<TrainerCertification>
{
    public void Configure(EntityTypeBuilder<TrainerCertification> b)
    {
        b.ToTable("trainer_certifications");
        b.HasKey(t => new { t.ParticipantId, t.ProgrammeId });
        b.Property(t => t.ParticipantId).HasColumnName("participant_id");
        b.HasOne<Participants.Participant>().WithMany().HasForeignKey(t => t.ParticipantId);
        b.Property(t => t.ProgrammeId).HasColumnName("programme_id");
        b.HasOne<Programme>().WithMany().HasForeignKey(t => t.ProgrammeId);
        b.Property(t => t.ViaSessionId).HasColumnName("via_session_id");
        b.Property(t => t.CertifiedAt).HasColumnName("certified_at");
    }
}
