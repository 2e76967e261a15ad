using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.TrainingRegistry.ActionPlan;

namespace Safeguard.TrainingRegistry.Participants;

/// <summary>A professional who takes part in training: her work identity, institution, position and target group.</summary>
public sealed class Participant
{
    private Participant() { }

    public Guid Id { get; private set; }
    public string FullName { get; private set; } = "";

    /// <summary>The name folded for duplicate detection (see <see cref="Safeguard.BuildingBlocks.Privacy.NameKey"/>).</summary>
    public string NameKey { get; private set; } = "";
    public DateOnly? DateOfBirth { get; private set; }
    public string Email { get; private set; } = "";
    public string Institution { get; private set; } = "";
    public string Position { get; private set; } = "";
    public TargetGroup TargetGroup { get; private set; }

    /// <summary>mk, sq, sr or en: the language of invitations.</summary>
    public string Language { get; private set; } = "en";
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }

    public static Participant Register(string fullName, DateOnly? dateOfBirth, string email, string institution, string position, TargetGroup targetGroup,
        string language, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), FullName = fullName, NameKey = Safeguard.BuildingBlocks.Privacy.NameKey.Of(fullName), DateOfBirth = dateOfBirth, Email = email.ToLowerInvariant(),
        Institution = institution, Position = position, TargetGroup = targetGroup, Language = language, CreatedAt = now,
    };
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> b)
    {
        b.ToTable("participants");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(p => p.FullName).HasColumnName("full_name").HasMaxLength(200);
        b.Property(p => p.NameKey).HasColumnName("name_key").HasMaxLength(200);
        b.HasIndex(p => p.NameKey);
        b.Property(p => p.DateOfBirth).HasColumnName("date_of_birth");
        b.Property(p => p.Email).HasColumnName("email").HasMaxLength(254);
        b.HasIndex(p => p.Email);
        b.Property(p => p.Institution).HasColumnName("institution").HasMaxLength(200);
        b.Property(p => p.Position).HasColumnName("position").HasMaxLength(200);
        b.Property(p => p.TargetGroup).HasColumnName("target_group").HasConversion<string>().HasMaxLength(40);
        b.Property(p => p.Language).HasColumnName("language").HasMaxLength(2);
        b.Property(p => p.CreatedAt).HasColumnName("created_at");
        b.Property(p => p.Version).IsRowVersion();
    }
}
