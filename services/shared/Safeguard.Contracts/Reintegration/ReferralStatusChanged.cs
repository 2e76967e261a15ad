namespace Safeguard.Contracts.Reintegration;

/// <summary>
/// A referral moved on: accepted, rejected, in progress, done (with its outcome recorded in the platform) or
/// revoked by the referring office. On "revoked" the receiving institution's contact is told to stop.
/// </summary>
/// <param name="From">The previous status: "sent", "accepted", "in-progress".</param>
/// <param name="To">"accepted", "rejected", "in-progress", "done" or "revoked".</param>
public sealed record ReferralStatusChanged(
    Guid ReferralId,
    string ReferralReference,
    Guid CaseId,
    string CaseReference,
    string MunicipalityCode,
    string Service,
    string From,
    string To,
    ProfessionalContact Recipient,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
