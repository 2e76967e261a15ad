using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore;
using Safeguard.BuildingBlocks.Http;
using Safeguard.BuildingBlocks.Persistence;
using Safeguard.Contracts.Reintegration;
using Safeguard.BuildingBlocks.Privacy;
using Safeguard.Reintegration.Cases;
using Safeguard.Reintegration.Plans;
using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Reintegration.Referrals;

public enum ReferralStatus
{
    Sent,
    Accepted,
    Rejected,
    InProgress,
    Done,
    Revoked,
}

/// <summary>The receiving institution and the professional who answers for it (a work contact, never the person referred).</summary>
/// <param name="InstitutionCode">The centre's code when the recipient is a centre for social work: its case workers and supervisors answer too.</param>
public sealed record Recipient(InstitutionKind Institution, string InstitutionName, string ContactName, string ContactEmail, string Language,
    string? InstitutionCode = null)
{
    /// <summary>
    /// Who answers a referral (004 §2.3): the professional it names — the account holding it (<see cref="ReferralHolder"/>),
    /// never an e-mail claim — or a worker of the centre it is addressed to (000 §4.3.4).
    /// </summary>
    public bool AnsweredBy(Caller caller, string? holder) =>
        (caller.Is(PlatformRoles.TeamMember) && holder is not null && string.Equals(holder, caller.Subject, StringComparison.Ordinal))
        || (Institution == InstitutionKind.Csr && InstitutionCode is { } centre && caller.WorksAtCentre(centre));

    /// <summary>The work contact events carry to notification.</summary>
    public ProfessionalContact Contact() => new(KebabCaseEnum.Name(Institution), InstitutionName, ContactName, ContactEmail, Language);
}

/// <summary>
/// A referral of household members to an institution for a service (004 §2.3, 4.x), followed until its
/// outcome (004 §1.3: applications and benefits are recorded). Its life:
/// sent → accepted | rejected; accepted → in progress; in progress → done; and revoked from any open state.
/// </summary>
public sealed class Referral
{
    private static readonly Dictionary<ReferralStatus, ReferralStatus[]> Allowed = new()
    {
        [ReferralStatus.Sent] = [ReferralStatus.Accepted, ReferralStatus.Rejected, ReferralStatus.Revoked],
        [ReferralStatus.Accepted] = [ReferralStatus.InProgress, ReferralStatus.Revoked],
        [ReferralStatus.InProgress] = [ReferralStatus.Done, ReferralStatus.Revoked],
        [ReferralStatus.Rejected] = [],
        [ReferralStatus.Done] = [],
        [ReferralStatus.Revoked] = [],
    };

    private Referral() { }

    public Guid Id { get; private set; }

    /// <summary>"RI-DRG-2026-00007/02": the case's reference and the referral's number in it.</summary>
    public string Reference { get; private set; } = "";

    public Guid CaseId { get; private set; }

    public Guid? PlanItemId { get; private set; }

    public string Service { get; private set; } = "";

    /// <summary>The people whose data the receiving institution sees, each with consent covering it.</summary>
    public IReadOnlyList<Guid> MemberIds { get; private set; } = [];

    public Recipient Recipient { get; private set; } = null!;

    /// <summary>Why the office refers: what the institution is asked to do.</summary>
    public string Request { get; private set; } = "";

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    public DateTimeOffset AnswerBy { get; private set; }

    /// <summary>The referring officer's work e-mail, from her sign-in: whom an unanswered referral is reported to.</summary>
    public string? SenderEmail { get; private set; }

    /// <summary>What came of it, once done (e.g. "registered as a job-seeker on 3 March").</summary>
    public string? Outcome { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public bool IsOpen => Allowed[Status].Length > 0;

    public static Referral Send(string reference, Guid caseId, Guid? planItemId, string service, IReadOnlyList<Guid> memberIds, Recipient recipient,
        string request, string? senderEmail, DateTimeOffset sentAt, DateTimeOffset answerBy) => new()
    {
        Id = Guid.CreateVersion7(), Reference = reference, CaseId = caseId, PlanItemId = planItemId, Service = service, MemberIds = memberIds,
        Recipient = recipient, Request = request, SenderEmail = senderEmail, Status = ReferralStatus.Sent, SentAt = sentAt, AnswerBy = answerBy,
        UpdatedAt = sentAt,
    };

    /// <summary>Neither accepted, rejected nor revoked by its answer date (004 §2.3): to be chased, once (<see cref="ReferralChase"/>).</summary>
    public bool IsUnansweredAt(DateTimeOffset now) => Status == ReferralStatus.Sent && now >= AnswerBy;

    public bool CanMoveTo(ReferralStatus next) => Allowed[Status].Contains(next);

    public static IReadOnlyList<ReferralStatus> NextFrom(ReferralStatus status) => Allowed[status];

    public ReferralChange MoveTo(ReferralStatus next, DateTimeOffset at, string by, string? note, string? outcome, DateTimeOffset now)
    {
        if (!CanMoveTo(next))
        {
            throw new InvalidOperationException($"A referral cannot go from {Status} to {next}.");
        }
        var change = ReferralChange.Record(Id, Status, next, at, by, note, now);
        Status = next;
        Outcome = outcome ?? Outcome;
        UpdatedAt = now;
        return change;
    }

    /// <summary>
    /// Issue 24 §10, with the case: what was asked and what came of it go; the service, the institution, the dates and
    /// the status the indicators count stay.
    /// </summary>
    public void Erase()
    {
        Request = ReintegrationCase.Erased;
        Outcome = null;
    }
}

/// <summary>One step of a referral's life, kept for good: who moved it, when, and why.</summary>
public sealed class ReferralChange
{
    private ReferralChange() { }

    public Guid Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public ReferralStatus? From { get; private set; }

    public ReferralStatus To { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The professional who recorded it.</summary>
    public string By { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Issue 24 §10, with the case: the note goes; who moved it, when and where to stay.</summary>
    public void Erase() => Note = null;

    public static ReferralChange Record(Guid referralId, ReferralStatus? from, ReferralStatus to, DateTimeOffset at, string by, string? note, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(), ReferralId = referralId, From = from, To = to, At = at, By = by, Note = note, RecordedAt = now };
}

internal sealed class ReferralConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.ToTable("referrals");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.Reference).HasColumnName("reference").HasMaxLength(40);
        b.HasIndex(r => r.Reference).IsUnique();
        b.Property(r => r.CaseId).HasColumnName("case_id");
        b.HasOne<ReintegrationCase>().WithMany().HasForeignKey(r => r.CaseId);
        b.HasIndex(r => r.CaseId);
        b.Property(r => r.PlanItemId).HasColumnName("plan_item_id");
        b.HasOne<PlanItem>().WithMany().HasForeignKey(r => r.PlanItemId);
        b.Property(r => r.Service).HasColumnName("service").HasMaxLength(60);
        b.Property(r => r.MemberIds).HasColumnName("member_ids").HasJsonConversion();
        // Columns, not JSON: lists filter on the receiving institution in the query.
        b.OwnsOne(r => r.Recipient, recipient =>
        {
            recipient.Property(x => x.Institution).HasColumnName("recipient_institution").HasConversion<string>().HasMaxLength(40);
            recipient.Property(x => x.InstitutionName).HasColumnName("recipient_institution_name").HasMaxLength(200);
            recipient.Property(x => x.ContactName).HasColumnName("recipient_contact_name").HasMaxLength(200);
            recipient.Property(x => x.ContactEmail).HasColumnName("recipient_contact_email").HasMaxLength(254);
            recipient.Property(x => x.Language).HasColumnName("recipient_language").HasMaxLength(2);
            recipient.Property(x => x.InstitutionCode).HasColumnName("recipient_institution_code").HasMaxLength(ReintegrationCase.MaxCodeLength);
        });
        b.Navigation(r => r.Recipient).IsRequired();
        b.Property(r => r.Request).HasColumnName("request").IsPersonalData(personalData);
        b.Property(r => r.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        b.HasIndex(r => new { r.Status, r.AnswerBy });
        b.Property(r => r.SentAt).HasColumnName("sent_at");
        b.Property(r => r.AnswerBy).HasColumnName("answer_by");
        b.Property(r => r.SenderEmail).HasColumnName("sender_email").HasMaxLength(254);
        b.Property(r => r.Outcome).HasColumnName("outcome").IsPersonalData(personalData);
        b.Property(r => r.UpdatedAt).HasColumnName("updated_at");
        b.Property(r => r.Version).IsRowVersion();
    }
}

internal sealed class ReferralChangeConfiguration(PersonalDataProtector personalData) : IEntityTypeConfiguration<ReferralChange>
{
    public void Configure(EntityTypeBuilder<ReferralChange> b)
    {
        b.ToTable("referral_changes");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(c => c.ReferralId).HasColumnName("referral_id");
        b.HasOne<Referral>().WithMany().HasForeignKey(c => c.ReferralId);
        b.HasIndex(c => c.ReferralId);
        b.Property(c => c.From).HasColumnName("from_status").HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.To).HasColumnName("to_status").HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.At).HasColumnName("at");
        b.Property(c => c.By).HasColumnName("by").HasMaxLength(200);
        b.Property(c => c.Note).HasColumnName("note").IsPersonalData(personalData);
        b.Property(c => c.RecordedAt).HasColumnName("recorded_at");
    }
}
