namespace Safeguard.Contracts.Reintegration;

/// <summary>
/// The work contact of a professional at an institution that receives a referral: never anyone from the case.
/// </summary>
/// <param name="Institution">The kind of institution, e.g. "employment-office", "civil-registry".</param>
/// <param name="InstitutionName">Its own name, e.g. "Employment office Dragash".</param>
/// <param name="Language">mk, sq, sr or en.</param>
public sealed record ProfessionalContact(string Institution, string InstitutionName, string FullName, string Email, string Language);
