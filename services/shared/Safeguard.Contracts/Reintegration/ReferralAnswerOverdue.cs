namespace Safeguard.Contracts.Reintegration;

/// <summary>
/// A referral was neither accepted nor rejected by its answer date (004 §2.3): raised once, so that the referring
/// officer and the receiving institution's contact are both told. References and the service only, never the person.
/// </summary>
/// <param name="SenderEmail">The referring officer's work e-mail; null when unknown, and the municipality's mailbox is told instead.</param>
public sealed record ReferralAnswerOverdue(
    Guid ReferralId,
    string ReferralReference,
    Guid CaseId,
    string CaseReference,
    string MunicipalityCode,
    string Service,
    ProfessionalContact Recipient,
    string? SenderEmail,
    DateTimeOffset SentAt,
    DateTimeOffset AnswerBy,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
