namespace Safeguard.Contracts.Reintegration;

/// <summary>
/// A reintegration case was referred to an institution for a service (municipal plan 004 §2.3, 4.x): its
/// contact is told to answer. Carries the referral's and the case's references and the service code, never
/// who the person is; the receiving professional reads that in the platform, where the consent is checked.
/// </summary>
/// <param name="Service">A standard service package code, e.g. "jobseeker-registration".</param>
/// <param name="AnswerBy">When the institution is expected to accept or reject the referral.</param>
/// <param name="ClaimCode">The one-time code by which the contact's account takes the referral to answer it (issue 22 §4).</param>
public sealed record ReferralSent(
    Guid ReferralId,
    string ReferralReference,
    Guid CaseId,
    string CaseReference,
    string MunicipalityCode,
    string Service,
    ProfessionalContact Recipient,
    DateTimeOffset AnswerBy,
    string ClaimCode,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
