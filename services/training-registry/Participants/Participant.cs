using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Privacy;
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

    /// <summary>When who she is was erased (issue 24 §10), and why.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    public ErasureGround? ErasureGround { get; private set; }

    public uint Version { get; private set; }

    /// <summary>What an erased text reads as.</summary>
    public const string Erased = "";

    public static Participant Register(string fullName, DateOnly? dateOfBirth, string email, string institution, string position, TargetGroup targetGroup,
        string language, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(), FullName = fullName, NameKey = Safeguard.BuildingBlocks.Privacy.NameKey.Of(fullName), DateOfBirth = dateOfBirth, Email = email.ToLowerInvariant(),
        Institution = institution, Position = position, TargetGroup = targetGroup, Language = language, CreatedAt = now,
    };

    /// <summary>
    /// Issue 24 §10: erasing her once is enough, and not while she takes part in a session that has yet to end, as a
    /// participant or a trainer: its invitations, attendance and certificate still need her.
    /// </summary>
    public RuleBroken? CheckErasable(bool takesPartInSessionToCome) =>
        ErasedAt is not null
            ? RuleBroken.Conflict("erasedAt", "This participant was erased already.")
            : takesPartInSessionToCome
                ? RuleBroken.Conflict("enrolments", "She takes part in a session that has not ended yet; take her off it first or wait until it ends.")
                : null;

    /// <summary>
    /// Issue 24 §10: her name (and its folded key, so no search finds her), date of birth and e-mail go. What the action
    /// plan's indicators count stays: her institution, position, target group and language, and her enrolments,
    /// attendance and certificates, which now name nobody.
    /// </summary>
    public void Erase(ErasureGround ground, DateTimeOffset at)
    {
        FullName = Erased;
        NameKey = Erased;
        DateOfBirth = null;
        Email = Erased;
        ErasedAt = at;
        ErasureGround = ground;
    }
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
        b.Property(p => p.ErasedAt).HasColumnName("erased_at");
        b.Property(p => p.ErasureGround).HasColumnName("erasure_ground").HasConversion<string>().HasMaxLength(30);
        // The retention step looks only at participants not yet erased.
        b.HasIndex(p => p.CreatedAt).HasFilter("erased_at IS NULL").HasDatabaseName("ix_participants_awaiting_erasure");
        b.Property(p => p.Version).IsRowVersion();
    }
}
