namespace Safeguard.Contracts.SafetyPlan;

/// <summary>
/// A professional was seated on a multisectoral team (Annex 4) by her work address: she gets an e-mail with a
/// one-time code that binds the seat to the account she signs in with (issue 22 §4). The code is the only secret
/// here; it works once, until <paramref name="ExpiresAt"/>. Nothing about any case.
/// </summary>
/// <param name="InstitutionName">The institution she sits for, e.g. "Police station Centar".</param>
/// <param name="Seat">Her work contact, institution and role on the team.</param>
public sealed record TeamSeatInvited(
    Guid MembershipId,
    Guid TeamId,
    string CentreCode,
    string TeamName,
    string InstitutionName,
    TeamRecipient Seat,
    string Code,
    DateTimeOffset ExpiresAt,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
