namespace Safeguard.Contracts.SafetyPlan;

/// <summary>A measure of an adopted plan is the responsibility of a team member (Annex 5 measures table).</summary>
public sealed record MeasureAssigned(
    Guid PlanId,
    string CaseReference,
    Guid MeasureId,
    string MeasureCode,
    string Article,
    string? Frequency,
    TeamRecipient Responsible,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
