namespace Safeguard.Contracts.Identity;

/// <summary>
/// An account was registered for a professional: she gets an e-mail with a one-time link to choose her password
/// and enrol her authenticator. The link is the only secret here; it expires at <paramref name="ExpiresAt"/> and
/// works once.
/// </summary>
/// <param name="Email">Her work address, where the link goes.</param>
/// <param name="Language">mk, sq, sr or en.</param>
/// <param name="Reset">A new link for an account that exists (a forgotten password, a lost phone), not a new account.</param>
public sealed record AccountInvited(
    Guid AccountId,
    string InstitutionCode,
    string InstitutionName,
    IReadOnlyList<string> Roles,
    string Email,
    string Language,
    string ActivationUrl,
    DateTimeOffset ExpiresAt,
    bool Reset,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
