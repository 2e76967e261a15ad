using Safeguard.ServiceDefaults.Security;

namespace Safeguard.Testing;

/// <summary>The people tests act as: one per role, each of a given institution, as the development issuer would sign them.</summary>
public static class Personas
{
    public static TokenSubject CaseWorker(string centre) => new($"cw-{centre}", [PlatformRoles.CsrCaseWorker], centre, "csr");

    /// <summary>A centre's supervisor: all a case worker may, plus teams, closure and the access history.</summary>
    public static TokenSubject Supervisor(string centre) => new($"sv-{centre}", [PlatformRoles.CsrSupervisor], centre, "csr");

    /// <summary>
    /// A professional of a partner institution. Her e-mail claim reaches nothing: she acts in a team seat or on a
    /// referral once her account took it with the code e-mailed to her (<c>AcceptSeatAsync</c>, <c>ClaimReferralAsync</c>).
    /// </summary>
    public static TokenSubject TeamMember(string email, string institutionKind = "police", string institution = "MVR") =>
        new($"tm-{email}", [PlatformRoles.TeamMember], institution, institutionKind, email);

    public static TokenSubject ReintegrationOfficer(string municipality) =>
        new($"ro-{municipality}", [PlatformRoles.ReintegrationOfficer], municipality, "municipality");

    public static TokenSubject PrisonOfficer(string prison = "KPI-IDRIZOVO") => new($"po-{prison}", [PlatformRoles.PrisonProbationOfficer], prison, "prison");

    public static TokenSubject TrainingAdmin() => new("ta-1", [PlatformRoles.TrainingAdmin], "MTSP", "ministry");

    public static TokenSubject Analyst() => new("an-1", [PlatformRoles.Analyst], "MTSP", "ministry");

    public static TokenSubject PlatformAdmin() => new("pa-1", [PlatformRoles.PlatformAdmin], "PLATFORM", "platform");
}
