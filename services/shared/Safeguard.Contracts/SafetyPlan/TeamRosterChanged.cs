namespace Safeguard.Contracts.SafetyPlan;

/// <summary>
/// Who sits on a multisectoral team now (Annex 4), by the work e-mail addresses of its members and deputies:
/// published on every seat change, the latest wins. Other services let a team's current members reach what
/// their plans need from them (the police report of the plan, Art. 19), and a member who leaves loses it.
/// Professionals' addresses only: never a victim's.
/// </summary>
public sealed record TeamRosterChanged(
    Guid TeamId,
    string CentreCode,
    IReadOnlyList<string> MemberEmails,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
