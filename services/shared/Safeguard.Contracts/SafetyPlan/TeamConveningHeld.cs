namespace Safeguard.Contracts.SafetyPlan;

/// <summary>
/// The team had to act for a case, but the victim refused it or withdrew her consent (Annex 2 §3; Rulebook
/// Art. 11, 20): it is not convened, and the centre is told once so a professional assesses her reasons and
/// offers psychosocial support (Art. 22). What the police took or planned (Art. 19) is recorded on the plan.
/// Published once per plan, when it starts to wait; no personal data.
/// </summary>
/// <param name="Reasons">Why the team would have been convened ("high-risk", "police-emergency-measure"...).</param>
/// <param name="VictimConsent">"refused" or "withdrawn".</param>
/// <param name="EmergencyMeasures">The police's emergency measures (Art. 19), recorded on the plan for the centre.</param>
public sealed record TeamConveningHeld(
    Guid PlanId,
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    IReadOnlyList<string> Reasons,
    string VictimConsent,
    string? PoliceReportReference,
    IReadOnlyList<string> EmergencyMeasures,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
