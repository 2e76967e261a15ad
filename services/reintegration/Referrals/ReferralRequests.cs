using System.ComponentModel.DataAnnotations;
using Safeguard.Reintegration.Plans;

namespace Safeguard.Reintegration.Referrals;

public sealed class SendReferralRequest
{
    [Required]
    public Guid? CaseId { get; init; }

    /// <summary>The plan item the referral carries out, when there is one.</summary>
    public Guid? PlanItemId { get; init; }

    /// <summary>A standard package code (GET /packages).</summary>
    [Required, StringLength(60)]
    public string? Service { get; init; }

    /// <summary>The people whose data go to the institution: each needs a current consent covering it.</summary>
    [Required, MinLength(1), MaxLength(30)]
    public List<Guid>? MemberIds { get; init; }

    [Required]
    public RecipientInput? Recipient { get; init; }

    [Required, StringLength(2000, MinimumLength = 5)]
    public string? Request { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? SentBy { get; init; }

    /// <summary>When the institution should answer; seven days when not given.</summary>
    public DateTimeOffset? AnswerBy { get; init; }
}

public sealed class RecipientInput
{
    /// <summary>The package's institution when not given.</summary>
    public InstitutionKind? Institution { get; init; }

    /// <summary>
    /// A centre for social work's code, e.g. "SK"; for a referral to a centre, the case's centre of residence when not given.
    /// </summary>
    [RegularExpression(Cases.Codes.Pattern, ErrorMessage = Cases.Codes.Message)]
    public string? InstitutionCode { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? InstitutionName { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? ContactName { get; init; }

    [Required, EmailAddress, StringLength(254)]
    public string? ContactEmail { get; init; }

    [RegularExpression("^(mk|sq|sr|en)$", ErrorMessage = "The language must be mk, sq, sr or en.")]
    public string? Language { get; init; }
}

public sealed class ReferralTransitionRequest
{
    /// <summary>accepted, rejected, in-progress, done or revoked.</summary>
    [Required]
    public ReferralStatus? To { get; init; }

    [Required]
    public DateTimeOffset? At { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? By { get; init; }

    /// <summary>Required to reject or revoke: why.</summary>
    [StringLength(2000)]
    public string? Note { get; init; }

    /// <summary>Required when done: what came of it.</summary>
    [StringLength(2000)]
    public string? Outcome { get; init; }
}

public sealed record ReferralView(Guid Id, string Reference, Guid CaseId, string CaseReference, Guid? PlanItemId, string Service,
    IReadOnlyList<Guid> MemberIds, Recipient Recipient, string Request, ReferralStatus Status, IReadOnlyList<ReferralStatus> NextStatuses,
    DateTimeOffset SentAt, DateTimeOffset AnswerBy, bool AnswerOverdue, DateTimeOffset? ChasedAt, string? Outcome, IReadOnlyList<ReferralChange> History, uint Version);
