namespace Safeguard.Contracts.SafetyPlan;

/// <summary>
/// Who holds a seat on a multisectoral team now (Annex 4), by the accounts (<c>sub</c>) that accepted the seats of
/// its members and deputies (issue 22 §4): published on every seat change and every acceptance, the latest wins.
/// Other services let a team's current members reach what their plans need from them (the police report of the
/// plan, Art. 19), and a member who leaves loses it. An e-mail claim in a token never stands in for a seat.
/// </summary>
public sealed record TeamRosterChanged(
    Guid TeamId,
    string CentreCode,
    IReadOnlyList<string> MemberSubjects,
    DateTimeOffset OccurredAt) : Safeguard.Contracts.IIntegrationEvent;
