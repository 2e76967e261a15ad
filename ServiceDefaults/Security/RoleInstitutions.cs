namespace Safeguard.ServiceDefaults.Security;

/// <summary>
/// Which kinds of institution each role belongs to (issue 22 §7: fail closed). A token whose institution is empty,
/// or whose institution kind does not fit one of its roles (a CSR role from a police station), is refused
/// everywhere, so no record rule ever meets a caller it was not written for.
/// </summary>
public static class RoleInstitutions
{
    /// <summary>The kinds a role's institution may be; a team member comes from any partner institution but the platform.</summary>
    private static readonly Dictionary<string, string[]> Kinds = new()
    {
        [PlatformRoles.CsrCaseWorker] = ["csr"],
        [PlatformRoles.CsrSupervisor] = ["csr"],
        [PlatformRoles.ReintegrationOfficer] = ["municipality"],
        [PlatformRoles.PrisonProbationOfficer] = ["prison", "probation"],
        [PlatformRoles.TrainingAdmin] = ["ministry", "national-committee"],
        [PlatformRoles.Analyst] = ["ministry", "national-committee"],
        [PlatformRoles.PlatformAdmin] = ["platform"],
    };

    public static IReadOnlyList<string>? KindsOf(string role) => Kinds.GetValueOrDefault(role);

    /// <summary>Why the caller's token does not fit its institution; null when it does.</summary>
    public static string? Misfit(Caller caller)
    {
        if (string.IsNullOrWhiteSpace(caller.Institution) || string.IsNullOrWhiteSpace(caller.InstitutionKind))
        {
            return "The token names no institution: every role acts for one.";
        }
        foreach (var role in caller.Roles)
        {
            var fits = Kinds.TryGetValue(role, out var kinds)
                ? kinds.Contains(caller.InstitutionKind, StringComparer.Ordinal)
                : role != PlatformRoles.TeamMember || caller.InstitutionKind != "platform";
            if (!fits)
            {
                return $"The role {role} does not belong to an institution of kind {caller.InstitutionKind}.";
            }
        }
        return null;
    }
}
