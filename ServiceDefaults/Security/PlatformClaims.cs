namespace Safeguard.ServiceDefaults.Security;

/// <summary>The claims a platform token carries besides the standard "sub", "roles" and "email".</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Roles = "roles";
    public const string Email = "email";

    /// <summary>The caller's institution code: a centre's code for a CSR ("SK"), a municipality's for its officer.</summary>
    public const string Institution = "institution";

    /// <summary>What kind of institution it is: csr, police, health, school, employment, ngo, municipality, prison, probation…</summary>
    public const string InstitutionKind = "institution_kind";
}
