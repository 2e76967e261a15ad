namespace Safeguard.Contracts.SafetyPlan;

/// <summary>The plan ended: on a reassessment the team found the risk has ceased (Art. 21).</summary>
public sealed record SafetyPlanClosed(
    Guid PlanId,
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    DateTimeOffset ClosedAt,
    IReadOnlyList<TeamRecipient> Recipients,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
