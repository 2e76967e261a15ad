namespace Safeguard.Contracts.RiskAssessment;

/// <summary>
/// A case's risk assessment was not made within 12 hours of the centre learning of the violence
/// (Rulebook Art. 5). Raised once per case, for notification and dashboards.
/// </summary>
public sealed record AssessmentOverdue(
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    DateTimeOffset AssessmentDueAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
