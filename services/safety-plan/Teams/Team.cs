using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.BuildingBlocks.Access;
using Safeguard.BuildingBlocks.Domain;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Persistence;

namespace Safeguard.SafetyPlan.Teams;

/// <summary>The kinds of institution that sit in a multisectoral team (Annex 4; Art. 17-19).</summary>
public enum InstitutionKind
{
    Csr,
    Police,
    Health,
    School,
    Employment,
    Ngo,
    Prosecution,
    Municipality,
    Other,
}

public enum MemberRole
{
    Member,
    Deputy,
}

/// <summary>
/// Annex 4 contact columns for one person: office address and phone, e-mail, mobile and the contact outside
/// working hours, plus the language notices are written in. Work contacts of professionals, not a victim's.
/// </summary>
public sealed record ContactDetails(
    string FullName,
    string Email,
    string? OfficeAddress,
    string? OfficePhone,
    string? Mobile,
    string? OutOfHoursContact,
    string PreferredLanguage);

/// <summary>A centre's multisectoral team (Art. 17; Annex 4). Its composition lives in <see cref="TeamMembership"/> rows.</summary>
public sealed class Team
{
    private Team() { }

    public Guid Id { get; private set; }

    public string CentreCode { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public static Team Create(string centreCode, string name, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), CentreCode = centreCode, Name = name, CreatedAt = now, UpdatedAt = now };

    public void Touch(DateTimeOffset now) => UpdatedAt = now;
}

/// <summary>
/// One person's seat in a team for a period: a membership change closes the old row and opens a new one, so
/// the team's history shows who sat for which institution, and when. The seat is named by a work address but
/// held by an account: the one that accepted the code sent to that address (issue 22 §4). Whoever later sets
/// his token's e-mail to the roster address gains nothing; the holder keeps her seat if her address changes.
/// </summary>
public sealed class TeamMembership
{
    /// <summary>How long a seat's invitation code works; after that the supervisor seats the person again.</summary>
    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(14);

    /// <summary>A code that opens no seat: never said whether it once did.</summary>
    public static readonly RuleBroken UnknownCode =
        RuleBroken.Invalid("code", "This code is not valid, was used already or has expired: ask the centre's supervisor to seat you again.");

    private TeamMembership() { }

    public Guid Id { get; private set; }

    public Guid TeamId { get; private set; }

    public InstitutionKind Institution { get; private set; }

    /// <summary>The institution's own name, e.g. "Police station Centar".</summary>
    public string InstitutionName { get; private set; } = "";

    public MemberRole Role { get; private set; }

    public ContactDetails Person { get; private set; } = null!;

    public DateTimeOffset ValidFrom { get; private set; }

    /// <summary>Null while the person still sits in the team.</summary>
    public DateTimeOffset? ValidTo { get; private set; }

    public bool IsCurrent => ValidTo is null;

    /// <summary>The account (<c>sub</c>) that accepted the seat: the only caller who acts in it. Null until accepted.</summary>
    public string? AccountSubject { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>The hash of the code e-mailed to the seat's address (<see cref="InvitationCode"/>); null once accepted.</summary>
    public string? InvitationHash { get; private set; }

    public DateTimeOffset? InvitationExpiresAt { get; private set; }

    public bool IsAccepted => AccountSubject is not null;

    /// <summary>A new code for the seat's address; only its hash is kept. Returns the code, for the e-mail alone.</summary>
    public string Invite(DateTimeOffset now)
    {
        var (code, hash) = InvitationCode.New();
        InvitationHash = hash;
        InvitationExpiresAt = now + InvitationLifetime;
        return code;
    }

    /// <summary>
    /// A seat opened again for the same person — the same address for the same institution of the same team, as
    /// when only the deputy changes — stays with the account that accepted the one it replaces.
    /// </summary>
    public bool KeepHolderOf(TeamMembership previous)
    {
        if (previous.AccountSubject is null || previous.TeamId != TeamId || previous.Institution != Institution
            || !string.Equals(previous.Person.Email, Person.Email, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        (AccountSubject, AcceptedAt) = (previous.AccountSubject, previous.AcceptedAt);
        return true;
    }

    /// <summary>
    /// Whether an account of this kind of institution (its token's <c>institution_kind</c>) may hold the seat:
    /// the police seat is a police officer's; "other" is any partner's, never the platform's own.
    /// </summary>
    public bool FitsInstitution(string institutionKind) => Institution == InstitutionKind.Other
        ? institutionKind is not ("" or "platform")
        : string.Equals(KebabCaseEnum.Name(Institution), institutionKind, StringComparison.Ordinal);

    /// <summary>The account that presents the seat's code takes the seat; the code works once, until it expires.</summary>
    public RuleBroken? Accept(string subject, DateTimeOffset now)
    {
        if (!IsCurrent || InvitationHash is null || now > InvitationExpiresAt)
        {
            return UnknownCode;
        }
        (AccountSubject, AcceptedAt, InvitationHash, InvitationExpiresAt) = (subject, now, null, null);
        return null;
    }

    public static TeamMembership Start(Guid teamId, InstitutionKind institution, string institutionName, MemberRole role, ContactDetails person, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), TeamId = teamId, Institution = institution, InstitutionName = institutionName, Role = role, Person = person, ValidFrom = now };

    public void End(DateTimeOffset now) => ValidTo ??= now;
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.ToTable("teams");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(t => t.CentreCode).HasColumnName("centre_code").HasMaxLength(10);
        b.HasIndex(t => t.CentreCode);
        b.Property(t => t.Name).HasColumnName("name").HasMaxLength(200);
        b.Property(t => t.CreatedAt).HasColumnName("created_at");
        b.Property(t => t.UpdatedAt).HasColumnName("updated_at");
        b.Property(t => t.Version).IsRowVersion();
    }
}

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> b)
    {
        b.ToTable("team_memberships");
        b.HasKey(m => m.Id);
        b.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(m => m.TeamId).HasColumnName("team_id");
        b.HasOne<Team>().WithMany().HasForeignKey(m => m.TeamId);
        b.Property(m => m.Institution).HasColumnName("institution").HasConversion<string>().HasMaxLength(30);
        b.Property(m => m.InstitutionName).HasColumnName("institution_name").HasMaxLength(200);
        b.Property(m => m.Role).HasColumnName("role").HasConversion<string>().HasMaxLength(10);
        b.Property(m => m.Person).HasColumnName("person").HasJsonConversion();
        b.Property(m => m.ValidFrom).HasColumnName("valid_from");
        b.Property(m => m.ValidTo).HasColumnName("valid_to");
        b.Property(m => m.AccountSubject).HasColumnName("account_subject").HasMaxLength(200);
        b.Property(m => m.AcceptedAt).HasColumnName("accepted_at");
        b.Property(m => m.InvitationHash).HasColumnName("invitation_hash").HasMaxLength(64);
        b.Property(m => m.InvitationExpiresAt).HasColumnName("invitation_expires_at");
        b.HasIndex(m => m.InvitationHash).IsUnique().HasFilter("invitation_hash IS NOT NULL").HasDatabaseName("ux_team_memberships_invitation");
        // The seats an account holds now: every plan read and every contact it records looks here.
        b.HasIndex(m => m.AccountSubject).HasFilter("valid_to IS NULL AND account_subject IS NOT NULL")
            .HasDatabaseName("ix_team_memberships_current_holder");
        // At most one current member and one current deputy per institution in a team.
        b.HasIndex(m => new { m.TeamId, m.Institution, m.Role }).IsUnique().HasFilter("valid_to IS NULL")
            .HasDatabaseName("ux_team_memberships_current_seat");
    }
}
