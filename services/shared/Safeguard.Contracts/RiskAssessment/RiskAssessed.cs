namespace Safeguard.Contracts.RiskAssessment;

/// <summary>
/// A risk assessment was recorded (Rulebook Art. 9-10, Annex 1). Carries the level and the codes of the
/// red flags that raised it, never the answers themselves.
/// </summary>
/// <param name="RiskLevel">"standard", "medium" or "high".</param>
/// <param name="PreviousRiskLevel">The level of the case before this assessment; null for the first.</param>
/// <param name="RedFlags">Codes such as "attempted-strangulation" or "threat-to-kill".</param>
/// <param name="LowConfidence">Many answers were "cannot assess": the level may understate the risk.</param>
/// <param name="AssessedAt">When the professional assessed (Annex 1), which may be before it was recorded; null from senders before it was added.</param>
public sealed record RiskAssessed(
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    Guid AssessmentId,
    int Sequence,
    string RiskLevel,
    string? PreviousRiskLevel,
    IReadOnlyList<string> RedFlags,
    bool LowConfidence,
    DateTimeOffset OccurredAt,
    DateTimeOffset? AssessedAt = null) : IIntegrationEvent;
