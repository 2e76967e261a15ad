namespace Safeguard.Contracts.RiskAssessment;

/// <summary>
/// The multisectoral team must be convened for a case (Rulebook Art. 17, 19): the risk is high, the
/// professional answered Annex 1 §5.4 "yes", or the police reported a proposed emergency measure. It carries
/// what the team needs to start: the case reference, why, the level and red flags, who else is at risk,
/// and the victim's consent. It never carries the victim's identity.
/// </summary>
/// <param name="Reasons">"high-risk", "professional-judgement" (§5.4) and/or "police-emergency-measure" (Art. 19).</param>
/// <param name="RiskLevel">The current level, or null when the police report came before any assessment.</param>
/// <param name="VictimConsent">Her consent to the team and the safety plan, one of <see cref="TeamConsent"/>.</param>
/// <param name="PoliceReportReference">The police report's own number, when a police report caused or accompanies it.</param>
/// <param name="EmergencyMeasures">"removal-from-home" and/or "ban-on-approaching-home" proposed by the police.</param>
/// <param name="ConsentSignedAt">When the form deciding <see cref="VictimConsent"/> was signed; null while she has not been asked.</param>
/// <param name="ViolenceReportedAt">When the centre learned of the violence: Art. 31's 12 hours for custody of the children run from here.</param>
public sealed record TeamConveningRequired(
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    IReadOnlyList<string> Reasons,
    string? RiskLevel,
    Guid? AssessmentId,
    IReadOnlyList<string> RedFlags,
    bool ChildrenAtRisk,
    bool OtherFamilyMembersAtRisk,
    string VictimConsent,
    string? PoliceReportReference,
    IReadOnlyList<string> EmergencyMeasures,
    DateTimeOffset ViolenceReportedAt,
    DateTimeOffset OccurredAt,
    DateTimeOffset? ConsentSignedAt = null) : IIntegrationEvent;
