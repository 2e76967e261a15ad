namespace Safeguard.Contracts.SafetyPlan;

/// <summary>The team adopted the safety plan (Art. 18-20): every member and deputy is told; the monitoring clocks start.</summary>
public sealed record SafetyPlanAdopted(
    Guid PlanId,
    string CaseReference,
    string CentreCode,
    DateTimeOffset AdoptedAt,
    DateTimeOffset FirstContactDueAt,
    IReadOnlyList<TeamRecipient> Recipients,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
