namespace Safeguard.Contracts.RiskAssessment;

/// <summary>
/// A centre for social work opened a case after learning of violence. The risk assessment is due at
/// <see cref="AssessmentDueAt"/> (Rulebook Art. 5: immediately, at the latest within 12 hours).
/// </summary>
/// <param name="CaseId">Identifier of the case in risk-assessment.</param>
/// <param name="CaseReference">Human-readable reference, safe to show in e-mails (no personal data).</param>
/// <param name="CentreCode">Code of the centre for social work that owns the case.</param>
/// <param name="ReportedBy">Who reported the violence: police, victim, health, school, ngo or other.</param>
/// <param name="LearnedAt">When the centre learned of the violence.</param>
/// <param name="AssessmentDueAt">Deadline of the risk assessment.</param>
/// <param name="OccurredAt">When the case was opened.</param>
/// <param name="ProtectionWithoutConsent">
/// Rulebook Art. 22(2): the victim is a child or a person with limited or removed legal capacity, so her
/// protection proceeds without her consent. A category, not an identity. False on events from before it was carried.
/// </param>
public sealed record CaseOpened(
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    string ReportedBy,
    DateTimeOffset LearnedAt,
    DateTimeOffset AssessmentDueAt,
    DateTimeOffset OccurredAt,
    bool ProtectionWithoutConsent = false) : IIntegrationEvent;
