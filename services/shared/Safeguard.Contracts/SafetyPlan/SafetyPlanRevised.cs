namespace Safeguard.Contracts.SafetyPlan;

/// <summary>The team revised an adopted plan (Art. 16, 20): every member and deputy is told.</summary>
/// <param name="Change">What changed, in the plan's own words, e.g. "measure 5 added: counselling" — never the victim's story.</param>
public sealed record SafetyPlanRevised(
    Guid PlanId,
    string CaseReference,
    string CentreCode,
    string Change,
    IReadOnlyList<TeamRecipient> Recipients,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
