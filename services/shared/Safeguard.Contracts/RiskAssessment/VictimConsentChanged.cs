namespace Safeguard.Contracts.RiskAssessment;

/// <summary>
/// The victim gave or withdrew her consent (Rulebook Art. 11, 22; Annex 2). Safety planning depends on it:
/// without consent to the team and the safety plan, no plan content beyond that record is made.
/// </summary>
/// <param name="Status">"given" or "withdrawn".</param>
/// <param name="ConsentedMeasures">Codes of the Annex 2 measures she consents to.</param>
/// <param name="ProtectionWithoutConsent">A child or a person with limited legal capacity: measures go ahead regardless (Art. 22).</param>
/// <param name="TeamConsent">Her consent to the team and the safety plan, one of <see cref="RiskAssessment.TeamConsent"/>; null on events from before it was carried.</param>
/// <param name="SignedAt">When the form (or withdrawal) that decides her consent was signed: the latest signature wins, whatever order events arrive in.</param>
public sealed record VictimConsentChanged(
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    string Status,
    bool ConsentToTeamAndSafetyPlan,
    IReadOnlyList<string> ConsentedMeasures,
    bool ProtectionWithoutConsent,
    DateTimeOffset OccurredAt,
    string? TeamConsent = null,
    DateTimeOffset? SignedAt = null) : IIntegrationEvent;
