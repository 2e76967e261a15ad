namespace Safeguard.Contracts.Reintegration;

/// <summary>The final assessment closed a case (004 §1.5), recording whether reintegration is sustainable.</summary>
public sealed record ReintegrationCaseClosed(
    Guid CaseId,
    string CaseReference,
    string MunicipalityCode,
    bool Sustainable,
    DateTimeOffset ClosedAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
