namespace Safeguard.Contracts.RiskAssessment;

/// <summary>
/// A case was closed. Nothing kept for it elsewhere may keep running: a plan that never had its team (it
/// waited for her consent) closes with it, and its clocks stop. A live safety plan never sees this: the
/// case cannot close around it (Rulebook Art. 21).
/// </summary>
public sealed record CaseClosed(
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
