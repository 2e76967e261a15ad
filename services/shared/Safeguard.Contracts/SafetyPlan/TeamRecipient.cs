namespace Safeguard.Contracts.SafetyPlan;

/// <summary>
/// A team member or deputy to notify: the work contact from the team list (Annex 4), never anyone from the case.
/// </summary>
/// <param name="Institution">e.g. "police", "csr", "school".</param>
/// <param name="Role">"member" or "deputy".</param>
/// <param name="Language">mk, sq, sr or en.</param>
public sealed record TeamRecipient(string Institution, string Role, string FullName, string Email, string Language);
