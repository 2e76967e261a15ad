namespace Safeguard.Contracts.RiskAssessment;

/// <summary>
/// Who a closed case was about was erased (issue 24 §10): its retention period ended, or an authorised request
/// (<paramref name="Ground"/>, e.g. "retention-ended", "consent-withdrawn"). Every service that keeps records for
/// the case erases them the same way; the event itself carries only the case's reference and codes.
/// </summary>
public sealed record CaseErased(
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    string Ground,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
