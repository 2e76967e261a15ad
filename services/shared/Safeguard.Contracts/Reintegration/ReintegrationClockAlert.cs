namespace Safeguard.Contracts.Reintegration;

/// <summary>
/// A reintegration deadline falls due or is overdue; raised once per deadline and stage. The municipal
/// office for communities and return owns every one of them (004 §1.1-1.5, 2.7).
/// </summary>
/// <param name="Clock">"visit" (72 hours from return, status or release, §1.1), "monthly-monitoring" (§1.4),
/// "quarterly-evaluation" (§1.4), "twelve-month-review" (§2.7) or "final-assessment" (18 months, §1.5).</param>
/// <param name="Stage">"due" (the deadline is near) or "overdue" (it passed).</param>
public sealed record ReintegrationClockAlert(
    Guid CaseId,
    string CaseReference,
    string MunicipalityCode,
    string Clock,
    string Stage,
    DateTimeOffset DeadlineAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
