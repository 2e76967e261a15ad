namespace Safeguard.Contracts.SafetyPlan;

/// <summary>
/// The multisectoral team was convened for a case and a safety plan was started (Rulebook Art. 17-19), or
/// reconvened on new risk (Art. 21). Every member and deputy is a recipient.
/// </summary>
/// <param name="TeamId">Null when the centre has no team registered: the plan then waits for one.</param>
/// <param name="Reasons">Why: "high-risk", "professional-judgement", "police-emergency-measure", "new-risk", "raised-level"...</param>
public sealed record TeamConvened(
    Guid PlanId,
    Guid CaseId,
    string CaseReference,
    string CentreCode,
    Guid? TeamId,
    IReadOnlyList<string> Reasons,
    bool Reconvened,
    IReadOnlyList<TeamRecipient> Recipients,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
