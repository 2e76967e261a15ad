using System.ComponentModel.DataAnnotations;

namespace Safeguard.RiskAssessment.Consent;

/// <summary>A signed Annex 2 form.</summary>
public sealed class GiveConsentRequest
{
    [Required]
    public DateTimeOffset? SignedAt { get; init; }

    /// <summary>The professional who informed her and took the form.</summary>
    [Required, StringLength(200, MinimumLength = 2)]
    public string? RecordedBy { get; init; }

    /// <summary>Annex 2 §1: all seven rights she was informed of (Art. 6).</summary>
    [Required]
    public string[]? InformedOfRights { get; init; }

    /// <summary>Annex 2 §2: all eight measures she was informed of.</summary>
    [Required]
    public string[]? InformedOfMeasures { get; init; }

    /// <summary>Annex 2 §3: the measures she consents to (may be none).</summary>
    [Required]
    public string[]? ConsentedMeasures { get; init; }

    /// <summary>Annex 2 §3: her separate consent to convening the multisectoral team and the safety plan.</summary>
    [Required]
    public bool? ConsentToTeamAndSafetyPlan { get; init; }

    /// <summary>Annex 2 heading and §3: where the form was signed.</summary>
    [StringLength(200)]
    public string? Place { get; init; }

    /// <summary>Annex 2 §3: the professionals who took part and signed (the form has three lines).</summary>
    [Required, MinLength(1), MaxLength(3)]
    public string[]? Professionals { get; init; }

    /// <summary>Annex 2 §1 "note" column, by right code.</summary>
    public Dictionary<string, string>? RightNotes { get; init; }

    /// <summary>Annex 2 §2 "date" and "note" columns, by measure code.</summary>
    public Dictionary<string, MeasureRow>? MeasureRows { get; init; }
}

/// <summary>The victim withdraws her consent, which she may do at any time without consequence (Annex 2; Art. 22).</summary>
public sealed class WithdrawConsentRequest
{
    [Required]
    public DateTimeOffset? WithdrawnAt { get; init; }

    [Required, StringLength(200, MinimumLength = 2)]
    public string? RecordedBy { get; init; }

    /// <summary>Art. 22(1): the professionals assess the reasons for the withdrawal.</summary>
    [Required, StringLength(2000, MinimumLength = 5)]
    public string? Reason { get; init; }

    /// <summary>Art. 22(1): psychosocial support is offered to strengthen her free will.</summary>
    [Required]
    public bool? PsychosocialSupportOffered { get; init; }
}

/// <summary>Art. 22(1): the professional assessed her reasons for refusing the team and offered psychosocial support.</summary>
public sealed class RefusalFollowUpRequest
{
    [Required, StringLength(200, MinimumLength = 2)]
    public string? RecordedBy { get; init; }

    [Required, StringLength(2000, MinimumLength = 5)]
    public string? Reasons { get; init; }

    [Required]
    public bool? PsychosocialSupportOffered { get; init; }
}

public sealed record ConsentRecordView(
    Guid Id, ConsentKind Kind, DateTimeOffset SignedAt, DateTimeOffset RecordedAt, string RecordedBy,
    string[] InformedOfRights, string[] InformedOfMeasures, string[] ConsentedMeasures, bool ConsentToTeamAndSafetyPlan,
    string? WithdrawalReason, bool? PsychosocialSupportOffered, DateTimeOffset? FollowedUpAt, string? FollowedUpBy, string? RefusalReasons,
    string[] Professionals, string? Place, IReadOnlyDictionary<string, string> RightNotes, IReadOnlyDictionary<string, MeasureRow> MeasureRows)
{
    public static ConsentRecordView From(ConsentRecord r) => new(r.Id, r.Kind, r.SignedAt, r.RecordedAt, r.RecordedBy,
        r.InformedOfRights, r.InformedOfMeasures, r.ConsentedMeasures, r.ConsentToTeamAndSafetyPlan, r.WithdrawalReason, r.PsychosocialSupportOffered,
        r.FollowedUpAt, r.FollowedUpBy, r.RefusalReasons, r.Professionals, r.Details?.Place,
        r.Details?.RightNotes ?? ConsentFormDetails.None.RightNotes, r.Details?.MeasureRows ?? ConsentFormDetails.None.MeasureRows);
}
