namespace Safeguard.Contracts.SafetyPlan;

/// <summary>
/// A monitoring clock of a safety plan falls due or is overdue (Rulebook Art. 15, 21, 31). Raised once per
/// deadline and stage.
/// </summary>
/// <param name="Clock">"first-contact" (12 h after adoption, Art. 15), "member-contact" (every 48 h, Art. 21),
/// "daily-report" (each working day, Art. 21), "weekly-evaluation" (Art. 21), "reconvene" (new or increased
/// risk, Art. 21) or "custody" (children to the victim parent within 12 h of the report, Art. 31).</param>
/// <param name="Stage">"due" (the deadline is near) or "overdue" (it passed).</param>
/// <param name="Owner">Who owes it: a team member, or null for the team as a whole (weekly evaluation).</param>
/// <param name="CaseManager">The centre's member of the team, told of every overdue clock too.</param>
public sealed record MonitoringClockAlert(
    Guid PlanId,
    string CaseReference,
    string CentreCode,
    string Clock,
    string Stage,
    DateTimeOffset DeadlineAt,
    TeamRecipient? Owner,
    TeamRecipient? CaseManager,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
